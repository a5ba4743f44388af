// The diagnostics say which path answered the last 12306 query: the worker's own, or a search
// tab's (the relay), so a user or a bug report can tell when 12306 turns the worker away.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { DiagnosticsPanel } from '../../../components/options/DiagnosticsPanel';
import type { ClientStatus, OptionsApi } from '../../../components/options/api';
import { chinaInstant } from '../../../lib/time';
import { domRoot } from '../../support/dom-root';
import { useTestLanguage } from '../../support/i18n';

const NOW = chinaInstant('2026-03-04', 600);
const { root: rootOf, flush, $ } = domRoot();

async function mount(status: ClientStatus, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const api = {
    diagnostics: async () => ({ entries: [], undecodable: 0, unrecognised: 0 }),
    status: async () => status,
    now: () => NOW,
    download: () => undefined,
  } as unknown as OptionsApi;
  useTestLanguage(lang);
  await act(() => render(<DiagnosticsPanel api={api} />, rootOf()));
  await flush();
}

const base: ClientStatus = { endpoint: { name: 'leftTicket/queryZ', source: 'init', at: NOW }, stations: { count: 3364 } };

describe('diagnostics: the path that answered', () => {
  it('names a search tab when the relay answered', async () => {
    await mount({ ...base, endpoint: { ...base.endpoint, lastPath: { via: 'tab', at: NOW } } });
    const el = $('[data-testid=client-last-path]')!;
    expect(el.getAttribute('data-via')).toBe('tab');
    expect(el.textContent).toContain('12306 页面（标签页转查）');
    expect(el.textContent).toContain('10:00');
  });

  it("names the worker's own query, in English too", async () => {
    await mount({ ...base, endpoint: { ...base.endpoint, lastPath: { via: 'worker', at: NOW } } }, 'en');
    expect($('[data-testid=client-last-path]')!.textContent).toBe(' · Last answer: worker query 2026-03-04 10:00');
    expect($('[data-testid=client-status]')!.textContent).toMatch(/^12306 endpoint: leftTicket\/queryZ \(init\) · Stations: 3364/);
    expect($('#diagnostics')!.textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('says nothing before any answer', async () => {
    await mount(base);
    expect($('[data-testid=client-status]')).not.toBeNull();
    expect($('[data-testid=client-last-path]')).toBeNull();
  });

  it('says until when Fliggy\'s live search is paused (China time), and nothing when it is not', async () => {
    await mount({ ...base, fliggyBlockedUntil: NOW + 5 * 60_000 });
    expect($('[data-testid=fliggy-status]')!.textContent).toBe('飞猪实时查询暂停至 10:05（验证或限流）');
    await act(() => render(null, rootOf()));
    await mount(base);
    expect($('[data-testid=fliggy-status]')).toBeNull();
  });
});
