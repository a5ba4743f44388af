import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Capture } from '../../../lib/capture/schema';
import {
  createIngest,
  EMPTY_DIAGNOSTICS,
  LIMITS,
  overlayView,
  registerCaptureService,
  createOverlayTabs,
  FRESH_CAPTURE_MS,
  type Diagnostics,
  type StationSource,
  type StoredResult,
} from '../../../lib/background/ingest';
import { dispatch } from '../../../lib/messaging';
import { captureDiagnosticsItem, captureResultsItem, overlayStateItem, settingsItem } from '../../../lib/storage';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { restrictStorageToTrustedContexts } from '../../../lib/background/storage-access';
import { CAPTURES_CHANGED } from '../../../lib/messages/capture';
import { decodeStationList } from '../../../lib/rail/stations';
import { decodeLeftTicket } from '../../../lib/rail/left-ticket';
import { decodeFliggySearch } from '../../../lib/air/fliggy-search';
import type { AirAnswer, RailAnswer } from '../../../lib/messages/search';
import { buildLeftTicketBody, buildRailRow, buildStationNameJs, type RailRowSpec } from '../../support/rail-rows';
import type { FlightSearchResult } from '../../../lib/model';
import { buildFliggyJsonp, type FlightSpec } from '../../support/air-bodies';

const DATE = '2026-11-23';
const QUERY = `https://kyfw.12306.cn/otn/leftTicket/queryG?leftTicketDTO.train_date=${DATE}&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT`;
const FLIGGY = `https://sjipiao.fliggy.com/searchow/search.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=${DATE}&searchSource=99&callback=jsonp77`;
const NAMES = { VNP: '北京南', AOH: '上海虹桥', BJP: '北京', SHH: '上海' };

const trains: RailRowSpec[] = [
  // Fast and buyable.
  { code: 'G1', from: 'VNP', to: 'AOH', depart: '07:00', arrive: '11:28', date: DATE, seats: { ze: { cell: '有', price: 66900 }, zy: { cell: '5', price: 107400 } } },
  // Slow overnight, sold out in the class people want.
  { code: 'Z281', from: 'BJP', to: 'SHH', depart: '19:30', arrive: '08:10', date: DATE, canWebBuy: 'N', seats: { yw: { cell: '无', price: 35000 }, yz: { cell: '候补', price: 17750 } } },
];
const flights: FlightSpec[] = [
  { flightNo: 'MU5102', airline: 'MU', dep: 'PEK', arr: 'SHA', depTerm: 'T2', arrTerm: 'T2', depTime: `${DATE} 08:00`, arrTime: '10:15', priceFen: 68000 },
  { flightNo: 'CA1831', airline: 'CA', dep: 'PEK', arr: 'PVG', depTerm: 'T3', arrTerm: 'T2', depTime: `${DATE} 12:00`, arrTime: '14:20', priceFen: null },
];

const railBody = (specs = trains) => buildLeftTicketBody(specs.map((s) => buildRailRow(s, '2025')), NAMES);

function capture(kind: Capture['kind'], url: string, body: string, status = 200): Capture {
  return { v: 1, kind, url, status, body, at: 0 };
}

function memory<T>(initial?: T) {
  let v = initial;
  return {
    get: async () => v,
    set: async (x: T) => {
      v = x;
    },
    peek: () => v,
  };
}

function setup(stations?: StationSource) {
  let now = Date.UTC(2026, 10, 22, 12, 0);
  const results = memory<StoredResult[]>([]);
  const diagnostics = memory<Diagnostics>({ ...EMPTY_DIAGNOSTICS, entries: [] });
  const ingest = createIngest({ now: () => now, results, diagnostics, ...(stations ? { stations } : {}) });
  return { ingest, results, diagnostics, tick: (ms: number) => (now += ms), now: () => now };
}

