// The popup's error faces as a user meets them: a wait counting down each second and retrying by
// itself once at zero, offline retried when the browser is back online, and the Fliggy
// verification face that links to Fliggy and never retries on its own.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AirAnswer, RailAnswer } from '../../../lib/messages/search';
import { FLIGGY_URL, NOW, airOk, fakeApi, railOk } from './fake-api';
import { popupDom } from './dom';
import { useTestLanguage } from '../../support/i18n';

const { root, $, $$, flush, searchLast } = popupDom();

// Only the countdown's clock is faked: the tests' flush still runs on real timeouts.
beforeEach(() => void vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] }));
afterEach(() => void vi.useRealTimers());

const tick = async (ms = 1000) => {
  await act(() => void vi.advanceTimersByTime(ms));
  await flush();
};

const railBlocked = (retryAt: number): RailAnswer => ({
  ok: false,
  error: { code: 'blocked', message: { zh: '12306 暂时拒绝了查询（繁忙或风控）', en: '12306 turned the query away for now (busy or risk control)' }, retryAt },
  fetchedAt: NOW,
  buyUrl: '',
});

describe('popup error faces', () => {
  it('counts a wait down each second, then retries by itself once', async () => {
    const api = fakeApi({ now: () => Date.now(), railAnswer: async () => railBlocked(NOW + 3000) });
    await searchLast(api);
    const face = () => $('[data-testid=rail-blocked]')!;
    const retry = () => $<HTMLButtonElement>('[data-testid=rail-retry]')!;
    expect(face().textContent).toBe('12306 暂时拒绝了查询（繁忙或风控），3 秒后重试重试');
    expect(retry().disabled).toBe(true);
    await tick();
    expect(face().textContent).toContain('，2 秒后重试');
    await tick();
    expect(face().textContent).toContain('，1 秒后重试');
    expect(api.rail).toHaveBeenCalledTimes(1);

    // At zero it asks again by itself; 12306 still refuses, with a new wait.
    api.railAnswer = async () => railBlocked(Date.now() + 2000);
    await tick();
    expect(api.rail).toHaveBeenCalledTimes(2);
    expect(face().textContent).toContain('，2 秒后重试');
    // Once only: the second wait ends with the retry offered, not taken.
    await tick(2000);
    expect(api.rail).toHaveBeenCalledTimes(2);
    expect(face().textContent).not.toContain('秒后重试');
    expect(retry().disabled).toBe(false);
    api.railAnswer = async () => railOk();
    await act(() => retry().click());
    await flush();
    expect(api.rail).toHaveBeenCalledTimes(3);
    expect($$('[data-testid=train]').length).toBeGreaterThan(0);
  });

  it('says "网络不可用" and retries when the browser is back online', async () => {
    const api = fakeApi({
      railAnswer: async () => ({ ok: false, error: { code: 'offline', message: { zh: '网络不可用', en: 'Offline' } }, fetchedAt: NOW, buyUrl: '' }),
    });
    await searchLast(api);
    expect($('[data-testid=rail-offline]')!.textContent).toBe('网络不可用 联网后自动重试重试');
    await tick(60_000);
    expect(api.rail).toHaveBeenCalledTimes(1);
    api.railAnswer = async () => railOk();
    await act(() => void window.dispatchEvent(new Event('online')));
    await flush();
    expect(api.rail).toHaveBeenCalledTimes(2);
    expect($('[data-testid=rail-offline]')).toBeNull();
    expect($$('[data-testid=train]').length).toBeGreaterThan(0);
  });

  it('asks the user to verify on Fliggy with a link there, and never retries by itself', async () => {
    const challenge: AirAnswer = {
      ok: false,
      error: { code: 'challenge', message: { zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' }, retryAt: NOW + 2000 },
      fliggyUrl: FLIGGY_URL,
    };
    const api = fakeApi({ now: () => Date.now(), airAnswer: async () => challenge });
    await searchLast(api);
    const face = $('[data-testid=air-challenge]')!;
    expect(face.textContent).toBe('请在飞猪页面完成验证打开飞猪');
    const link = face.querySelector<HTMLAnchorElement>('a[data-testid=air-verify]')!;
    expect(link.getAttribute('href')).toBe(FLIGGY_URL);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(face.querySelector('button')).toBeNull();
    await tick(10_000);
    expect(api.air).toHaveBeenCalledTimes(1);
    expect($('[data-testid=air-challenge]')).not.toBeNull();
    // The trains are unaffected.
    expect($$('[data-testid=train]').length).toBeGreaterThan(0);
  });

  it('a flight wait counts down and retries only the flights at zero', async () => {
    const api = fakeApi({
      now: () => Date.now(),
      airAnswer: async () => ({ ok: false, error: { code: 'rate-limited', message: { zh: '飞猪限制了查询频率', en: 'Fliggy is limiting requests' }, retryAt: NOW + 2000 }, fliggyUrl: FLIGGY_URL }),
    });
    await searchLast(api);
    expect($('[data-testid=air-blocked]')!.textContent).toContain('飞猪限制了查询频率，2 秒后重试');
    expect($('[data-testid=air-blocked]')!.textContent).not.toContain('Fliggy is limiting requests');
    api.airAnswer = async () => airOk(3, 'fliggy', Date.now());
    await tick(2000);
    expect(api.air).toHaveBeenCalledTimes(2);
    expect(api.rail).toHaveBeenCalledTimes(1);
    expect($$('[data-testid=flight]')).toHaveLength(3);
  });

  it('speaks English only in an English UI: the wait, offline, verification and format faces', async () => {
    useTestLanguage('en');
    const api = fakeApi({ now: () => Date.now(), railAnswer: async () => railBlocked(NOW + 3000) });
    await searchLast(api);
    expect($('[data-testid=rail-blocked]')!.textContent).toBe('12306 turned the query away for now (busy or risk control), retry in 3 s' + 'Retry');
    await tick();
    expect($('[data-testid=rail-blocked]')!.textContent).toContain(', retry in 2 s');

    render(null, root());
    const offline = fakeApi({ railAnswer: async () => ({ ok: false, error: { code: 'offline', message: { zh: '网络不可用', en: 'Offline' } }, fetchedAt: NOW, buyUrl: '' }) });
    await searchLast(offline);
    expect($('[data-testid=rail-offline]')!.textContent).toBe('Offline retries when back online' + 'Retry');

    render(null, root());
    const challenge = fakeApi({
      railAnswer: async () => ({ ok: false, error: { code: 'schema', message: { zh: '余票查询：返回数据缺少 data.result 列表', en: 'left-ticket: data.result is missing' } }, fetchedAt: NOW, buyUrl: '' }),
      airAnswer: async () => ({ ok: false, error: { code: 'challenge', message: { zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' } }, fliggyUrl: FLIGGY_URL }),
    });
    await searchLast(challenge);
    expect($('[data-testid=air-challenge]')!.textContent).toBe('Verify on Fliggy' + 'Open Fliggy');
    expect($('[data-testid=rail-format]')!.textContent).toBe("12306 changed its format; we cannot read it yet (left-ticket: data.result is missing)" + 'See diagnostics');
    expect($('.statuses')!.textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
