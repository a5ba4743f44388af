import { describe, expect, it } from 'vitest';
import { classifyFliggyAnswer, createFliggyClient, CHALLENGE_MIN_MS, FLIGGY_CACHE_TTL_MS } from '../../../lib/air/fliggy-client';
import { searchJsonpUrl, searchRefererUrl } from '../../../lib/sites/fliggy-page';
import type { PageHeaders } from '../../../lib/net/page-headers';
import type { StoredValue } from '../../../lib/store/item';
import { chinaInstant } from '../../../lib/time';
import { fakeFliggy, PUNISH_URL, type FliggyMode } from './fake-fliggy';

const NOW = chinaInstant('2026-03-04', 10 * 60);
const Q = { date: '2026-03-05', fromCity: 'BJS', toCity: 'SHA' } as const;

function memoryStore(): StoredValue<unknown> & { value: unknown } {
  const s = {
    value: undefined as unknown,
    getValue: async () => s.value,
    setValue: async (v: unknown) => {
      s.value = structuredClone(v);
    },
  };
  return s;
}

function setup(mode: FliggyMode = 'ok', storage = memoryStore()) {
  const site = fakeFliggy(mode);
  const clock = { t: NOW };
  const around: { url: string; referer: string }[] = [];
  const headers: PageHeaders = {
    around: (url, referer, send) => {
      around.push({ url, referer });
      return send();
    },
  };
  const client = createFliggyClient({ fetch: site.fetch, now: () => clock.t, storage, headers, timeoutMs: 50, backoff: { baseMs: 30_000, maxMs: 3_600_000 } });
  return { site, clock, client, storage, around };
}

describe('Fliggy live search URLs', () => {
  it('sends the page loader’s parameters in its order, empty ones included', () => {
    const url = searchJsonpUrl({ date: '2026-03-05', depCity: 'BJS', arrCity: 'SHA' }, 'jsonp123');
    expect(url).toBe(
      'https://sjipiao.fliggy.com/searchow/search.htm?tripType=0&depCity=BJS&depCityName=&arrCity=SHA&arrCityName=&depDate=2026-03-05&searchSource=99&sKey=&qid=&needMemberPrice=true&_input_charset=utf-8&ua=&itemId=&openCb=false&callback=jsonp123',
    );
    expect(searchRefererUrl({ date: '2026-03-05', depCity: 'BJS', arrCity: 'SHA' })).toBe(
      'https://sjipiao.fliggy.com/homeow/trip_flight_search.htm?depCity=BJS&arrCity=SHA&depDate=2026-03-05&tripType=0',
    );
  });
});