describe('ingest', () => {
  it('decodes a 12306 capture and files it under date, stations and cities', async () => {
    const { ingest } = setup();
    const out = await ingest.submit(capture('left-ticket', QUERY, railBody()), { url: 'https://kyfw.12306.cn/otn/leftTicket/init' });
    expect(out).toEqual({ outcome: 'stored', key: `12306|${DATE}|BJP|SHH`, count: 2, issues: 0 });
    const [r] = await ingest.results();
    expect(r).toMatchObject({ source: '12306', date: DATE, from: 'BJP', to: 'SHH', fromCity: '北京', toCity: '上海' });
    expect(r?.rail?.trains.map((t) => t.code)).toEqual(['G1', 'Z281']);
  });

  it('keeps only the latest result per key, with its time', async () => {
    const { ingest, tick, now } = setup();
    await ingest.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    tick(60_000);
    await ingest.submit(capture('left-ticket', QUERY, railBody(trains.slice(0, 1))), { url: '' });
    const all = await ingest.results();
    expect(all).toHaveLength(1);
    expect(all[0]?.at).toBe(now());
    expect(all[0]?.rail?.trains).toHaveLength(1);
  });

  it('uses the page route when the query URL lacks it', async () => {
    const { ingest } = setup();
    const out = await ingest.submit(capture('left-ticket', 'https://kyfw.12306.cn/otn/leftTicket/queryX', railBody()), {
      url: 'https://kyfw.12306.cn/otn/leftTicket/init',
      rail: { date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } },
    });
    expect(out).toMatchObject({ outcome: 'stored', key: `12306|${DATE}|BJP|SHH` });
  });

  it('reports an HTML error page in diagnostics instead of decoding it', async () => {
    const { ingest } = setup();
    const html = '<!DOCTYPE html><html><head><title>铁路客户服务中心</title></head><body>网络可能存在问题，请您重试一下！</body></html>';
    const c = { ...capture('left-ticket', QUERY, html), responseUrl: 'https://www.12306.cn/mormhweb/logFiles/error.html' };
    const out = await ingest.submit(c, { url: '' });
    expect(out).toMatchObject({ outcome: 'rejected', code: 'html-page' });
    expect(await ingest.results()).toEqual([]);
    const d = await ingest.diagnostics();
    expect(d.undecodable).toBe(1);
    expect(d.entries[0]).toMatchObject({ kind: 'left-ticket', url: 'https://www.12306.cn/mormhweb/logFiles/error.html', code: 'html-page' });
    expect(d.entries[0]?.sample).toContain('铁路客户服务中心');
  });

  it('treats a c_url answer as the endpoint moving, not as a failure', async () => {
    const { ingest } = setup();
    const out = await ingest.submit(capture('left-ticket', QUERY, '{"status":false,"c_url":"leftTicket/queryZ","c_name":"CLeftTicketUrl"}'), { url: '' });
    expect(out).toEqual({ outcome: 'moved', endpoint: 'leftTicket/queryZ' });
    expect((await ingest.diagnostics()).undecodable).toBe(0);
  });

  it('bounds the diagnostics list but keeps counting', async () => {
    const { ingest } = setup();
    for (let i = 0; i < LIMITS.diagnostics + 5; i++) await ingest.submit(capture('left-ticket', QUERY, `<html>${i}</html>`), { url: '' });
    const d = await ingest.diagnostics();
    expect(d.entries).toHaveLength(LIMITS.diagnostics);
    expect(d.undecodable).toBe(LIMITS.diagnostics + 5);
    expect(d.entries[0]?.sample).toBe(`<html>${LIMITS.diagnostics + 4}</html>`);
  });

  it('bounds the stored results', async () => {
    const { ingest, tick } = setup();
    for (let i = 0; i < LIMITS.results + 3; i++) {
      tick(1000);
      const d = `2026-12-${String(i + 1).padStart(2, '0')}`;
      const specs = trains.map((t) => ({ ...t, date: d as typeof DATE }));
      await ingest.submit(capture('left-ticket', QUERY.replace(DATE, d), railBody(specs)), { url: '' });
    }
    expect(await ingest.results()).toHaveLength(LIMITS.results);
  });

  it('reports oversized and HTTP-error captures without decoding them', async () => {
    const { ingest } = setup();
    expect(await ingest.submit({ ...capture('left-ticket', QUERY, ''), tooLarge: 3_000_000 }, { url: '' })).toMatchObject({ code: 'too-large' });
    expect(await ingest.submit(capture('left-ticket', QUERY, 'Forbidden', 403), { url: '' })).toMatchObject({ code: 'rate-limited' });
    expect(await ingest.submit(capture('left-ticket', QUERY, '', 0), { url: '' })).toMatchObject({ code: 'network' });
    expect((await ingest.diagnostics()).undecodable).toBe(3);
  });

  it('counts rows the decoder did not recognise', async () => {
    const { ingest } = setup();
    const body = buildLeftTicketBody([buildRailRow(trains[0]!, '2025'), 'garbage|row'], NAMES);
    const out = await ingest.submit(capture('left-ticket', QUERY, body), { url: '' });
    expect(out).toMatchObject({ outcome: 'stored', count: 1 });
    expect((await ingest.diagnostics()).unrecognised).toBeGreaterThan(0);
  });

  it('files a Fliggy JSONP capture under IATA city codes and 12306 city names', async () => {
    const { ingest } = setup();
    const out = await ingest.submit(capture('fliggy-search', FLIGGY, buildFliggyJsonp(flights, 'jsonp77')), { url: '' });
    expect(out).toMatchObject({ outcome: 'stored', key: `fliggy|${DATE}|BJS|SHA`, count: 2 });
    expect((await ingest.results())[0]).toMatchObject({ fromCity: '北京', toCity: '上海' });
    expect((await ingest.latestFlights(DATE, 'BJS', 'SHA'))?.result.flights).toHaveLength(2);
    expect(await ingest.latestFlights(DATE, 'BJS', 'CAN')).toBeUndefined();
  });

  it('hands every filed flight answer, with its route, to the flight listener (fare watches)', async () => {
    const heard: FlightSearchResult[] = [];
    const ingest = createIngest({
      now: () => Date.UTC(2026, 10, 22, 12, 0),
      results: memory<StoredResult[]>([]),
      diagnostics: memory<Diagnostics>({ ...EMPTY_DIAGNOSTICS, entries: [] }),
      onAir: (r) => {
        heard.push(r);
        throw new Error('a failing listener must not lose the capture');
      },
    });
    const out = await ingest.submit(capture('fliggy-search', FLIGGY, buildFliggyJsonp(flights, 'jsonp77')), { url: '' });
    await new Promise((r) => setTimeout(r, 0));
    expect(out).toMatchObject({ outcome: 'stored', count: 2 });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ date: DATE, depCity: 'BJS', arrCity: 'SHA' });
    expect(heard[0]?.flights).toHaveLength(2);
    // A rail capture is not a flight answer.
    await ingest.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toHaveLength(1);
  });

  it('decodes the rows a Fliggy page rendered when no JSONP came, resolving airport names', async () => {
    const { ingest } = setup();
    const rows = [
      { date: DATE, flightNo: 'MU5102', airlineName: '东方航空', depTime: '08:00', arrTime: '10:15', depAirport: '首都机场T2', arrAirport: '虹桥机场T2', price: '¥680', depCity: 'BJS', arrCity: 'SHA' },
      { date: DATE, flightNo: 'CA1831', depTime: '23:30', arrTime: '01:40+1', depAirport: '大兴国际机场', arrAirport: '浦东国际机场 T2', price: '售完', depCity: 'BJS', arrCity: 'SHA' },
    ];
    const url = `https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=${DATE}`;
    const out = await ingest.submit(capture('fliggy-dom', url, JSON.stringify(rows)), { url });
    expect(out).toMatchObject({ outcome: 'stored', key: `fliggy|${DATE}|BJS|SHA`, count: 2 });
    const flights = (await ingest.results())[0]?.air?.flights ?? [];
    expect(flights.map((f) => [f.flightNo, f.from.code, f.to.code, f.arriveDayOffset])).toEqual([
      ['MU5102', 'PEK', 'SHA', 0],
      ['CA1831', 'PKX', 'PVG', 1],
    ]);
    expect(await ingest.submit(capture('fliggy-dom', url, '[{"flightNo":1}]'), { url })).toMatchObject({ outcome: 'rejected', code: 'schema' });
  });

  it('hands a station list the page loaded to the station store', async () => {
    const offered: string[] = [];
    const { ingest } = setup({ get: async () => undefined, offer: async (t) => (offered.push(t), true) });
    const js = buildStationNameJs(
      [{ abbr: 'bjp', name: '北京', telecode: 'BJP', pinyin: 'beijing', initials: 'bj', index: 0, cityCode: '0357', cityName: '北京' }],
      '11-field',
    );
    const out = await ingest.submit(capture('station-list', 'https://kyfw.12306.cn/otn/resources/js/framework/station_name.js?station_version=1.9383', js));
    expect(out).toEqual({ outcome: 'stations', count: 1, kept: true });
    expect(offered).toEqual([js]);
  });
});

