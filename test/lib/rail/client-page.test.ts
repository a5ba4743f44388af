// The 12306 client as 2026's checks see it: each query carries what the search page sends (the
// Referer through PageHeaders, the page's headers), a refused query is tried once more from an
// open search tab (the relay), and every failure has a face a user understands.
import { describe, expect, it } from 'vitest';
import { createRailClient, QUERY_HEADERS, type RailClientState } from '../../../lib/rail/client';
import type { RailRelay } from '../../../lib/rail/relay';
import type { PageHeaders } from '../../../lib/net/page-headers';
import { chinaInstant } from '../../../lib/time';
import { fake12306 } from '../net/fake-sites';

const DAYTIME = chinaInstant('2026-03-04', 10 * 60);
const NIGHT = chinaInstant('2026-03-04', 23 * 60 + 30);
const Q = { date: '2026-03-05', from: 'BJP', to: 'SHH' } as const;
const BLOCKED = { zh: '12306 暂时拒绝了查询（繁忙或风控）', en: '12306 turned the query away for now (busy or risk control)' };

/** Records every around() call and what the request sent inside it. */
function recordingHeaders() {
  const calls: Array<{ url: string; referer: string }> = [];
  let inside = false;
  const headers: PageHeaders = {
    async around(url, referer, send) {
      calls.push({ url, referer });
      inside = true;
      try {
        return await send();
      } finally {
        inside = false;
      }
    },
  };
  return { headers, calls, isInside: () => inside };
}

function setup(opts: { relay?: RailRelay; t?: number } = {}) {
  const site = fake12306();
  const sent: Array<{ url: string; headers: Record<string, string>; inRule: boolean }> = [];
  const rec = recordingHeaders();
  const clock = { t: opts.t ?? DAYTIME };
  const stored: { value: RailClientState | undefined } = { value: undefined };
  const client = createRailClient({
    fetch: (url, init) => {
      sent.push({ url, headers: { ...(init?.headers as Record<string, string>) }, inRule: rec.isInside() });
      return site.fetch(url, init);
    },
    now: () => clock.t,
    headers: rec.headers,
    storage: { getValue: async () => stored.value, setValue: async (v) => void (stored.value = structuredClone(v ?? undefined)) },
    backoff: { baseMs: 30_000, maxMs: 600_000 },
    timeoutMs: 50,
    ...(opts.relay ? { relay: opts.relay } : {}),
  });
  const queries = () => sent.filter((s) => s.url.includes('/leftTicket/query'));
  return { site, sent, queries, rec, clock, client, stored };
}

describe('12306 queries that look like the page\'s', () => {
  it('warms up on the init page, then sends the query inside a Referer rule for the route\'s search page, with the page\'s headers', async () => {
    const { sent, queries, rec, client } = setup();
    const r = await client.queryTrains(Q);
    expect(r.ok).toBe(true);
    expect(sent[0]!.url).toBe('https://kyfw.12306.cn/otn/leftTicket/init');
    const q = queries()[0]!;
    expect(rec.calls).toEqual([
      {
        url: q.url,
        referer: 'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=BJP,BJP&ts=SHH,SHH&date=2026-03-05&flag=N,N,Y',
      },
    ]);
    expect(q.inRule).toBe(true);
    expect(q.headers).toEqual({ 'X-Requested-With': 'XMLHttpRequest', Accept: '*/*', 'If-Modified-Since': '0', 'Cache-Control': 'no-cache' });
    expect(QUERY_HEADERS).toEqual(q.headers);
    // The warm-up is a plain page load: no rule needed.
    expect(sent[0]!.inRule).toBe(false);
  });

  it('uses a student search page (flag=N,N,N) as the Referer of a student query', async () => {
    const { rec, client } = setup();
    await client.queryTrains({ ...Q, student: true });
    expect(rec.calls[0]!.referer).toMatch(/&flag=N,N,N$/);
  });

  it('records that the worker answered', async () => {
    const { client, stored, clock } = setup();
    const r = await client.queryTrains(Q);
    expect(r.path).toBe('worker');
    expect(stored.value?.lastPath).toEqual({ via: 'worker', at: clock.t });
    expect(await client.endpoint()).toMatchObject({ lastPath: { via: 'worker', at: clock.t } });
  });
});

