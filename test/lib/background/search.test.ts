import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createSearchService, registerSearchHandlers, type SearchServiceDeps } from '../../../lib/background/search';
import { createStationStore } from '../../../lib/rail/station-store';
import { createRailClient } from '../../../lib/rail/client';
import { createAirClient } from '../../../lib/air/client';
import { dispatch } from '../../../lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import type { FetchLike } from '../../../lib/net/http';
import { decodeFliggySearch } from '../../../lib/air/fliggy-search';
import { chinaInstant } from '../../../lib/time';
import type { FlightSearchResult } from '../../../lib/model';
import { buildFliggyJsonp, buildTopSearchJson, generateFlights } from '../../support/air-bodies';
import { REPLAY_STATIONS, stationNameJs } from '../../replay/stations';
import { fake12306 } from '../net/fake-sites';
import { createFliggyClient } from '../../../lib/air/fliggy-client';
import { fakeFliggy, type FliggyMode } from '../air/fake-fliggy';

const NOW = chinaInstant('2026-03-04', 10 * 60);
const CREDS = { appKey: '12345678', secret: 's3cret', signMethod: 'md5' as const };

function setup(opts: { settings?: Partial<Settings>; creds?: boolean; capture?: boolean; captureAt?: number; now?: number; flights?: (r: FlightSearchResult) => FlightSearchResult; live?: FliggyMode } = {}) {
  const now = opts.now ?? NOW;
  const site = fake12306({ stationScript: stationNameJs(REPLAY_STATIONS) });
  const topCalls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    if (url.startsWith('https://gw.api.taobao.com/')) {
      const form = new URLSearchParams(String(init?.body));
      topCalls.push(form.get('dep_city_code')! + form.get('arr_city_code'));
      const specs = generateFlights(5, form.get('dep_city_code')!, form.get('arr_city_code')!, form.get('dep_date') as '2026-03-05', 2);
      return new Response(buildTopSearchJson(specs));
    }
    return site.fetch(url, init);
  };
  const captured = decodeFliggySearch(buildFliggyJsonp(generateFlights(3, 'BJS', 'SHA', '2026-03-05', 9)));
  // The live clients, built as entrypoints/background.ts builds them.
  const stations = createStationStore({ fetch, now: () => now });
  const rail = createRailClient({ fetch, now: () => now, onStationVersion: (v) => stations.noteVersion(v) });
  const air = createAirClient({ fetch, now: () => now });
  // Fliggy's live search, as the worker builds it, over a fake sjipiao.fliggy.com.
  const fliggySite = fakeFliggy(opts.live ?? 'ok');
  const fliggy = opts.live ? createFliggyClient({ fetch: fliggySite.fetch, now: () => now }) : undefined;
  const heard: FlightSearchResult[] = [];
  const deps: SearchServiceDeps = {
    rail,
    stations,
    air,
    now: () => now,
    settings: async () => ({ ...DEFAULT_SETTINGS, ...opts.settings }),
    topCredentials: async () => (opts.creds ? CREDS : null),
    captures: {
      latestFlights: async (date, dep, arr) =>
        opts.capture && captured.ok && date === '2026-03-05' && dep === 'BJS' && arr === 'SHA'
          ? { result: opts.flights ? opts.flights(structuredClone(captured.value)) : captured.value, at: opts.captureAt ?? now - 5 * 60_000 }
          : undefined,
    },
    ...(fliggy ? { fliggy, onFlightResult: (r: FlightSearchResult) => void heard.push(r) } : {}),
  };
  return { site, topCalls, deps, fliggySite, heard, svc: createSearchService(deps) };
}

const RAIL = { date: '2026-03-05', from: 'BJP', to: 'SHH', student: false, fromName: '北京', toName: '上海' };

