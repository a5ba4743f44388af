// The overlay's faces on both sites: what it says while it looks the other mode up, and the one
// no-data face (same markup on 12306 and Fliggy) saying why, with the shared error faces: a live
// countdown then a retry, offline retried when the network is back, the Fliggy verification link.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OverlayPanel, type PanelState } from '../../../components/overlay/OverlayPanel';
import { overlayViewSchema, type LiveError, type OverlayView } from '../../../lib/capture/view';
import { chinaInstant } from '../../../lib/time';
import { useTestLanguage } from '../../support/i18n';

const DATE = '2026-11-23';
const NOW = chinaInstant(DATE, 6 * 60);
const FLIGGY = `https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=${DATE}`;
const RAIL = 'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc';

function noData(site: '12306' | 'fliggy', liveError: LiveError): OverlayView {
  return overlayViewSchema().parse({
    show: site === '12306' ? 'air' : 'rail',
    date: DATE,
    from: { city: '北京', cityCode: 'BJS' },
    to: { city: '上海', cityCode: 'SHA' },
    status: 'no-data',
    rows: [],
    sources: {},
    beats: [],
    diagnostics: 0,
    liveError,
    otherSearchUrl: site === '12306' ? FLIGGY : RAIL,
  });
}

const blocked = (retryAt: number): LiveError => ({
  code: 'blocked',
  message: { zh: '12306 暂时拒绝了查询（繁忙或风控）', en: '12306 turned the query away for now (busy or risk control)' },
  retryAt,
});

