import { describe, expect, it } from 'vitest';
import {
  createRailClient,
  leftTicketUrl,
  padDate,
  railSearchPageUrl,
  type RailClientState,
} from '../../../lib/rail/client';
import { endpointOfUrl, parseCLeftTicketUrl, parseStationVersion } from '../../../lib/rail/endpoint';
import { inServiceWindow, windowEnd } from '../../../lib/rail/service-window';
import { chinaInstant } from '../../../lib/time';
import type { StoredValue } from '../../../lib/store/item';
import { fake12306, initPage } from '../net/fake-sites';

const DAYTIME = chinaInstant('2026-03-04', 10 * 60); // 10:00 China time
const NIGHT = chinaInstant('2026-03-04', 23 * 60 + 30); // 23:30 China time
const Q = { date: '2026-03-05', from: 'BJP', to: 'SHH' } as const;

function memoryStore(): StoredValue<RailClientState | undefined> & { value: RailClientState | undefined } {
  const s = {
    value: undefined as RailClientState | undefined,
    getValue: async () => s.value,
    setValue: async (v: RailClientState | undefined) => {
      s.value = structuredClone(v);
    },
  };
  return s;
}

function setup(site = fake12306(), t0 = DAYTIME) {
  const clock = { t: t0 };
  const storage = memoryStore();
  const client = createRailClient({
    fetch: site.fetch,
    now: () => clock.t,
    storage,
    backoff: { baseMs: 30_000, maxMs: 600_000 },
    timeoutMs: 50,
  });
  return { site, clock, storage, client };
}

describe('endpoint discovery helpers', () => {
  it('reads CLeftTicketUrl and the station list version from the init page', () => {
    const html = initPage('leftTicket/queryG', '1.9383');
    expect(parseCLeftTicketUrl(html)).toBe('leftTicket/queryG');
    expect(parseStationVersion(html)).toBe('1.9383');
    expect(parseCLeftTicketUrl("var CLeftTicketUrl = 'javascript:alert(1)';")).toBeUndefined();
    expect(endpointOfUrl('https://kyfw.12306.cn/otn/leftTicket/queryA?x=1')).toBe('leftTicket/queryA');
    expect(endpointOfUrl('https://kyfw.12306.cn/otn/leftTicket/init')).toBeUndefined();
  });

  it('builds the query with a zero-padded date and the purpose code', () => {
    expect(padDate('2026-3-5')).toBe('2026-03-05');
    const url = new URL(leftTicketUrl('https://kyfw.12306.cn', 'leftTicket/queryZ', { ...Q, date: '2026-3-5', student: true }));
    expect(url.pathname).toBe('/otn/leftTicket/queryZ');
    expect([...url.searchParams]).toEqual([
      ['leftTicketDTO.train_date', '2026-03-05'],
      ['leftTicketDTO.from_station', 'BJP'],
      ['leftTicketDTO.to_station', 'SHH'],
      ['purpose_codes', '0X00'],
    ]);
  });

  it('links to 12306 search page for the same search', () => {
    const u = new URL(railSearchPageUrl('https://kyfw.12306.cn', { ...Q, fromName: '北京', toName: '上海' }));
    expect(u.pathname).toBe('/otn/leftTicket/init');
    expect(u.searchParams.get('fs')).toBe('北京,BJP');
    expect(u.searchParams.get('ts')).toBe('上海,SHH');
    expect(u.searchParams.get('date')).toBe('2026-03-05');
    expect(u.searchParams.get('linktypeid')).toBe('dc');
  });
});

describe('service window', () => {
  it('is 23:00–06:00 China time and ends at the next 06:00', () => {
    expect(inServiceWindow(DAYTIME)).toBe(false);
    expect(inServiceWindow(NIGHT)).toBe(true);
    expect(inServiceWindow(chinaInstant('2026-03-05', 5 * 60 + 59))).toBe(true);
    expect(inServiceWindow(chinaInstant('2026-03-05', 6 * 60))).toBe(false);
    expect(windowEnd(NIGHT)).toBe(chinaInstant('2026-03-05', 6 * 60));
    expect(windowEnd(chinaInstant('2026-03-05', 60))).toBe(chinaInstant('2026-03-05', 6 * 60));
  });
});