describe('overlay view', () => {
  async function withBoth() {
    const s = setup();
    await s.ingest.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    await s.ingest.submit(capture('fliggy-search', FLIGGY, buildFliggyJsonp(flights, 'jsonp77')), { url: '' });
    return s;
  }

  it('shows the 12306 page the same-day flights, the verdict and which trains a flight beats', async () => {
    const { ingest, now } = await withBoth();
    const v = await overlayView(
      { ingest, now },
      { show: 'air', date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } },
    );
    expect(v.status).toBe('ok');
    expect(v.rows.map((r) => r.code)).toEqual(['MU5102', 'CA1831']);
    expect(v.rows[1]?.soldOut).toBe(true);
    expect(v.rows[0]).toMatchObject({ price: 68000, priceIncludesTaxes: false });
    expect(v.verdict?.zh).toContain('MU5102');
    expect(v.sources.air?.source).toBe('fliggy');
    expect(v.otherSearchUrl).toBe(`https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=${DATE}`);
    // Z281 (overnight, sold out) is beaten by MU5102 door to door.
    const z = v.beats.find((b) => b.code === 'Z281');
    expect(z).toMatchObject({ flightNo: 'MU5102' });
    expect(z?.fasterMin).toBeGreaterThan(300);
  });

  it('shows the Fliggy page the trains with seats per class', async () => {
    const { ingest, now } = await withBoth();
    const v = await overlayView({ ingest, now }, { show: 'rail', date: DATE, from: { cityCode: 'BJS' }, to: { cityCode: 'SHA' } });
    expect(v.status).toBe('ok');
    expect(v.rows.map((r) => r.code)).toEqual(['G1', 'Z281']);
    expect(v.rows[0]?.seats.find((s) => s.cls === 'ze')).toMatchObject({ kind: 'plenty', price: 66900 });
    expect(v.rows[0]?.best).toEqual(['cheapest', 'fastest']);
    expect(v.rows[1]?.best).toEqual([]);
    expect(v.rows[1]?.soldOut).toBe(true);
    expect(v.beats).toEqual([]);
  });

  it('says there is no data for the other mode, and where to get it', async () => {
    const { ingest, now } = setup();
    await ingest.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    const v = await overlayView({ ingest, now }, { show: 'air', date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } });
    expect(v.status).toBe('no-data');
    expect(v.rows).toEqual([]);
    expect(v.otherSearchUrl).toContain('depCity=BJS&arrCity=SHA');
    const other = await overlayView({ ingest, now }, { show: 'air', date: '2026-11-24', from: { name: '北京' }, to: { name: '上海' } });
    expect(other.status).toBe('no-data');
  });

  it('links to 12306 with the station names and telecodes it expects when the station list is known', async () => {
    const list = decodeStationList(
      buildStationNameJs(
        [
          { abbr: 'bjp', name: '北京', telecode: 'BJP', pinyin: 'beijing', initials: 'bj', index: 0, cityCode: '0357', cityName: '北京' },
          { abbr: 'bjn', name: '北京南', telecode: 'VNP', pinyin: 'beijingnan', initials: 'bjn', index: 1, cityCode: '0357', cityName: '北京' },
          { abbr: 'sha', name: '上海', telecode: 'SHH', pinyin: 'shanghai', initials: 'sh', index: 2, cityCode: '0712', cityName: '上海' },
        ],
        '11-field',
      ),
    );
    if (!list.ok) throw new Error('fixture');
    const { ingest, now } = setup();
    const v = await overlayView(
      { ingest, now, stations: { get: async () => list.value, offer: async () => false } },
      { show: 'rail', date: DATE, from: { cityCode: 'BJS' }, to: { cityCode: 'SHA' } },
    );
    expect(v.status).toBe('no-data');
    expect(v.otherSearchUrl).toBe(
      `https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC,BJP&ts=%E4%B8%8A%E6%B5%B7,SHH&date=${DATE}&flag=N,N,Y`,
    );
  });
});