let root: HTMLElement;
beforeEach(() => {
  useTestLanguage('zh-CN');
  root = document.createElement('div');
  document.body.append(root);
  vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

function show(site: '12306' | 'fliggy', state: PanelState, onRetry?: () => void) {
  act(() => render(<OverlayPanel site={site} state={state} collapsed={false} onToggle={() => {}} now={Date.now()} {...(onRetry ? { onRetry } : {})} />, root));
}
const q = (sel: string) => root.querySelector<HTMLElement>(sel);

/** The element tree with classes, roles and test ids but no text: the face's markup. */
function skeleton(el: Element): string {
  const attrs = ['class', 'role', 'data-testid', 'data-face'].map((a) => (el.hasAttribute(a) ? ` ${a}="${el.getAttribute(a)}"` : '')).join('');
  return `<${el.tagName.toLowerCase()}${attrs}>${Array.from(el.children).map(skeleton).join('')}</${el.tagName.toLowerCase()}>`;
}

describe('overlay faces', () => {
  it('says what it is looking up while the query runs, on both sites', () => {
    show('12306', { kind: 'loading' });
    expect(q('[data-testid=railair-loading]')!.textContent).toBe('正在查询航班…');
    show('fliggy', { kind: 'loading' });
    expect(q('[data-testid=railair-loading]')!.textContent).toBe('正在查询火车…');
  });

  it('shows the same no-data face on 12306 and Fliggy, saying why', () => {
    show('12306', { kind: 'view', view: noData('12306', blocked(NOW + 30_000)) });
    const onRail = skeleton(q('[data-testid=railair-no-data]')!);
    expect(q('[data-testid=railair-live-error]')!.textContent).toContain('12306 暂时拒绝了查询（繁忙或风控），30 秒后重试');
    show('fliggy', { kind: 'view', view: noData('fliggy', blocked(NOW + 30_000)) });
    expect(skeleton(q('[data-testid=railair-no-data]')!)).toBe(onRail);
    expect(q('[data-testid=railair-live-error]')!.textContent).toContain('12306 暂时拒绝了查询（繁忙或风控），30 秒后重试');
    expect(q('[data-testid=railair-live-error]')!.textContent).not.toContain('retry in');
    // The shared face's words come once, in the UI language (components/common/error-face.ts).
    expect(q('[data-testid=railair-live-error]')!.textContent).not.toContain('retry in 30 s');
  });

  it('counts the wait down each second and offers the retry at zero', () => {
    const onRetry = vi.fn();
    show('fliggy', { kind: 'view', view: noData('fliggy', blocked(NOW + 2000)) }, onRetry);
    const retry = () => q('[data-testid=railair-retry]') as HTMLButtonElement;
    expect(q('[data-testid=railair-live-error]')!.textContent).toContain('，2 秒后重试');
    expect(retry().disabled).toBe(true);
    act(() => void vi.advanceTimersByTime(1000));
    expect(q('[data-testid=railair-live-error]')!.textContent).toContain('，1 秒后重试');
    act(() => void vi.advanceTimersByTime(1000));
    expect(q('[data-testid=railair-live-error]')!.textContent).not.toContain('秒后重试');
    expect(retry().disabled).toBe(false);
    expect(onRetry).not.toHaveBeenCalled();
    act(() => retry().click());
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('says the network is offline and asks again when it is back', () => {
    const onRetry = vi.fn();
    show('12306', { kind: 'view', view: noData('12306', { code: 'offline', message: { zh: '网络不可用', en: 'Offline' } }) }, onRetry);
    expect(q('[data-testid=railair-live-error]')!.getAttribute('data-face')).toBe('offline');
    expect(q('[data-testid=railair-live-error]')!.textContent).toContain('网络不可用');
    act(() => void window.dispatchEvent(new Event('online')));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('asks to verify on Fliggy with a link to its search, and offers no retry', () => {
    const onRetry = vi.fn();
    show('12306', { kind: 'view', view: noData('12306', { code: 'challenge', message: { zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' }, retryAt: NOW + 60_000 }) }, onRetry);
    const face = q('[data-testid=railair-live-error]')!;
    expect(face.textContent).toContain('请在飞猪页面完成验证');
    expect(face.textContent).not.toContain('Verify on Fliggy');
    expect(face.textContent).not.toContain('秒后重试');
    const link = q('[data-testid=railair-open-other]')!;
    expect(link.getAttribute('href')).toBe(FLIGGY);
    expect(link.textContent).toBe('在飞猪页面完成验证');
    expect(root.querySelectorAll('a')).toHaveLength(1);
    expect(q('[data-testid=railair-retry]')).toBeNull();
    act(() => void vi.advanceTimersByTime(120_000));
    expect(onRetry).not.toHaveBeenCalled();
  });
});

describe('overlay faces in English', () => {
  beforeEach(() => void useTestLanguage('en'));
  const han = /[\u4e00-\u9fff]/;

  it('says what it is looking up, in English only', () => {
    show('12306', { kind: 'loading' });
    expect(q('[data-testid=railair-loading]')!.textContent).toBe('Looking up flights…');
    show('fliggy', { kind: 'loading' });
    expect(q('[data-testid=railair-loading]')!.textContent).toBe('Looking up trains…');
  });

  it('counts a wait down and links to the other site in English, with no Chinese but the place names', () => {
    const onRetry = vi.fn();
    show('fliggy', { kind: 'view', view: noData('fliggy', blocked(NOW + 30_000)) }, onRetry);
    const face = q('[data-testid=railair-live-error]')!;
    expect(face.textContent).toContain('Live 12306 query did not answer: 12306 turned the query away for now (busy or risk control), retry in 30 s');
    expect(q('[data-testid=railair-retry]')!.textContent).toBe('Retry');
    expect(q('[data-testid=railair-open-other]')!.textContent).toBe('Search trains on 12306');
    const noDataText = q('[data-testid=railair-no-data]')!.textContent!;
    expect(noDataText).toContain('No trains known yet for 北京 → 上海 23 November');
    // 北京 and 上海 are the test's own data; every word around them is English.
    expect(noDataText.replace(/北京|上海/g, '')).not.toMatch(han);
    expect(q('.ra-head')!.textContent!.replace(/北京|上海/g, '')).not.toMatch(han);
  });

  it('asks to verify on Fliggy in English', () => {
    show('12306', { kind: 'view', view: noData('12306', { code: 'challenge', message: { zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' } }) });
    expect(q('[data-testid=railair-live-error]')!.textContent).toBe('Live flight query did not answer: Verify on Fliggy');
    expect(q('[data-testid=railair-open-other]')!.textContent).toBe('Verify on Fliggy');
    expect(root.textContent!.replace(/北京|上海/g, '')).not.toMatch(han);
  });
});
