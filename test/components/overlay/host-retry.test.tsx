// The mounted panel on a page: it starts by saying what it looks up, and its retry (here: the
// network coming back) shows that again while the content script asks the background anew.
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountPanel, type PanelHandle } from '../../../components/overlay/host';
import { overlayViewSchema } from '../../../lib/capture/view';
import { useTestLanguage } from '../../support/i18n';
import { shadowRoots } from '../../support/shadow-roots';

let panel: PanelHandle | undefined;
const rootOf = shadowRoots();
beforeEach(() => void useTestLanguage('zh-CN'));
afterEach(() => {
  panel?.remove();
  panel = undefined;
  document.body.innerHTML = '';
});

async function mount(site: '12306' | 'fliggy', onRetry?: () => void) {
  const anchor = document.createElement('div');
  document.body.append(anchor);
  panel = await mountPanel(new ContentScriptContext(`test-${site}`), { site, anchor, append: 'after', collapsed: false, ...(onRetry ? { onRetry } : {}) });
  const host = document.querySelector(`[data-railair-overlay="${site}"]`)!;
  // Closed: the page sees no root on our host.
  expect(host.shadowRoot).toBeNull();
  const shadow = rootOf(host);
  return (sel: string) => shadow.querySelector<HTMLElement>(sel);
}

describe('mounted overlay panel', () => {
  it('says what it looks up as soon as it is mounted, on both sites', async () => {
    const onRail = await mount('12306');
    expect(onRail('[data-testid=railair-loading]')!.textContent).toBe('正在查询航班…');
    panel!.remove();
    const onFliggy = await mount('fliggy');
    expect(onFliggy('[data-testid=railair-loading]')!.textContent).toBe('正在查询火车…');
  });

  it('speaks the language the overlay started, English included', async () => {
    useTestLanguage('en');
    const q = await mount('fliggy');
    expect(q('[data-testid=railair-loading]')!.textContent).toBe('Looking up trains…');
    expect(q('[data-testid=railair-toggle]')!.textContent).toBe('Hide');
    expect(q('.ra-title')!.textContent).toBe('RailAir · Same-day trains');
  });

  it('asks again when the network is back, saying so while it does', async () => {
    const onRetry = vi.fn();
    const q = await mount('fliggy', onRetry);
    const view = overlayViewSchema().parse({
      show: 'rail',
      date: '2026-11-23',
      status: 'no-data',
      rows: [],
      sources: {},
      beats: [],
      diagnostics: 0,
      liveError: { code: 'offline', message: { zh: '网络不可用', en: 'Offline' } },
    });
    act(() => panel!.update({ kind: 'view', view }));
    expect(q('[data-testid=railair-live-error]')!.textContent).toContain('网络不可用');
    act(() => void window.dispatchEvent(new Event('online')));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(q('[data-testid=railair-loading]')!.textContent).toContain('正在查询火车…');
  });
});