describe('createRailClient.queryTrains', () => {
  it('warms up on the init page, then queries the announced endpoint', async () => {
    const { site, client, clock } = setup(fake12306({ announce: 'leftTicket/queryZ' }));
    const r = await client.queryTrains(Q);
    expect(site.requests[0]).toBe('https://kyfw.12306.cn/otn/leftTicket/init');
    expect(site.queries()).toHaveLength(1);
    expect(site.queries()[0]).toContain('/otn/leftTicket/queryZ?leftTicketDTO.train_date=2026-03-05&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.trains).toHaveLength(6);
    expect(r.value.trains[0]!.date).toBe('2026-03-05');
    expect(r.fetchedAt).toBe(clock.t);
    expect(r.fromCache).toBe(false);
    expect(r.endpoint).toBe('leftTicket/queryZ');
    expect(await client.endpoint()).toMatchObject({ name: 'leftTicket/queryZ', source: 'init' });
  });

  it('sends student searches with purpose_codes 0X00 and keeps them apart in the cache', async () => {
    const { site, client } = setup();
    const adult = await client.queryTrains(Q);
    const student = await client.queryTrains({ ...Q, student: true });
    expect(site.queries().map((u) => new URL(u).searchParams.get('purpose_codes'))).toEqual(['ADULT', '0X00']);
    // The answer says whom it was for: a student answer's prices get "学生票价以 12306 为准".
    expect(adult.ok && adult.value.purpose).toBe('adult');
    expect(student.ok && student.value.purpose).toBe('student');
  });

  it('pads a date given without zeros', async () => {
    const { site, client } = setup();
    const r = await client.queryTrains({ ...Q, date: '2026-3-5' });
    expect(r.ok).toBe(true);
    expect(site.queries()[0]).toContain('train_date=2026-03-05');
  });

  it('answers the same query from its cache for 60 s, then asks again', async () => {
    const { site, client, clock } = setup();
    await client.queryTrains(Q);
    clock.t += 59_000;
    const again = await client.queryTrains(Q);
    expect(again.fromCache).toBe(true);
    expect(again.ok).toBe(true);
    expect(site.queries()).toHaveLength(1);
    clock.t += 1_000;
    const fresh = await client.queryTrains(Q);
    expect(fresh.fromCache).toBe(false);
    expect(site.queries()).toHaveLength(2);
  });

  it('sends one request for concurrent callers of the same route (single flight)', async () => {
    const { site, client } = setup();
    const rs = await Promise.all([client.queryTrains(Q), client.queryTrains(Q), client.queryTrains(Q)]);
    expect(rs.every((r) => r.ok)).toBe(true);
    expect(site.queries()).toHaveLength(1);
    expect(rs.filter((r) => r.fromCache)).toHaveLength(2);
  });

  it('warms up once for concurrent queries of different routes', async () => {
    const { site, client } = setup();
    await Promise.all([client.queryTrains(Q), client.queryTrains({ ...Q, to: 'AOH' }), client.queryTrains({ ...Q, from: 'VNP' })]);
    expect(site.requests.filter((u) => u.endsWith('/leftTicket/init'))).toHaveLength(1);
    expect(site.queries()).toHaveLength(3);
  });

  it('follows a c_url answer to the new endpoint name and remembers it across restarts', async () => {
    const { site, client, storage, clock } = setup(fake12306({ announce: 'leftTicket/queryZ', live: 'leftTicket/queryG', moved: 'c_url' }));
    const r = await client.queryTrains(Q);
    expect(r.ok).toBe(true);
    expect(site.queries().map((u) => new URL(u).pathname)).toEqual(['/otn/leftTicket/queryZ', '/otn/leftTicket/queryG']);
    expect(await client.endpoint()).toMatchObject({ name: 'leftTicket/queryG', source: 'c_url' });
    expect(storage.value?.endpoint?.name).toBe('leftTicket/queryG');

    // A new worker with the same storage starts from the remembered name.
    const restarted = createRailClient({ fetch: site.fetch, now: () => clock.t, storage });
    expect((await restarted.endpoint()).name).toBe('leftTicket/queryG');
  });

  it('follows a 302 to a new endpoint name and remembers it', async () => {
    const { site, client } = setup(fake12306({ announce: 'leftTicket/queryZ', live: 'leftTicket/queryU', moved: 'redirect' }));
    const r = await client.queryTrains(Q);
    expect(r.ok).toBe(true);
    expect(r.endpoint).toBe('leftTicket/queryU');
    expect(site.queries().map((u) => new URL(u).pathname)).toEqual(['/otn/leftTicket/queryZ', '/otn/leftTicket/queryU']);
    expect(await client.endpoint()).toMatchObject({ name: 'leftTicket/queryU', source: 'redirect' });
  });

  it('uses the remembered name when the init page does not answer', async () => {
    const site = fake12306({ announce: 'leftTicket/queryX', live: 'leftTicket/queryX' });
    const storage = memoryStore();
    storage.value = { endpoint: { name: 'leftTicket/queryX', source: 'c_url', at: 1 } };
    const failingInit: typeof site.fetch = (url, init) =>
      url.endsWith('/leftTicket/init') ? Promise.resolve(new Response('busy', { status: 503 })) : site.fetch(url, init);
    const client = createRailClient({ fetch: failingInit, now: () => DAYTIME, storage });
    const r = await client.queryTrains(Q);
    expect(r.ok).toBe(true);
    expect(site.queries()[0]).toContain('/leftTicket/queryX?');
  });

  it('maps a 302 to error.html to `blocked`, backs off, and sends nothing while waiting', async () => {
    const { site, client, clock } = setup();
    site.failure = '302';
    const r = await client.queryTrains(Q);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // 2026: 12306's busy / risk-control answer, in words a user understands; what came back is in the sample.
    expect(r.error.code).toBe('blocked');
    expect(r.error.message).toEqual({ zh: '12306 暂时拒绝了查询（繁忙或风控）', en: '12306 turned the query away for now (busy or risk control)' });
    // Where it went cannot be read without asking again (the worker's fetch fails on the
    // off-site redirect), and the query is not sent twice to learn it.
    expect(r.error.sample).toContain('redirect to an error page');
    expect(site.queries()).toHaveLength(1);
    expect(r.error.retryAt).toBe(clock.t + 30_000);
    const sent = site.requests.length;
    clock.t += 10_000;
    const waiting = await client.queryTrains({ ...Q, to: 'AOH' });
    // Callers turned away by the shared back-off learn the real cause, not "rate-limited".
    expect(!waiting.ok && waiting.error).toMatchObject({
      code: 'blocked',
      message: r.error.message,
      retryAt: clock.t + 20_000,
    });
    expect(site.requests.length).toBe(sent);
  });

  it('tells callers waiting out a 403 back-off they are rate-limited, with the seconds left', async () => {
    const { site, client, clock } = setup();
    site.failure = '403';
    await client.queryTrains(Q);
    clock.t += 10_000;
    const waiting = await client.queryTrains({ ...Q, to: 'AOH' });
    expect(!waiting.ok && waiting.error).toMatchObject({
      code: 'rate-limited',
      retryAt: clock.t + 20_000,
      message: { zh: '12306 请求过于频繁，20 秒后重试' },
    });
  });

  it('keeps the cause of the back-off across a worker restart', async () => {
    const { site, client, clock, storage } = setup();
    site.failure = '302';
    await client.queryTrains(Q);
    expect(storage.value?.backoff?.cause?.code).toBe('blocked');
    const restarted = createRailClient({ fetch: site.fetch, now: () => clock.t + 1000, storage });
    const r = await restarted.queryTrains(Q);
    expect(!r.ok && r.error).toMatchObject({ code: 'blocked', retryAt: clock.t + 30_000 });
  });

  it('treats an opaque redirect (as the worker sees a 302 to www.12306.cn) as `blocked`', async () => {
    const site = fake12306();
    const opaque: typeof site.fetch = async (url, init) => {
      if (!url.includes('/leftTicket/query')) return site.fetch(url, init);
      site.requests.push(url);
      if (init?.redirect !== 'manual') throw new TypeError('Failed to fetch'); // CORS on the error page
      const r = new Response(null, { status: 200 });
      Object.defineProperty(r, 'type', { value: 'opaqueredirect' });
      Object.defineProperty(r, 'status', { value: 0 });
      return r;
    };
    const client = createRailClient({ fetch: opaque, now: () => DAYTIME });
    const r = await client.queryTrains(Q);
    expect(!r.ok && r.error).toMatchObject({ code: 'blocked', message: { en: '12306 turned the query away for now (busy or risk control)' } });
    // One query per refusal: the search page (which a refusal warms up again anyway) tells the
    // redirect from a dead connection, not a second query.
    expect(site.queries()).toHaveLength(1);
    expect(site.requests.filter((u) => u.includes('/leftTicket/init'))).toHaveLength(2);
  });

  it('keeps a dead connection a `network` error: the search page does not answer either', async () => {
    const site = fake12306();
    let down = false;
    const flaky: typeof site.fetch = async (url, init) => {
      if (down) throw new TypeError('Failed to fetch');
      return site.fetch(url, init);
    };
    const client = createRailClient({ fetch: flaky, now: () => DAYTIME });
    expect((await client.queryTrains(Q)).ok).toBe(true);
    down = true;
    const r = await client.queryTrains({ ...Q, to: 'AOH' });
    expect(!r.ok && r.error.code).toBe('network');
    expect(await client.blockedUntil()).toBeUndefined();
  });

  it('maps an HTML page to the same `blocked` face with a retry time, and warms up again next time', async () => {
    const { site, client, clock } = setup();
    site.failure = 'html';
    const r = await client.queryTrains(Q);
    // An HTML page where JSON was expected is 12306 turning the query away, not a format change.
    expect(!r.ok && r.error.code).toBe('blocked');
    expect(!r.ok && r.error.retryAt).toBe(clock.t + 30_000);
    site.failure = null;
    clock.t += 30_000;
    const inits = () => site.requests.filter((u) => u.endsWith('/init')).length;
    const before = inits();
    const ok = await client.queryTrains(Q);
    expect(ok.ok).toBe(true);
    expect(inits()).toBe(before + 1);
  });

  it('maps 403 to `rate-limited`; the back-off doubles, is shared by every route, and a success clears it', async () => {
    const { site, client, clock, storage } = setup();
    site.failure = '403';
    const r1 = await client.queryTrains(Q);
    expect(!r1.ok && r1.error).toMatchObject({ code: 'rate-limited', retryAt: clock.t + 30_000 });
    expect(await client.blockedUntil()).toBe(clock.t + 30_000);
    clock.t += 30_000;
    const r2 = await client.queryTrains({ ...Q, from: 'VNP' });
    expect(!r2.ok && r2.error.retryAt).toBe(clock.t + 60_000);
    expect(storage.value?.backoff).toMatchObject({ failures: 2, until: clock.t + 60_000, cause: { code: 'rate-limited' } });
    clock.t += 60_000;
    site.failure = null;
    expect((await client.queryTrains(Q)).ok).toBe(true);
    expect(await client.blockedUntil()).toBeUndefined();
    expect(storage.value?.backoff?.failures).toBe(0);
  });

  it('keeps the back-off across a worker restart', async () => {
    const { site, client, clock, storage } = setup();
    site.failure = '403';
    await client.queryTrains(Q);
    const restarted = createRailClient({ fetch: site.fetch, now: () => clock.t + 1000, storage });
    const sent = site.requests.length;
    const r = await restarted.queryTrains(Q);
    expect(!r.ok && r.error.code).toBe('rate-limited');
    expect(site.requests.length).toBe(sent);
  });

  it('says 12306 is in maintenance for an HTML answer in the night window', async () => {
    const { site, client } = setup(fake12306(), NIGHT);
    site.failure = 'html';
    const r = await client.queryTrains(Q);
    expect(!r.ok && r.error).toMatchObject({
      code: 'maintenance',
      message: { zh: '12306 维护中，06:00 后恢复', en: '12306 is in maintenance until 06:00' },
      retryAt: chinaInstant('2026-03-05', 360),
    });
  });

  /** 12306 unreachable as a dead connection makes it: every request fails, the search page's too. */
  const deadWhenNetwork = (site: ReturnType<typeof fake12306>) => {
    const fetch = site.fetch;
    site.fetch = (url, init) => (site.failure === 'network' ? Promise.reject(new TypeError('Failed to fetch')) : fetch(url, init));
    return site;
  };

  it('keeps a dead connection or a timeout at night a short-lived `network`/`timeout`, not maintenance', async () => {
    const night = setup(deadWhenNetwork(fake12306()), NIGHT);
    night.site.failure = 'network';
    const rn = await night.client.queryTrains(Q);
    expect(!rn.ok && rn.error.code).toBe('network');
    expect(!rn.ok && rn.error.retryAt).toBeUndefined();
    night.site.failure = 'hang';
    const rt = await night.client.queryTrains({ ...Q, to: 'AOH' });
    expect(!rt.ok && rt.error.code).toBe('timeout');
    // Nothing holds the next try: the transport error did not start a back-off.
    expect(await night.client.blockedUntil()).toBeUndefined();
    night.site.failure = null;
    expect((await night.client.queryTrains(Q)).ok).toBe(true);
    const day = setup(deadWhenNetwork(fake12306()));
    day.site.failure = 'network';
    const rd = await day.client.queryTrains(Q);
    expect(!rd.ok && rd.error.code).toBe('network');
  });

  it('says maintenance for a 302 to error.html in the night window, also to callers waiting out the back-off', async () => {
    const { site, client, clock } = setup(fake12306(), NIGHT);
    site.failure = '302';
    const r = await client.queryTrains(Q);
    expect(!r.ok && r.error).toMatchObject({
      code: 'maintenance',
      message: { zh: '12306 维护中，06:00 后恢复', en: '12306 is in maintenance until 06:00' },
      retryAt: chinaInstant('2026-03-05', 360),
    });
    const sent = site.requests.length;
    clock.t += 10_000;
    const waiting = await client.queryTrains({ ...Q, to: 'AOH' });
    expect(!waiting.ok && waiting.error).toMatchObject({ code: 'maintenance', message: { zh: '12306 维护中，06:00 后恢复' }, retryAt: clock.t + 20_000 });
    expect(site.requests.length).toBe(sent);
  });

  it('says maintenance with the usual message when 12306 answers JSON that it is in maintenance', async () => {
    const site = fake12306();
    const json: typeof site.fetch = async (url, init) => {
      if (!url.includes('/leftTicket/query')) return site.fetch(url, init);
      const body = JSON.stringify({ status: false, messages: ['系统维护时间内不提供查询服务'], data: null });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = createRailClient({ fetch: json, now: () => NIGHT });
    const r = await client.queryTrains(Q);
    expect(!r.ok && r.error).toMatchObject({
      code: 'maintenance',
      message: { zh: '12306 维护中，06:00 后恢复' },
      retryAt: chinaInstant('2026-03-05', 360),
    });
  });

  it('recognises a maintenance page whatever the hour', async () => {
    const { site, client } = setup();
    site.failure = 'maintenance-html';
    const r = await client.queryTrains(Q);
    expect(!r.ok && r.error.code).toBe('maintenance');
  });

  it('still returns trains at night when 12306 answers (rows carry the notice)', async () => {
    const { client } = setup(fake12306(), NIGHT);
    const r = await client.queryTrains(Q);
    expect(r.ok).toBe(true);
  });

  it('gives up after the timeout', async () => {
    const { site, client } = setup();
    site.failure = 'hang';
    const r = await client.queryTrains(Q);
    expect(!r.ok && r.error.code).toBe('timeout');
  });

  it('maps an empty body to `empty`', async () => {
    const { site, client } = setup();
    site.failure = 'empty-body';
    const r = await client.queryTrains(Q);
    expect(!r.ok && r.error.code).toBe('empty');
  });

  it('rejects bad input without sending anything', async () => {
    const { site, client } = setup();
    const a = await client.queryTrains({ ...Q, date: '2026-02-30' });
    const b = await client.queryTrains({ ...Q, from: 'beijing' });
    expect(!a.ok && a.error.code).toBe('bad-input');
    expect(!b.ok && b.error.code).toBe('bad-input');
    expect(site.requests).toHaveLength(0);
  });

  it('does not cache failures', async () => {
    const { site, client, clock } = setup();
    site.failure = 'empty-body';
    await client.queryTrains(Q);
    site.failure = null;
    clock.t += 1000;
    const r = await client.queryTrains(Q);
    expect(r.ok).toBe(true);
    expect(r.fromCache).toBe(false);
  });

  it('passes the station list version the init page names', async () => {
    const site = fake12306({ stationVersion: '1.9999' });
    const seen: string[] = [];
    const client = createRailClient({ fetch: site.fetch, now: () => DAYTIME, onStationVersion: (v) => seen.push(v) });
    await client.queryTrains(Q);
    expect(seen).toEqual(['1.9999']);
  });
});
