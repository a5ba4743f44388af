import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCaptures, LIMITS } from '../../../lib/background/captures';
import type { Diagnostics } from '../../../lib/store/diagnostics';
import { dispatch } from '../../../lib/messaging';
import { captureDiagnosticsItem, captureResultsItem } from '../../../lib/storage';
import { buildLeftTicketBody, buildRailRow, buildStationNameJs } from '../../support/rail-rows';
import type { FlightSearchResult } from '../../../lib/model';
import { buildFliggyJsonp } from '../../support/air-bodies';
import { REPLAY_STATIONS, stationNameJs } from '../../replay/stations';
import { capture, DATE, FLIGGY, flights, NAMES, QUERY, railBody, registerCaptureAndOverlay, setup, trains } from './capture-fixtures';

describe('captures', () => {
  beforeEach(() => fakeBrowser.reset());

  it('decodes a 12306 capture and files it under date, stations and cities', async () => {
    const { captures } = setup();
    const out = await captures.submit(capture('left-ticket', QUERY, railBody()), { url: 'https://kyfw.12306.cn/otn/leftTicket/init' });
    expect(out).toEqual({ ok: true, filed: 'result', key: `12306|${DATE}|BJP|SHH`, count: 2, issues: 0 });
    const [r] = await captures.results();
    expect(r).toMatchObject({ source: '12306', date: DATE, from: 'BJP', to: 'SHH', fromCity: '北京', toCity: '上海' });
    expect(r?.rail?.trains.map((t) => t.code)).toEqual(['G1', 'Z281']);
  });

  it('keeps only the latest result per key, with its time', async () => {
    const { captures, tick, now } = setup();
    await captures.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    tick(60_000);
    await captures.submit(capture('left-ticket', QUERY, railBody(trains.slice(0, 1))), { url: '' });
    const all = await captures.results();
    expect(all).toHaveLength(1);
    expect(all[0]?.at).toBe(now());
    expect(all[0]?.rail?.trains).toHaveLength(1);
  });

  it('answers the latest rail and air results of a city pair from one read of storage', async () => {
    const { captures, tick } = setup();
    await captures.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    tick(60_000);
    await captures.submit(capture('fliggy-search', FLIGGY, buildFliggyJsonp(flights, 'jsonp77')), { url: '' });
    const reads = vi.spyOn(captureResultsItem, 'getValue');
    const { rail, air } = await captures.latest(DATE, '北京', '上海');
    expect(reads).toHaveBeenCalledTimes(1);
    expect(rail?.rail?.trains.map((t) => t.code)).toEqual(['G1', 'Z281']);
    expect(air?.air?.flights.map((f) => f.flightNo)).toEqual(['MU5102', 'CA1831']);
    expect(await captures.latest(DATE, '北京', '广州')).toEqual({});
    reads.mockRestore();
  });

  it('uses the page route when the query URL lacks it', async () => {
    const { captures } = setup();
    const out = await captures.submit(capture('left-ticket', 'https://kyfw.12306.cn/otn/leftTicket/queryX', railBody()), {
      url: 'https://kyfw.12306.cn/otn/leftTicket/init',
      rail: { date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } },
    });
    expect(out).toMatchObject({ ok: true, filed: 'result', key: `12306|${DATE}|BJP|SHH` });
  });

  it('reports an HTML error page in diagnostics instead of decoding it', async () => {
    const { captures } = setup();
    const html = '<!DOCTYPE html><html><head><title>铁路客户服务中心</title></head><body>网络可能存在问题，请您重试一下！</body></html>';
    const c = { ...capture('left-ticket', QUERY, html), responseUrl: 'https://www.12306.cn/mormhweb/logFiles/error.html' };
    const out = await captures.submit(c, { url: '' });
    expect(out).toMatchObject({ ok: false, error: { code: 'html-page' } });
    expect(await captures.results()).toEqual([]);
    const d = await captures.diagnostics();
    expect(d.undecodable).toBe(1);
    expect(d.entries[0]).toMatchObject({ kind: 'left-ticket', url: 'https://www.12306.cn/mormhweb/logFiles/error.html', code: 'html-page' });
    expect(d.entries[0]?.sample).toContain('铁路客户服务中心');
  });

  it('treats a c_url answer as the endpoint moving, not as a failure', async () => {
    const { captures } = setup();
    const out = await captures.submit(capture('left-ticket', QUERY, '{"status":false,"c_url":"leftTicket/queryZ","c_name":"CLeftTicketUrl"}'), { url: '' });
    expect(out).toEqual({ ok: true, filed: 'moved', endpoint: 'leftTicket/queryZ' });
    expect((await captures.diagnostics()).undecodable).toBe(0);
  });

  it('bounds the diagnostics list but keeps counting', async () => {
    const { captures } = setup();
    for (let i = 0; i < LIMITS.diagnostics + 5; i++) await captures.submit(capture('left-ticket', QUERY, `<html>${i}</html>`), { url: '' });
    const d = await captures.diagnostics();
    expect(d.entries).toHaveLength(LIMITS.diagnostics);
    expect(d.undecodable).toBe(LIMITS.diagnostics + 5);
    expect(d.entries[0]?.sample).toBe(`<html>${LIMITS.diagnostics + 4}</html>`);
  });

  it('bounds the stored results', async () => {
    const { captures, tick } = setup();
    for (let i = 0; i < LIMITS.results + 3; i++) {
      tick(1000);
      const d = `2026-12-${String(i + 1).padStart(2, '0')}`;
      const specs = trains.map((t) => ({ ...t, date: d as typeof DATE }));
      await captures.submit(capture('left-ticket', QUERY.replace(DATE, d), railBody(specs)), { url: '' });
    }
    expect(await captures.results()).toHaveLength(LIMITS.results);
  });

  it('reports oversized and HTTP-error captures without decoding them', async () => {
    const { captures } = setup();
    expect(await captures.submit({ ...capture('left-ticket', QUERY, ''), tooLarge: 3_000_000 }, { url: '' })).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(await captures.submit(capture('left-ticket', QUERY, 'Forbidden', 403), { url: '' })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    expect(await captures.submit(capture('left-ticket', QUERY, '', 0), { url: '' })).toMatchObject({ ok: false, error: { code: 'network' } });
    expect((await captures.diagnostics()).undecodable).toBe(3);
  });

  it('counts rows the decoder did not recognise', async () => {
    const { captures } = setup();
    const body = buildLeftTicketBody([buildRailRow(trains[0]!, '2025'), 'garbage|row'], NAMES);
    const out = await captures.submit(capture('left-ticket', QUERY, body), { url: '' });
    expect(out).toMatchObject({ ok: true, filed: 'result', count: 1 });
    expect((await captures.diagnostics()).unrecognised).toBeGreaterThan(0);
  });

  it('files a Fliggy JSONP capture under IATA city codes and 12306 city names', async () => {
    const { captures } = setup();
    const out = await captures.submit(capture('fliggy-search', FLIGGY, buildFliggyJsonp(flights, 'jsonp77')), { url: '' });
    expect(out).toMatchObject({ ok: true, filed: 'result', key: `fliggy|${DATE}|BJS|SHA`, count: 2 });
    expect((await captures.results())[0]).toMatchObject({ fromCity: '北京', toCity: '上海' });
    expect((await captures.latestFlights(DATE, 'BJS', 'SHA'))?.result.flights).toHaveLength(2);
    expect(await captures.latestFlights(DATE, 'BJS', 'CAN')).toBeUndefined();
  });

  it('hands every filed flight answer, with its route, to the flight listener (fare watches)', async () => {
    const heard: FlightSearchResult[] = [];
    const captures = createCaptures({
      now: () => Date.UTC(2026, 10, 22, 12, 0),
      results: captureResultsItem,
      diagnostics: captureDiagnosticsItem,
      onFlightResult: (r) => {
        heard.push(r);
        throw new Error('a failing listener must not lose the capture');
      },
    });
    const out = await captures.submit(capture('fliggy-search', FLIGGY, buildFliggyJsonp(flights, 'jsonp77')), { url: '' });
    await new Promise((r) => setTimeout(r, 0));
    expect(out).toMatchObject({ ok: true, filed: 'result', count: 2 });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ date: DATE, depCity: 'BJS', arrCity: 'SHA' });
    expect(heard[0]?.flights).toHaveLength(2);
    // A rail capture is not a flight answer.
    await captures.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toHaveLength(1);
  });

  it('decodes the rows a Fliggy page rendered when no JSONP came, resolving airport names', async () => {
    const { captures } = setup();
    const rows = [
      { date: DATE, flightNo: 'MU5102', airlineName: '东方航空', depTime: '08:00', arrTime: '10:15', depAirport: '首都机场T2', arrAirport: '虹桥机场T2', price: '¥680', depCity: 'BJS', arrCity: 'SHA' },
      { date: DATE, flightNo: 'CA1831', depTime: '23:30', arrTime: '01:40+1', depAirport: '大兴国际机场', arrAirport: '浦东国际机场 T2', price: '售完', depCity: 'BJS', arrCity: 'SHA' },
    ];
    const url = `https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=${DATE}`;
    const out = await captures.submit(capture('fliggy-dom', url, JSON.stringify(rows)), { url });
    expect(out).toMatchObject({ ok: true, filed: 'result', key: `fliggy|${DATE}|BJS|SHA`, count: 2 });
    const flights = (await captures.results())[0]?.air?.flights ?? [];
    expect(flights.map((f) => [f.flightNo, f.from.code, f.to.code, f.arriveDayOffset])).toEqual([
      ['MU5102', 'PEK', 'SHA', 0],
      ['CA1831', 'PKX', 'PVG', 1],
    ]);
    expect(await captures.submit(capture('fliggy-dom', url, '[{"flightNo":1}]'), { url })).toMatchObject({ ok: false, error: { code: 'schema' } });
  });

  it('hands a station list the page loaded to the station store', async () => {
    const offered: string[] = [];
    const { captures } = setup({ held: async () => undefined, offer: async (t) => (offered.push(t), true) });
    const js = stationNameJs(REPLAY_STATIONS);
    const out = await captures.submit(capture('station-list', 'https://kyfw.12306.cn/otn/resources/js/framework/station_name.js?station_version=1.9383', js));
    expect(out).toEqual({ ok: true, filed: 'stations', count: REPLAY_STATIONS.length, kept: true });
    expect(offered).toEqual([js]);
  });

  it('refuses a forged station list (北京 as SHH, two stations) as a diagnostic, never offering it', async () => {
    const offered: string[] = [];
    const { captures } = setup({ held: async () => undefined, offer: async (t) => (offered.push(t), true) });
    const js = buildStationNameJs(
      [
        { abbr: 'bjp', name: '北京', telecode: 'SHH', pinyin: 'beijing', initials: 'bj', index: 0, cityCode: '0357', cityName: '北京' },
        { abbr: 'sha', name: '上海', telecode: 'BJP', pinyin: 'shanghai', initials: 'sh', index: 1, cityCode: '0712', cityName: '上海' },
      ],
      '11-field',
    );
    const out = await captures.submit(capture('station-list', 'https://kyfw.12306.cn/otn/resources/js/framework/station_name.js?station_version=1.9999', js));
    expect(out).toMatchObject({ ok: false, error: { code: 'implausible' } });
    expect(offered).toEqual([]);
    expect((await captures.diagnostics()).entries[0]).toMatchObject({ code: 'implausible', message: expect.stringContaining('北京 is SHH, not BJP') });
  });
});

