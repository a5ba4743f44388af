import { describe, expect, it, vi } from 'vitest';
import { httpRequest, queryString, type FetchLike } from '../../../lib/net/http';

describe('httpRequest', () => {
  it('reports status, body, final URL and a visible redirect target', async () => {
    const fetch: FetchLike = async () =>
      new Response(null, { status: 302, headers: { Location: '/mormhweb/logFiles/error.html' } });
    const r = await httpRequest(fetch, { url: 'https://kyfw.12306.cn/otn/leftTicket/queryZ?x=1' });
    expect(r.ok && r.res.status).toBe(302);
    expect(r.ok && r.res.location).toBe('https://kyfw.12306.cn/mormhweb/logFiles/error.html');
  });

  it('sends credentials and follows redirects by default', async () => {
    const spy = vi.fn<FetchLike>(async () => new Response('ok', { headers: { 'Retry-After': '30' } }));
    const r = await httpRequest(spy, { url: 'https://a.example/' });
    const init = spy.mock.calls[0]![1]!;
    expect(init.credentials).toBe('include');
    expect(init.redirect).toBe('follow');
    expect(r.ok && r.res.text).toBe('ok');
    expect(r.ok && r.res.retryAfterMs).toBe(30_000);
  });

  it('turns a stalled answer into a timeout error', async () => {
    const fetch: FetchLike = (_u, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const r = await httpRequest(fetch, { url: 'https://a.example/', timeoutMs: 20 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('timeout');
    expect(!r.ok && r.error.message.zh).toContain('秒内无响应');
  });

  it('turns a thrown fetch into a network error', async () => {
    const r = await httpRequest(async () => {
      throw new TypeError('Failed to fetch');
    }, { url: 'https://a.example/' });
    expect(!r.ok && r.error).toMatchObject({ code: 'network', message: { en: 'Network error: Failed to fetch' } });
  });

  it('says "offline" when the device has no network, not that the site failed', async () => {
    const nav = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true });
    try {
      const r = await httpRequest(async () => {
        throw new TypeError('Failed to fetch');
      }, { url: 'https://a.example/' });
      expect(!r.ok && r.error).toMatchObject({ code: 'offline', message: { zh: '网络不可用', en: 'Offline' } });
    } finally {
      if (nav) Object.defineProperty(globalThis, 'navigator', nav);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });

  it('encodes query parameters in order', () => {
    expect(queryString({ 'leftTicketDTO.train_date': '2026-03-05', fs: '北京,BJP' })).toBe(
      'leftTicketDTO.train_date=2026-03-05&fs=%E5%8C%97%E4%BA%AC%2CBJP',
    );
  });
});