describe('search service', () => {
  it('autocompletes cities before their stations, from the station list it fetched', async () => {
    const { svc } = setup();
    const r = await svc.searchStations({ q: 'beijing', limit: 5 });
    expect(r.count).toBe(REPLAY_STATIONS.length);
    expect(r.hits[0]).toMatchObject({ kind: 'city', name: '北京', city: '北京' });
    expect(r.hits.slice(1).some((h) => h.kind === 'station' && h.name === '北京南')).toBe(true);
    expect((await svc.searchStations({ q: 'VNP', limit: 5 })).hits[0]).toMatchObject({ name: '北京南', telecode: 'VNP' });
  });

  it('answers trains with the buy link, and errors as typed errors', async () => {
    const { svc, site } = setup();
    const ok = await svc.searchRail(RAIL);
    expect(ok.ok && ok.trains.length).toBe(6);
    expect(ok.buyUrl).toContain('/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC,BJP');
    site.failure = '403';
    const bad = await svc.searchRail({ ...RAIL, to: 'AOH' });
    expect(!bad.ok && bad.error.code).toBe('rate-limited');
  });

  it('asks 12306 nothing for a date past its presale window, and says when that date goes on sale from the station\'s own time', async () => {
    const { deps, site } = setup();
    let times: Record<string, string> = {};
    const svc = createSearchService({ ...deps, saleTimes: { get: async () => times, set: async (v) => void (times = v) } });
    // 2026-03-05 is on sale on 03-04; its rows teach the from station's opening time.
    const ok = await svc.searchRail(RAIL);
    expect(ok.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(times.BJP).toMatch(/^\d{4}$/);
    const asked = site.queries().length;
    // 03-19 is the first day past the window (03-04 + 14 = 03-18): on sale 03-05 at that time.
    const far = await svc.searchRail({ ...RAIL, date: '2026-03-19' });
    expect(site.queries()).toHaveLength(asked);
    expect(!far.ok && far.error.code).toBe('not-on-sale');
    const hm = times.BJP!;
    expect(!far.ok && far.saleOpens).toEqual({ day: '2026-03-05', at: chinaInstant('2026-03-05', Number(hm.slice(0, 2)) * 60 + Number(hm.slice(2))) });
    expect(!far.ok && far.error.message.zh).toContain(`3月5日 ${hm.slice(0, 2)}:${hm.slice(2)} 开售`);
    // A station never seen: the day alone.
    const unseen = await svc.searchRail({ ...RAIL, from: 'AOH', date: '2026-03-19' });
    expect(!unseen.ok && unseen.saleOpens).toEqual({ day: '2026-03-05' });
    // The last day of the window is still asked.
    expect((await svc.searchRail({ ...RAIL, date: '2026-03-18' })).ok).toBe(true);
    expect(site.queries().length).toBe(asked + 1);
  });

  it('asks the Taobao Open Platform only when it is turned on and credentials are stored', async () => {
    const off = setup({ creds: true });
    const offAnswer = await off.svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(!offAnswer.ok && offAnswer.error.code).toBe('no-source');
    expect(off.topCalls).toHaveLength(0);
    const on = setup({ creds: true, settings: { topEnabled: true } });
    const r = await on.svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(r.ok && r.source).toBe('top');
    expect(r.ok && r.flights).toHaveLength(5);
    expect(on.topCalls).toEqual(['BJSSHA']);
  });

  it('never signs a Taobao Open Platform call on a page’s behalf: the overlay’s searches use Fliggy’s own', async () => {
    const { svc, topCalls, fliggySite } = setup({ live: 'ok', creds: true, settings: { topEnabled: true } });
    const r = await svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' }, { allowTop: false });
    expect(r.ok && r.via).toBe('live');
    expect(topCalls).toHaveLength(0);
    expect(fliggySite.requests.length).toBeGreaterThan(0);
    // The user's own search (popup) still uses the key.
    await svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(topCalls).toEqual(['BJSSHA']);
  });

  it('hands each Taobao Open Platform answer to the flight listener (fare watches)', async () => {
    const { deps } = setup({ creds: true, settings: { topEnabled: true } });
    const heard: number[] = [];
    const svc = createSearchService({ ...deps, onFlightResult: (r) => heard.push(r.flights.length) });
    await svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toEqual([5]);
  });

  it('falls back to the latest Fliggy capture with its time, else offers Fliggy search page', async () => {
    const withCapture = setup({ capture: true });
    const r = await withCapture.svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(r).toMatchObject({ ok: true, source: 'fliggy', fetchedAt: NOW - 5 * 60_000 });
    const none = await setup().svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(!none.ok && none.error.code).toBe('no-source');
    expect(!none.ok && none.fliggyUrl).toContain('depCity=BJS&arrCity=SHA&depDate=2026-03-05');
    const noCity = await setup().svc.searchAir({ date: '2026-03-05', fromCity: '火星', toCity: '上海' });
    expect(noCity).toEqual({ ok: false, error: { code: 'no-city', message: { zh: '这两个城市之间没有可比的机场', en: 'No airports to compare for these cities' } } });
  });

  it('answers flights from Fliggy’s live search with no key and no capture, and tells the fare watches', async () => {
    const { svc, fliggySite, heard, topCalls } = setup({ live: 'ok' });
    const r = await svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(r.ok && r.via).toBe('live');
    expect(r.ok && r.source).toBe('fliggy');
    expect(r.ok && r.flights.length).toBeGreaterThan(0);
    expect(fliggySite.requests).toHaveLength(1);
    expect(topCalls).toHaveLength(0);
    await new Promise((res) => setTimeout(res, 0));
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ date: '2026-03-05', depCity: 'BJS', arrCity: 'SHA' });
  });

  it('asks TOP first when the user configured it, Fliggy only when TOP fails', async () => {
    const top = setup({ live: 'ok', creds: true, settings: { topEnabled: true } });
    const r = await top.svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(r.ok && r.via).toBe('top');
    expect(top.fliggySite.requests).toHaveLength(0);
    const broken = setup({ live: 'ok', creds: true, settings: { topEnabled: true } });
    broken.deps.topCredentials = async () => ({ appKey: '87654321', secret: 'wrong', signMethod: 'md5' });
    broken.deps.air = { searchFlights: async () => ({ ok: false, error: { code: 'rejected', message: { zh: '无效签名', en: 'Invalid signature' } }, fetchedAt: NOW }) };
    const fell = await createSearchService(broken.deps).searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(fell.ok && fell.via).toBe('live');
    expect(fell.ok && fell.issues.map((i) => i.message)).toContain('TOP: Invalid signature');
  });

  it('says Fliggy wants a verification, with the link to its search page, when nothing else answers', async () => {
    const { svc } = setup({ live: { marker: '__baxia__' } });
    const r = await svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'challenge', message: { zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' } });
    expect(r.error.retryAt).toBeGreaterThan(NOW);
    expect(r.fliggyUrl).toBe(`https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=2026-03-05&depCityName=${encodeURIComponent('北京')}&arrCityName=${encodeURIComponent('上海')}`);
  });

  it('falls back to a capture when the live search fails, and prefers a capture newer than the live answer', async () => {
    const failed = await setup({ live: '403', capture: true }).svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(failed.ok && failed.via).toBe('capture');
    expect(failed.ok && failed.issues[0]?.message).toMatch(/^Fliggy: Fliggy is limiting requests/);
    const newer = await setup({ live: 'ok', capture: true, captureAt: NOW + 1 }).svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(newer.ok && newer.via).toBe('capture');
    expect(newer.ok && newer.fetchedAt).toBe(NOW + 1);
    const older = await setup({ live: 'ok', capture: true }).svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(older.ok && older.via).toBe('live');
  });

  it('compares what the two searches answered, from their caches', async () => {
    const { svc, site, topCalls } = setup({ creds: true, settings: { topEnabled: true } });
    await svc.searchRail(RAIL);
    await svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    const c = await svc.compare({ ...RAIL, fromCity: '北京', toCity: '上海', rail: true, air: true });
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.comparison.options).toHaveLength(6 + 5);
    expect(c.comparison.options.filter((o) => o.mode === 'air')).toHaveLength(5);
    expect(c.comparison.partial).toBeNull();
    expect(c.comparison.verdict.zh.length).toBeGreaterThan(0);
    expect(site.queries()).toHaveLength(1); // served from the 60-s cache
    expect(topCalls).toHaveLength(1);
    const railOnly = await svc.compare({ ...RAIL, fromCity: '北京', toCity: '上海', rail: true, air: false });
    expect(railOnly.ok && railOnly.comparison.partial).toBe('rail-only');
  });

  // The generated day (2026-03-05): K6243 06:35, G6321 06:39, G7640 08:57, G1437 10:21, G620 16:29,
  // G4686 16:32; flights MU8395 06:00 (¥580 + ¥70), 3U7572 14:40 (¥1620 + ¥70), CA8886 (no fare).
  const compareReq = { ...RAIL, fromCity: '北京', toCity: '上海', rail: true, air: true };

  it("follows the popup's filters: the class and the departure window change the verdict and the rankings", async () => {
    const { svc } = setup({ capture: true });
    const plain = await svc.compare(compareReq);
    expect(plain.ok && plain.comparison.verdict.zh).toContain('高铁 G1437 二等座 ¥559');
    expect(plain.ok && plain.comparison.verdict.zh).toContain('最便宜航班 MU8395 经济舱 ¥650');
    const firstClass = await svc.compare({ ...compareReq, filters: { cls: 'zy' } });
    expect(firstClass.ok && firstClass.comparison.verdict.zh).toContain('高铁 G1437 一等座 ¥884');
    const afternoon = await svc.compare({ ...compareReq, filters: { fromHour: 14, toHour: 24 } });
    if (!afternoon.ok) throw new Error('no comparison');
    const v = afternoon.comparison;
    expect(v.verdict.zh).toContain('高铁 G4686 二等座 ¥559');
    expect(v.verdict.zh).toContain('最便宜航班 3U7572 经济舱 ¥1690');
    expect(v.verdict.zh).not.toContain('MU8395');
    expect(v.options.find((o) => o.id.includes('G1437'))).toMatchObject({ excluded: 'filtered', tops: [] });
    const noTrains = await svc.compare({ ...compareReq, filters: { types: ['other'] } });
    expect(noTrains.ok && noTrains.comparison.verdict.zh).toContain('没有符合筛选条件的火车');
  });

  it('compares as of now: departed options are marked, listed last and rank nowhere', async () => {
    const { svc } = setup({ capture: true, now: chinaInstant('2026-03-05', 9 * 60) });
    const c = await svc.compare(compareReq);
    if (!c.ok) throw new Error('no comparison');
    const codes = ['G6321', 'G7640', 'K6243', 'MU8395'];
    const gone = c.comparison.options.filter((o) => o.departed).map((o) => codes.find((code) => o.id.includes(code)));
    expect(gone.sort()).toEqual(codes);
    expect(c.comparison.options.slice(-4).every((o) => o.departed && o.excluded === 'departed')).toBe(true);
    const ranked = Object.values(c.comparison.rankings).flat();
    for (const id of ranked) expect(c.comparison.options.find((o) => o.id === id)?.departed).toBe(false);
    expect(c.comparison.verdict.zh).not.toContain('MU8395');
    expect(c.comparison.options.find((o) => o.id.startsWith('3U7572'))?.reachDoorAt).toEqual({ hm: '17:45', dayOffset: 0, text: '17:45' });
  });

  it("never compares a fare sold only to 16–25-year-olds, unless the traveller's settings say it fits", async () => {
    const youth = { kinds: ['youth' as const], text: { zh: '限16–25周岁', en: 'ages 16–25 only' } };
    const flights = (r: FlightSearchResult) => {
      const mu = r.flights.find((f) => f.flightNo === 'MU8395')!;
      mu.fares.push({ cabinClass: 'economy', price: 31700, taxes: 7000, condition: youth });
      return r;
    };
    const plain = await setup({ capture: true, flights }).svc.compare(compareReq);
    if (!plain.ok) throw new Error('no comparison');
    const mu = plain.comparison.options.find((o) => o.id.startsWith('MU8395'))!;
    expect(mu).toMatchObject({ price: 65000, conditionalFares: [{ price: 38700, priceIncludesTaxes: true, condition: youth }] });
    expect(plain.comparison.verdict.zh).toContain('MU8395 经济舱 ¥650');
    const young = await setup({ capture: true, flights, settings: { qualifications: { youth: true } } }).svc.compare(compareReq);
    if (!young.ok) throw new Error('no comparison');
    expect(young.comparison.options.find((o) => o.id.startsWith('MU8395'))).toMatchObject({ price: 38700, priceCondition: youth });
    expect(young.comparison.verdict.zh).toContain('MU8395 经济舱（限16–25周岁） ¥387');
  });

  it('reports status for the options page without exposing the secret', async () => {
    const { svc } = setup({ creds: true, settings: { topEnabled: true } });
    await svc.searchRail(RAIL);
    const st = await svc.status();
    expect(st.endpoint.name).toBe('leftTicket/queryZ');
    expect(st.top).toEqual({ configured: true, enabled: true });
    expect(JSON.stringify(st)).not.toContain(CREDS.secret);
    expect(st.fliggyBlockedUntil).toBeUndefined();
  });

  it('says in the status until when Fliggy\'s live search is held after its verification page', async () => {
    const { svc } = setup({ live: 'redirect-punish' });
    const r = await svc.searchAir({ date: '2026-03-05', fromCity: '北京', toCity: '上海' });
    expect(!r.ok && r.error.code).toBe('challenge');
    const st = await svc.status();
    expect(st.fliggyBlockedUntil).toBe(!r.ok ? r.error.retryAt : -1);
    expect(st.fliggyBlockedUntil).toBeGreaterThan(NOW);
  });
});