describe('capture service (fake browser)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores what a content script submits, in extension storage', async () => {
    registerCaptureAndOverlay();
    const reply = (await dispatch({
      railair: 1,
      name: 'capture.submit',
      data: { capture: capture('left-ticket', QUERY, railBody()), route: {} },
    })) as { ok: boolean; data: unknown };
    expect(reply).toEqual({ ok: true, data: { ok: true, filed: 'result', key: `12306|${DATE}|BJP|SHH`, count: 2, issues: 0 } });
    expect((await captureResultsItem.getValue())[0]?.key).toBe(`12306|${DATE}|BJP|SHH`);

    await dispatch({ railair: 1, name: 'capture.submit', data: { capture: capture('left-ticket', QUERY, '<html></html>'), route: {} } });
    expect((await captureDiagnosticsItem.getValue()).undecodable).toBe(1);
    const diag = (await dispatch({ railair: 1, name: 'capture.diagnostics', data: {} })) as { ok: boolean; data: Diagnostics };
    expect(diag.data.entries[0]?.code).toBe('html-page');
  });

  it('accepts from a page only the captures its own site produces', async () => {
    registerCaptureAndOverlay();
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
    registerCaptureAndOverlay();
    const reply = (await dispatch({
      railair: 1,
      name: 'capture.submit',
      data: { capture: { ...capture('left-ticket', 'javascript:alert(1)', 'x') }, route: {} },
    })) as { ok: boolean };
    expect(reply.ok).toBe(false);
  });
});