describe('overlay view: live fallback', () => {
  const stationList = () => {
    const list = decodeStationList(
      buildStationNameJs(
        [
          { abbr: 'bjp', name: '北京', telecode: 'BJP', pinyin: 'beijing', initials: 'bj', index: 0, cityCode: '0357', cityName: '北京' },
          { abbr: 'bjn', name: '北京南', telecode: 'VNP', pinyin: 'beijingnan', initials: 'bjn', index: 1, cityCode: '0357', cityName: '北京' },
          { abbr: 'sha', name: '上海', telecode: 'SHH', pinyin: 'shanghai', initials: 'sh', index: 2, cityCode: '0712', cityName: '上海' },
          { abbr: 'shq', name: '上海虹桥', telecode: 'AOH', pinyin: 'shanghaihongqiao', initials: 'shhq', index: 3, cityCode: '0712', cityName: '上海' },
        ],
        '11-field',
      ),
    );
    if (!list.ok) throw new Error('fixture');
    return { get: async () => list.value, offer: async () => false };
  };
  const liveTrains = () => {
    const d = decodeLeftTicket(railBody(), { date: DATE });
    if (!d.ok) throw new Error('fixture');
    return d.value;
  };
  const liveFlights = () => {
    const d = decodeFliggySearch(buildFliggyJsonp(flights, 'jsonp1'));
    if (!d.ok) throw new Error('fixture');
    return d.value.flights;
  };
  const FLIGGY_PAGE = { show: 'rail' as const, date: DATE, from: { cityCode: 'BJS' }, to: { cityCode: 'SHA' } };
  const RAIL_PAGE = { show: 'air' as const, date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } };

  it('shows a Fliggy page the trains of a live 12306 query (city main telecodes) when none were captured', async () => {
    const { ingest, now } = setup();
    const asked: unknown[] = [];
    const t = liveTrains();
    const rail = async (q: unknown): Promise<RailAnswer> => {
      asked.push(q);
      return { ok: true, trains: t.trains, stationNames: t.stationNames, issues: [], fetchedAt: now() - 5000, fromCache: false, buyUrl: 'https://kyfw.12306.cn/otn/leftTicket/init' };
    };
    const v = await overlayView({ ingest, now, stations: stationList(), live: { rail } }, FLIGGY_PAGE);
    expect(asked).toEqual([{ date: DATE, from: 'BJP', to: 'SHH', fromName: '北京', toName: '上海' }]);
    expect(v.status).toBe('ok');
    expect(v.rows.map((r) => r.code)).toEqual(['G1', 'Z281']);
    expect(v.sources.rail).toMatchObject({ source: '12306', live: true, at: now() - 5000 });
    expect(v.liveError).toBeUndefined();
    // Nothing live is stored as if a page had loaded it.
    expect(await ingest.results()).toEqual([]);
  });

  it('keeps "no data → open 12306" and says why when the live query fails (maintenance, back-off)', async () => {
    const { ingest, now } = setup();
    const rail = async (): Promise<RailAnswer> => ({
      ok: false,
      error: { code: 'maintenance', message: '12306 is in maintenance until 06:00', messageZh: '12306 系统维护中，06:00 后恢复' },
      fetchedAt: now(),
      buyUrl: '',
    });
    const v = await overlayView({ ingest, now, stations: stationList(), live: { rail } }, FLIGGY_PAGE);
    expect(v.status).toBe('no-data');
    expect(v.liveError).toEqual({ zh: '12306 系统维护中，06:00 后恢复', en: '12306 is in maintenance until 06:00' });
    expect(v.otherSearchUrl).toContain('fs=%E5%8C%97%E4%BA%AC,BJP');
    const thrown = await overlayView({ ingest, now, stations: stationList(), live: { rail: () => Promise.reject(new Error('worker gone')) } }, FLIGGY_PAGE);
    expect(thrown).toMatchObject({ status: 'no-data', liveError: { en: 'Live query failed: worker gone' } });
  });

  it('uses a fresh capture without asking, and asks again once the capture is old', async () => {
    const { ingest, now, tick } = setup();
    await ingest.submit(capture('left-ticket', QUERY, railBody(trains.slice(0, 1))), { url: '' });
    let calls = 0;
    const t = liveTrains();
    const rail = async (): Promise<RailAnswer> => {
      calls++;
      return { ok: true, trains: t.trains, stationNames: t.stationNames, issues: [], fetchedAt: now(), fromCache: false, buyUrl: '' };
    };
    const fresh = await overlayView({ ingest, now, stations: stationList(), live: { rail } }, FLIGGY_PAGE);
    expect(calls).toBe(0);
    expect(fresh.rows.map((r) => r.code)).toEqual(['G1']);
    expect(fresh.sources.rail?.live).toBeUndefined();
    tick(FRESH_CAPTURE_MS + 60_000);
    const old = await overlayView({ ingest, now, stations: stationList(), live: { rail } }, FLIGGY_PAGE);
    expect(calls).toBe(1);
    expect(old.rows.map((r) => r.code)).toEqual(['G1', 'Z281']);
    expect(old.sources.rail?.live).toBe(true);
  });

  it('shows a 12306 page flights from the Taobao Open Platform when configured, and nothing extra when not', async () => {
    const { ingest, now } = setup();
    const asked: unknown[] = [];
    const top = async (q: unknown): Promise<AirAnswer> => {
      asked.push(q);
      return { status: 'ok', source: 'top', flights: liveFlights(), issues: [], fetchedAt: now(), fliggyUrl: 'https://sjipiao.fliggy.com/' };
    };
    const v = await overlayView({ ingest, now, live: { air: top } }, RAIL_PAGE);
    expect(asked).toEqual([{ date: DATE, fromCity: '北京', toCity: '上海' }]);
    expect(v.status).toBe('ok');
    expect(v.rows.map((r) => r.code)).toEqual(['MU5102', 'CA1831']);
    expect(v.sources.air).toMatchObject({ source: 'top', live: true });

    const none = await overlayView({ ingest, now, live: { air: async () => ({ status: 'none', reason: 'no-source' }) } }, RAIL_PAGE);
    expect(none.status).toBe('no-data');
    expect(none.liveError).toBeUndefined();
    expect(none.otherSearchUrl).toContain('depCity=BJS&arrCity=SHA');

    const failed = await overlayView(
      {
        ingest,
        now,
        live: {
          air: async () => ({ status: 'error', source: 'top', error: { code: 'rejected', message: 'TOP: App Call Limited', messageZh: '淘宝开放平台：调用受限' }, fliggyUrl: '' }),
        },
      },
      RAIL_PAGE,
    );
    expect(failed).toMatchObject({ status: 'no-data', liveError: { zh: '淘宝开放平台：调用受限' } });
  });
});