describe('the tab relay', () => {
  /** A search tab that runs the query against the same fake site, as the page would. */
  function tabOf(site: ReturnType<typeof fake12306>, asked: string[]): RailRelay {
    return async (url) => {
      asked.push(url);
      const saved = site.failure;
      site.failure = null; // the page's own query passes 12306's checks
      try {
        const res = await site.fetch(url);
        return { status: res.status, finalUrl: res.url || url, text: await res.text() };
      } finally {
        site.failure = saved;
      }
    };
  }

  it('answers a query 12306 turned away (302 to error.html) from an open search tab, decoded, and says so', async () => {
    const asked: string[] = [];
    let tab: RailRelay = async () => undefined;
    const { site, client, stored, clock, queries } = setup({ relay: (u) => tab(u) });
    tab = tabOf(site, asked);
    site.failure = '302';
    const r = await client.queryTrains(Q);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.trains).toHaveLength(6);
    expect(r.path).toBe('tab');
    expect(asked).toEqual([queries()[0]!.url]);
    expect(stored.value?.lastPath).toEqual({ via: 'tab', at: clock.t });
    // Answered: no back-off for the next caller.
    expect(await client.blockedUntil()).toBeUndefined();
  });

  it('also relays an HTML page answered with status 200', async () => {
    const asked: string[] = [];
    let tab: RailRelay = async () => undefined;
    const { site, client } = setup({ relay: (u) => tab(u) });
    tab = tabOf(site, asked);
    site.failure = 'html';
    const r = await client.queryTrains(Q);
    expect(r.ok && r.path).toBe('tab');
    expect(asked).toHaveLength(1);
  });

  it('without a tab, the refusal stands: the blocked face with a retry time, and a shared back-off', async () => {
    const asked: string[] = [];
    const { site, client, clock } = setup({ relay: async (u) => (asked.push(u), undefined) });
    site.failure = '302';
    const r = await client.queryTrains(Q);
    expect(asked).toHaveLength(1);
    expect(!r.ok && r.error).toMatchObject({ code: 'blocked', message: BLOCKED, retryAt: clock.t + 30_000 });
    expect(await client.blockedUntil()).toBe(clock.t + 30_000);
  });

  it('a tab that is refused too (or answers garbage) leaves the worker\'s refusal', async () => {
    const { site, client } = setup({ relay: async (u) => ({ status: 200, finalUrl: u, text: '<!DOCTYPE html><html><body>err</body></html>' }) });
    site.failure = '302';
    const r = await client.queryTrains(Q);
    expect(!r.ok && r.error.code).toBe('blocked');
  });

  it('does not ask a tab for what is not a refusal (403 rate limit)', async () => {
    const asked: string[] = [];
    const day = setup({ relay: async (u) => (asked.push(u), undefined) });
    day.site.failure = '403';
    expect(!(await day.client.queryTrains(Q)).ok).toBe(true);
    expect(asked).toEqual([]);
  });

  it('at night asks the tab once: its answer wins; a tab refused too leaves maintenance until 06:00', async () => {
    const asked: string[] = [];
    const silent = setup({ relay: async (u) => (asked.push(u), undefined), t: NIGHT });
    silent.site.failure = '302';
    const r = await silent.client.queryTrains(Q);
    expect(!r.ok && r.error.code).toBe('maintenance');
    expect(asked).toHaveLength(1);

    let tab: RailRelay = async () => undefined;
    const answering = setup({ relay: (u) => tab(u), t: NIGHT });
    tab = tabOf(answering.site, asked);
    answering.site.failure = '302';
    const ok = await answering.client.queryTrains(Q);
    expect(ok.ok && ok.path).toBe('tab');
    expect(asked).toHaveLength(2);
    expect(await answering.client.blockedUntil()).toBeUndefined();
  });
});

describe('error faces', () => {
  it('302 to error.html and an HTML page: code blocked, the same words, no seconds in them, a retry time', async () => {
    for (const failure of ['302', 'html'] as const) {
      const { site, client, clock } = setup();
      site.failure = failure;
      const r = await client.queryTrains(Q);
      expect(!r.ok && r.error, failure).toMatchObject({ code: 'blocked', message: BLOCKED, retryAt: clock.t + 30_000 });
      expect(!r.ok && /\d+\s*(秒|s\b)/.test(r.error.message.zh + r.error.message.en)).toBe(false);
    }
  });

  it('JSON we cannot read stays a format error (not blocked)', async () => {
    const site = fake12306();
    const client = createRailClient({
      fetch: async (url, init) => (url.includes('/leftTicket/query') ? new Response('{"status":true,"data":{"resultz":1}}', { headers: { 'content-type': 'application/json' } }) : site.fetch(url, init)),
      now: () => DAYTIME,
    });
    const r = await client.queryTrains(Q);
    expect(!r.ok && ['schema', 'not-json', 'unknown-format']).toContain(!r.ok && r.error.code);
  });

  it('offline: code offline, passed through, and no back-off', async () => {
    const site = fake12306();
    const nav = globalThis.navigator as { onLine?: boolean } | undefined;
    const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { ...nav, onLine: false }, configurable: true });
    try {
      const client = createRailClient({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')), now: () => DAYTIME });
      const r = await client.queryTrains(Q);
      expect(!r.ok && r.error).toMatchObject({ code: 'offline', message: { zh: '网络不可用', en: 'Offline' } });
      expect(await client.blockedUntil()).toBeUndefined();
      void site;
    } finally {
      if (had) Object.defineProperty(globalThis, 'navigator', had);
    }
  });

  it('maintenance in the night window as before', async () => {
    const { site, client } = setup({ t: NIGHT });
    site.failure = 'html';
    const r = await client.queryTrains(Q);
    expect(!r.ok && r.error.code).toBe('maintenance');
    expect(!r.ok && r.error.message.zh).toContain('维护');
  });

  it('a 403 stays rate-limited with its seconds', async () => {
    const { site, client } = setup();
    site.failure = '403';
    const r = await client.queryTrains(Q);
    expect(!r.ok && r.error).toMatchObject({ code: 'rate-limited', message: { zh: '12306 请求过于频繁，30 秒后重试' } });
  });
});