describe('createFliggyClient', () => {
  it('answers the flights of the JSONP, asked with the search page as Referer through PageHeaders', async () => {
    const { site, client, around } = setup();
    const r = await client.searchFlights(Q);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.flights.length).toBeGreaterThan(0);
    expect(r.value).toMatchObject({ source: 'fliggy', date: '2026-03-05', depCity: 'BJS', arrCity: 'SHA' });
    expect(site.requests).toHaveLength(1);
    const sent = new URL(site.requests[0]!.url);
    expect([...sent.searchParams.keys()]).toEqual([
      'tripType', 'depCity', 'depCityName', 'arrCity', 'arrCityName', 'depDate', 'searchSource', 'sKey', 'qid',
      'needMemberPrice', '_input_charset', 'ua', 'itemId', 'openCb', 'callback',
    ]);
    expect(sent.searchParams.get('callback')).toMatch(/^jsonp\d+$/);
    // The header rule is scoped to exactly this request, with the search page as Referer.
    expect(around).toEqual([{ url: site.requests[0]!.url, referer: 'https://sjipiao.fliggy.com/homeow/trip_flight_search.htm?depCity=BJS&arrCity=SHA&depDate=2026-03-05&tripType=0' }]);
    expect(r.fliggyUrl).toBe(around[0]!.referer);
  });

  it('parses the callback’s argument only when the callback is ours', async () => {
    const { client } = setup('wrong-callback');
    const r = await client.searchFlights(Q);
    expect(!r.ok && r.error.code).toBe('not-json');
    expect(!r.ok && r.error.message.en).toMatch(/callback jsonp1, not jsonp\d+/);
  });

  it('reports a compressed answer the browser did not unpack as a typed error, not flights', async () => {
    const { client } = setup('gzip');
    const r = await client.searchFlights(Q);
    expect(!r.ok && r.error.code).toBe('not-json');
    expect(await client.blockedUntil()).toBeUndefined();
  });

  it.each(['_____tmd_____/punish', 'punish?x5step=1', 'x5sec', '__baxia__'])('calls a body carrying %s a challenge', async (marker) => {
    const { client, clock } = setup({ marker });
    const r = await client.searchFlights(Q);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('challenge');
    expect(r.error.message).toEqual({ zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' });
    expect(r.error.retryAt).toBeGreaterThanOrEqual(clock.t + CHALLENGE_MIN_MS);
    expect(r.fliggyUrl).toMatch(/^https:\/\/sjipiao\.fliggy\.com\/homeow\/trip_flight_search\.htm\?/);
  });

  it.each<FliggyMode>(['html', 'redirect-punish', 'followed-punish'])('calls %s where JSONP was expected a challenge', async (mode) => {
    const { client } = setup(mode);
    const r = await client.searchFlights(Q);
    expect(!r.ok && r.error.code).toBe('challenge');
  });

  it('classifies a visible redirect to the punish page by its Location', () => {
    const v = classifyFliggyAnswer({ status: 302, finalUrl: 'x', redirected: false, location: PUNISH_URL, contentType: '', text: '' }, 'jsonp1');
    expect(v.kind).toBe('challenge');
  });

  it('turns every caller away during a challenge’s back-off without asking again, then asks once it ends', async () => {
    const { site, client, clock } = setup({ marker: '__baxia__' });
    const first = await client.searchFlights(Q);
    const retryAt = !first.ok ? first.error.retryAt! : 0;
    site.mode = 'ok';
    clock.t += 60_000;
    const other = await client.searchFlights({ ...Q, toCity: 'CAN' });
    const again = await client.searchFlights(Q);
    for (const r of [other, again]) {
      expect(!r.ok && r.error.code).toBe('challenge');
      expect(!r.ok && r.error.retryAt).toBe(retryAt);
    }
    expect(site.requests).toHaveLength(1);
    expect(await client.blockedUntil()).toBe(retryAt);
    clock.t = retryAt;
    expect((await client.searchFlights(Q)).ok).toBe(true);
    expect(site.requests).toHaveLength(2);
    expect(await client.blockedUntil()).toBeUndefined();
  });

  it('keeps the back-off across a restarted worker (persisted state reloaded)', async () => {
    const { storage, client, clock } = setup({ marker: 'x5sec' });
    const first = await client.searchFlights(Q);
    const retryAt = !first.ok ? first.error.retryAt : undefined;
    const restarted = setup('ok', storage);
    restarted.clock.t = clock.t + 1000;
    const r = await restarted.client.searchFlights(Q);
    expect(!r.ok && r.error.code).toBe('challenge');
    expect(!r.ok && r.error.retryAt).toBe(retryAt);
    expect(restarted.site.requests).toHaveLength(0);
  });

  it('starts free when the stored state is not one it can read', async () => {
    const storage = memoryStore();
    storage.value = { backoff: { failures: 'many', until: 'later' } };
    const { client, site } = setup('ok', storage);
    expect((await client.searchFlights(Q)).ok).toBe(true);
    expect(site.requests).toHaveLength(1);
  });

  it.each<FliggyMode>(['403', '429'])('backs off on %s as rate-limited', async (mode) => {
    const { client, site, clock } = setup(mode);
    const r = await client.searchFlights(Q);
    expect(!r.ok && r.error.code).toBe('rate-limited');
    expect(!r.ok && r.error.retryAt).toBe(clock.t + 30_000);
    site.mode = 'ok';
    const again = await client.searchFlights(Q);
    expect(!again.ok && again.error.code).toBe('rate-limited');
    expect(site.requests).toHaveLength(1);
  });

  it('doubles the wait on repeated challenges', async () => {
    const { client, clock } = setup({ marker: 'punish' });
    const a = await client.searchFlights(Q);
    const waitA = (!a.ok ? a.error.retryAt! : 0) - clock.t;
    clock.t += waitA;
    const b = await client.searchFlights(Q);
    const waitB = (!b.ok ? b.error.retryAt! : 0) - clock.t;
    expect(waitB).toBeGreaterThanOrEqual(waitA);
    expect(waitA).toBeGreaterThanOrEqual(CHALLENGE_MIN_MS);
  });

  it('serves one request for concurrent callers and caches the answer for 5 minutes', async () => {
    const { client, site, clock } = setup();
    const [a, b, c] = await Promise.all([client.searchFlights(Q), client.searchFlights(Q), client.searchFlights(Q)]);
    expect([a.ok, b.ok, c.ok]).toEqual([true, true, true]);
    expect(site.requests).toHaveLength(1);
    clock.t += FLIGGY_CACHE_TTL_MS - 1;
    const cached = await client.searchFlights(Q);
    expect(cached.fromCache).toBe(true);
    expect(site.requests).toHaveLength(1);
    clock.t += 1;
    const fresh = await client.searchFlights(Q);
    expect(fresh.fromCache).toBe(false);
    expect(site.requests).toHaveLength(2);
    expect(FLIGGY_CACHE_TTL_MS).toBe(5 * 60_000);
  });

  it('does not cache errors: the next caller asks again', async () => {
    const { client, site } = setup('500');
    const r = await client.searchFlights(Q);
    expect(!r.ok && r.error.code).toBe('network');
    site.mode = 'ok';
    expect((await client.searchFlights(Q)).ok).toBe(true);
    expect(site.requests).toHaveLength(2);
  });

  it('times out a stalled answer without backing off', async () => {
    const { client, site } = setup('hang');
    const r = await client.searchFlights(Q);
    expect(!r.ok && r.error.code).toBe('timeout');
    expect(await client.blockedUntil()).toBeUndefined();
    site.mode = 'ok';
    expect((await client.searchFlights(Q)).ok).toBe(true);
  });

  it('refuses a bad search without a request', async () => {
    const { client, site } = setup();
    const r = await client.searchFlights({ date: '2026-13-40', fromCity: 'BJS', toCity: 'SHA' });
    expect(!r.ok && r.error.code).toBe('bad-input');
    expect(site.requests).toHaveLength(0);
  });
});