describe('capture service (fake browser)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores what a content script submits, in extension storage', async () => {
    registerCaptureService();
    const reply = (await dispatch({
      railair: 1,
      name: 'capture.submit',
      data: { capture: capture('left-ticket', QUERY, railBody()), route: {} },
    })) as { ok: boolean; data: unknown };
    expect(reply).toEqual({ ok: true, data: { outcome: 'stored', key: `12306|${DATE}|BJP|SHH`, count: 2, issues: 0 } });
    expect((await captureResultsItem.getValue())[0]?.key).toBe(`12306|${DATE}|BJP|SHH`);

    await dispatch({ railair: 1, name: 'capture.submit', data: { capture: capture('left-ticket', QUERY, '<html></html>'), route: {} } });
    expect((await captureDiagnosticsItem.getValue()).undecodable).toBe(1);
    const diag = (await dispatch({ railair: 1, name: 'capture.diagnostics', data: {} })) as { ok: boolean; data: Diagnostics };
    expect(diag.data.entries[0]?.code).toBe('html-page');
  });

  it('accepts from a page only the captures its own site produces', async () => {
    registerCaptureService();
    const fromFliggy = { tab: { id: 3, url: 'https://sjipiao.fliggy.com/flight_search_result.htm?depCity=BJS' } };
    const forged = (await dispatch(
      { railair: 1, name: 'capture.submit', data: { capture: capture('left-ticket', QUERY, railBody()), route: {} } },
      fromFliggy,
    )) as { ok: boolean; error?: { code: string; message: { zh: string; en: string } } };
    expect(forged).toMatchObject({ ok: false });
    expect(forged.error?.message.en).toContain('refused');
    expect(await captureResultsItem.getValue()).toEqual([]);
    const fromRail = { tab: { id: 4, url: 'https://kyfw.12306.cn/otn/leftTicket/init' } };
    const real = (await dispatch({ railair: 1, name: 'capture.submit', data: { capture: capture('left-ticket', QUERY, railBody()), route: {} } }, fromRail)) as {
      ok: boolean;
    };
    expect(real.ok).toBe(true);
  });

  it('refuses a capture that breaks the schema', async () => {
    registerCaptureService();
    const reply = (await dispatch({
      railair: 1,
      name: 'capture.submit',
      data: { capture: { ...capture('left-ticket', 'javascript:alert(1)', 'x') }, route: {} },
    })) as { ok: boolean };
    expect(reply.ok).toBe(false);
  });
});