describe('search messages (zod-validated both ways)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('answers search.rail, search.air and search.stations within the protocol', async () => {
    const { deps } = setup({ creds: true, settings: { topEnabled: true } });
    registerSearchHandlers(createSearchService({ ...deps, topPermitted: async () => true }));
    const rail = (await dispatch({ railair: 1, name: 'search.rail', data: RAIL })) as { ok: boolean; data?: { ok: boolean; trains: unknown[] } };
    expect(rail.ok).toBe(true);
    expect(rail.data?.ok).toBe(true);
    expect(rail.data?.trains).toHaveLength(6);
    const air = (await dispatch({ railair: 1, name: 'search.air', data: { date: '2026-03-05', fromCity: '北京', toCity: '上海' } })) as { ok: boolean; data?: { ok: boolean } };
    expect(air).toMatchObject({ ok: true, data: { ok: true } });
    const st = (await dispatch({ railair: 1, name: 'search.stations', data: { q: 'sh' } })) as { ok: boolean; data?: { hits: { name: string }[] } };
    expect(st.ok).toBe(true);
    expect(st.data?.hits[0]?.name).toBe('上海');
    const city = await dispatch({ railair: 1, name: 'search.airCity', data: { q: '大兴机场' } });
    expect(city).toEqual({ ok: true, data: { city: { code: 'BJS', name: '北京' } } });
    expect(await dispatch({ railair: 1, name: 'search.airCity', data: { q: '火星' } })).toEqual({ ok: true, data: { city: null } });
    const cmp = (await dispatch({ railair: 1, name: 'search.compare', data: { ...RAIL, fromCity: '北京', toCity: '上海', rail: true, air: true } })) as { ok: boolean; data?: { ok: boolean } };
    expect(cmp).toMatchObject({ ok: true, data: { ok: true } });
    // The filters cross the boundary checked, and the reply carries what the popup shows.
    const filtered = (await dispatch({
      railair: 1,
      name: 'search.compare',
      data: { ...RAIL, fromCity: '北京', toCity: '上海', rail: true, air: false, filters: { cls: 'zy', onlyBuyable: true } },
    })) as { ok: boolean; data?: { ok: boolean; comparison: { verdict: { zh: string }; options: { departed: boolean; reachDoorAt: { text: string } }[] } } };
    expect(filtered.data?.comparison.verdict.zh).toContain('一等座');
    expect(filtered.data?.comparison.options[0]).toMatchObject({ departed: false, reachDoorAt: { text: expect.stringMatching(/^\d\d:\d\d/) } });
    const bad = (await dispatch({ railair: 1, name: 'search.compare', data: { ...RAIL, fromCity: '北京', toCity: '上海', rail: true, air: false, filters: { cls: 'xx' } } })) as { ok: boolean; error?: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('refuses a malformed request', async () => {
    const { deps } = setup();
    registerSearchHandlers(createSearchService(deps));
    const r = (await dispatch({ railair: 1, name: 'search.rail', data: { ...RAIL, from: 'beijing' } })) as { ok: boolean; error?: { code: string; message: { zh: string; en: string } } };
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('bad-request');
    expect(r.error?.message.en).toContain('invalid request');
  });
});