describe('overlay tabs and prefs (content scripts have no storage access)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tells the other overlay tabs when captures change, and forgets tabs that are gone', async () => {
    const store = memory<number[]>([]);
    const sent: number[] = [];
    const tabs = createOverlayTabs({
      store,
      send: async (tabId, message) => {
        expect(message).toEqual(CAPTURES_CHANGED);
        if (tabId === 9) throw new Error('Could not establish connection. Receiving end does not exist.');
        sent.push(tabId);
      },
    });
    await tabs.add(3);
    await tabs.add(9);
    await tabs.add(5);
    await tabs.add(3);
    expect(store.peek()).toEqual([5, 9, 3]);
    await tabs.notify(5);
    expect(sent).toEqual([3]);
    expect(store.peek()).toEqual([5, 3]);
  });

  it('gives content scripts their language and collapsed state, and remembers a collapse', async () => {
    registerCaptureService();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'en' });
    const ask = async (site: string) => (await dispatch({ railair: 1, name: 'overlay.prefs', data: { site } })) as { ok: boolean; data: unknown };
    expect(await ask('12306')).toEqual({ ok: true, data: { language: 'en', collapsed: false } });
    expect(await dispatch({ railair: 1, name: 'overlay.collapse', data: { site: '12306', collapsed: true } })).toEqual({ ok: true, data: { ok: true } });
    expect(await ask('12306')).toEqual({ ok: true, data: { language: 'en', collapsed: true } });
    expect(await ask('fliggy')).toEqual({ ok: true, data: { language: 'en', collapsed: false } });
    expect((await overlayStateItem.getValue()).collapsed).toEqual({ '12306': true });
    expect((await ask('evil')).ok).toBe(false);
  });

  it('closes extension storage to content scripts where the browser allows it', async () => {
    const calls: unknown[] = [];
    expect(await restrictStorageToTrustedContexts({ setAccessLevel: async (o) => void calls.push(o) })).toBe(true);
    expect(calls).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
    // Firefox / Chrome < 102: no API, nothing to do, nothing thrown.
    expect(await restrictStorageToTrustedContexts({})).toBe(false);
    expect(await restrictStorageToTrustedContexts(undefined)).toBe(false);
    expect(
      await restrictStorageToTrustedContexts({
        setAccessLevel: () => {
          throw new Error('refused');
        },
      }),
    ).toBe(false);
  });
});

