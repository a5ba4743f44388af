import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createOverlay, FRESH_CAPTURE_MS, overlayView } from '../../../lib/background/overlay';
import { createOverlayTabs } from '../../../lib/background/overlay-tabs';
import { createTabQuota } from '../../../lib/background/tab-quota';
import { dispatch } from '../../../lib/messaging';
import { lastSearchItem, overlayStateItem, overlayTabsItem, settingsItem } from '../../../lib/storage';
import { DEFAULT_SETTINGS, parseSettings } from '../../../lib/settings';
import { restrictStorageToTrustedContexts } from '../../../lib/background/storage-access';
import { CAPTURES_CHANGED } from '../../../lib/messages/capture';
import { decodeStationList } from '../../../lib/rail/stations';
import { decodeLeftTicket } from '../../../lib/rail/left-ticket';
import { decodeFliggySearch } from '../../../lib/air/fliggy-search';
import type { AirAnswer, RailAnswer } from '../../../lib/messages/search';
import type { StoredResult } from '../../../lib/store/captures';
import { buildStationNameJs } from '../../support/rail-rows';
import { buildFliggyJsonp } from '../../support/air-bodies';
import { capture, DATE, FLIGGY, flights, QUERY, railBody, registerCaptureAndOverlay, setup, trains } from './capture-fixtures';

describe('overlay view', () => {
  beforeEach(() => fakeBrowser.reset());

  async function withBoth() {
    const s = setup();
    await s.captures.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    await s.captures.submit(capture('fliggy-search', FLIGGY, buildFliggyJsonp(flights, 'jsonp77')), { url: '' });
    return s;
  }

  it('shows the 12306 page the same-day flights, the verdict and which trains a flight beats', async () => {
    const { captures, now } = await withBoth();
    const v = await overlayView(
      { captures, now },
      { show: 'air', date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } },
    );
    expect(v.status).toBe('ok');
    expect(v.rows.map((r) => r.code)).toEqual(['MU5102', 'CA1831']);
    expect(v.rows[1]?.soldOut).toBe(true);
    expect(v.rows[0]).toMatchObject({ price: 68000, priceIncludesTaxes: false });
    expect(v.verdict?.zh).toContain('MU5102');
    expect(v.sources.air?.source).toBe('fliggy');
    expect(v.otherSearchUrl).toBe(`https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=${DATE}`);
    // G1 (07:00) is compared with MU5102 (08:00), 28 min faster door to door, in its class 二等座;
    // the money is not compared (this fare has no taxes). Z281 has no class to buy (无, 候补): no note.
    expect(v.beats).toHaveLength(1);
    expect(v.beats[0]).toMatchObject({ code: 'G1', flightNo: 'MU5102', fasterMin: 28, trainClass: { zh: '二等座' } });
    expect(v.beats[0]?.cheaperFen).toBeUndefined();
    expect(v.beats[0]?.text.zh).toBe('MU5102 比二等座快28分钟（08:00 起飞，门到门）');
  });

  it('shows the Fliggy page the trains with seats per class', async () => {
    const { captures, now } = await withBoth();
    const v = await overlayView({ captures, now }, { show: 'rail', date: DATE, from: { cityCode: 'BJS' }, to: { cityCode: 'SHA' } });
    expect(v.status).toBe('ok');
    expect(v.rows.map((r) => r.code)).toEqual(['G1', 'Z281']);
    expect(v.rows[0]?.seats.find((s) => s.cls === 'ze')).toMatchObject({ kind: 'plenty', price: 66900 });
    expect(v.rows[0]?.best).toEqual(['cheapest', 'fastest']);
    expect(v.rows[1]?.best).toEqual([]);
    expect(v.rows[1]?.soldOut).toBe(true);
    expect(v.beats).toEqual([]);
  });

  it('follows the filters the popup stored with its last search, and the traveller’s qualifications', async () => {
    const { captures, now } = await withBoth();
    const overlay = createOverlay({
      captures,
      now,
      settings: async () => parseSettings(await settingsItem.getValue()),
      lastSearch: lastSearchItem,
      state: overlayStateItem,
      tabs: createOverlayTabs({ store: overlayTabsItem, send: async () => undefined }),
    });
    const page = { show: 'air' as const, date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } };
    expect((await overlay.view(page)).verdict?.zh).toContain('G1');
    const place = (name: string, telecode: string) => ({ kind: 'city' as const, name, telecode, city: name });
    await lastSearchItem.setValue({
      from: place('北京', 'BJP'),
      to: place('上海', 'SHH'),
      date: DATE,
      student: false,
      filters: { types: ['ZTK'], fromHour: 0, toHour: 24, cls: 'any', onlyBuyable: false, sort: 'depart' },
    });
    const filtered = await overlay.view(page);
    // Only Z/T/K trains: G1 is out, and Z281 has nothing to buy.
    expect(filtered.verdict?.zh).not.toContain('G1');
    expect(filtered.verdict?.zh).toContain('符合筛选条件的火车全部无票（1 趟）');
    expect(filtered.beats).toEqual([]);
  });

  it('says there is no data for the other mode, and where to get it', async () => {
    const { captures, now } = setup();
    await captures.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    const v = await overlayView({ captures, now }, { show: 'air', date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } });
    expect(v.status).toBe('no-data');
    expect(v.rows).toEqual([]);
    expect(v.otherSearchUrl).toContain('depCity=BJS&arrCity=SHA');
    const other = await overlayView({ captures, now }, { show: 'air', date: '2026-11-24', from: { name: '北京' }, to: { name: '上海' } });
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
    const { captures, now } = setup();
    const v = await overlayView(
      { captures, now, stations: { held: async () => list.value } },
      { show: 'rail', date: DATE, from: { cityCode: 'BJS' }, to: { cityCode: 'SHA' } },
    );
    expect(v.status).toBe('no-data');
    expect(v.otherSearchUrl).toBe(
      `https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC,BJP&ts=%E4%B8%8A%E6%B5%B7,SHH&date=${DATE}&flag=N,N,Y`,
    );
  });
});

describe('overlay view: live fallback', () => {
  beforeEach(() => fakeBrowser.reset());

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
    return { held: async () => list.value };
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
    const { captures, now } = setup();
    const asked: unknown[] = [];
    const t = liveTrains();
    const rail = async (q: unknown): Promise<RailAnswer> => {
      asked.push(q);
      return { ok: true, trains: t.trains, stationNames: t.stationNames, issues: [], fetchedAt: now() - 5000, fromCache: false, buyUrl: 'https://kyfw.12306.cn/otn/leftTicket/init' };
    };
    const v = await overlayView({ captures, now, stations: stationList(), live: { rail } }, FLIGGY_PAGE);
    expect(asked).toEqual([{ date: DATE, from: 'BJP', to: 'SHH', fromName: '北京', toName: '上海' }]);
    expect(v.status).toBe('ok');
    expect(v.rows.map((r) => r.code)).toEqual(['G1', 'Z281']);
    expect(v.sources.rail).toMatchObject({ source: '12306', live: true, at: now() - 5000 });
    expect(v.liveError).toBeUndefined();
    // Nothing live is stored as if a page had loaded it.
    expect(await captures.results()).toEqual([]);
  });

  it('keeps "no data → open 12306" and says why when the live query fails (maintenance, back-off)', async () => {
    const { captures, now } = setup();
    const rail = async (): Promise<RailAnswer> => ({
      ok: false,
      error: { code: 'maintenance', message: { zh: '12306 系统维护中，06:00 后恢复', en: '12306 is in maintenance until 06:00' } },
      fetchedAt: now(),
      buyUrl: '',
    });
    const v = await overlayView({ captures, now, stations: stationList(), live: { rail } }, FLIGGY_PAGE);
    expect(v.status).toBe('no-data');
    expect(v.liveError).toEqual({ code: 'maintenance', message: { zh: '12306 系统维护中，06:00 后恢复', en: '12306 is in maintenance until 06:00' } });
    expect(v.otherSearchUrl).toContain('fs=%E5%8C%97%E4%BA%AC,BJP');
    const thrown = await overlayView({ captures, now, stations: stationList(), live: { rail: () => Promise.reject(new Error('worker gone')) } }, FLIGGY_PAGE);
    expect(thrown).toMatchObject({ status: 'no-data', liveError: { code: 'network', message: { en: 'Live query failed: worker gone' } } });
  });

  it('uses a fresh capture without asking, and asks again once the capture is old', async () => {
    const { captures, now, tick } = setup();
    await captures.submit(capture('left-ticket', QUERY, railBody(trains.slice(0, 1))), { url: '' });
    let calls = 0;
    const t = liveTrains();
    const rail = async (): Promise<RailAnswer> => {
      calls++;
      return { ok: true, trains: t.trains, stationNames: t.stationNames, issues: [], fetchedAt: now(), fromCache: false, buyUrl: '' };
    };
    const fresh = await overlayView({ captures, now, stations: stationList(), live: { rail } }, FLIGGY_PAGE);
    expect(calls).toBe(0);
    expect(fresh.rows.map((r) => r.code)).toEqual(['G1']);
    expect(fresh.sources.rail?.live).toBeUndefined();
    tick(FRESH_CAPTURE_MS + 60_000);
    const old = await overlayView({ captures, now, stations: stationList(), live: { rail } }, FLIGGY_PAGE);
    expect(calls).toBe(1);
    expect(old.rows.map((r) => r.code)).toEqual(['G1', 'Z281']);
    expect(old.sources.rail?.live).toBe(true);
  });

  it('shows a 12306 page flights from the Taobao Open Platform when configured, and nothing extra when not', async () => {
    const { captures, now } = setup();
    const asked: unknown[] = [];
    const top = async (q: unknown): Promise<AirAnswer> => {
      asked.push(q);
      return { ok: true, source: 'top', flights: liveFlights(), issues: [], fetchedAt: now(), fliggyUrl: 'https://sjipiao.fliggy.com/' };
    };
    const v = await overlayView({ captures, now, live: { air: top } }, RAIL_PAGE);
    expect(asked).toEqual([{ date: DATE, fromCity: '北京', toCity: '上海' }]);
    expect(v.status).toBe('ok');
    expect(v.rows.map((r) => r.code)).toEqual(['MU5102', 'CA1831']);
    expect(v.sources.air).toMatchObject({ source: 'top', live: true });

    const none = await overlayView({ captures, now, live: { air: async () => ({ ok: false, error: { code: 'no-source', message: { zh: '还没有航班数据', en: 'No flight data yet' } } }) } }, RAIL_PAGE);
    expect(none.status).toBe('no-data');
    expect(none.liveError).toBeUndefined();
    expect(none.otherSearchUrl).toContain('depCity=BJS&arrCity=SHA');

    const failed = await overlayView(
      {
        captures,
        now,
        live: {
          air: async () => ({ ok: false, error: { code: 'rejected', message: { zh: '淘宝开放平台：调用受限', en: 'TOP: App Call Limited' } }, fliggyUrl: '' }),
        },
      },
      RAIL_PAGE,
    );
    expect(failed).toMatchObject({ status: 'no-data', liveError: { code: 'rejected', message: { zh: '淘宝开放平台：调用受限' } } });
  });

  it('shows a 12306 page flights from Fliggy’s live search with nothing captured, and its verification face with the link', async () => {
    const { captures, now } = setup();
    const live = async (): Promise<AirAnswer> => ({ ok: true, source: 'fliggy', via: 'live', flights: liveFlights(), issues: [], fetchedAt: now(), fliggyUrl: 'https://sjipiao.fliggy.com/' });
    const v = await overlayView({ captures, now, live: { air: live } }, RAIL_PAGE);
    expect(v.status).toBe('ok');
    expect(v.rows.map((r) => r.code)).toEqual(['MU5102', 'CA1831']);
    expect(v.sources.air).toMatchObject({ source: 'fliggy', live: true });
    // A capture handed back as the fallback is not called live.
    const cap = async (): Promise<AirAnswer> => ({ ok: true, source: 'fliggy', via: 'capture', flights: liveFlights(), issues: [], fetchedAt: now(), fliggyUrl: 'https://sjipiao.fliggy.com/' });
    expect((await overlayView({ captures, now, live: { air: cap } }, RAIL_PAGE)).sources.air?.live).not.toBe(true);

    const challenge = async (): Promise<AirAnswer> => ({
      ok: false,
      error: { code: 'challenge', message: { zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' }, retryAt: now() + 300_000 },
      fliggyUrl: 'https://sjipiao.fliggy.com/homeow/trip_flight_search.htm?depCity=BJS&arrCity=SHA&depDate=2026-11-23&tripType=0',
    });
    const blocked = await overlayView({ captures, now, live: { air: challenge } }, RAIL_PAGE);
    expect(blocked).toMatchObject({ status: 'no-data', liveError: { code: 'challenge', message: { zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' }, retryAt: now() + 300_000 } });
    expect(blocked.otherSearchUrl).toMatch(/^https:\/\/sjipiao\.fliggy\.com\/.*depCity=BJS&arrCity=SHA/);
  });
});

describe('overlay: a page cannot spend the user\'s quotas', () => {
  beforeEach(() => fakeBrowser.reset());

  /** A page that really searched every route: its own (12306) capture of each is fresh. */
  const searchedEverywhere = (captures: ReturnType<typeof setup>['captures'], at: () => number) => ({
    ...captures,
    latest: async (date: string, fromCity: string, toCity: string) => ({
      rail: { key: `12306|${date}|${fromCity}|${toCity}`, source: '12306' as const, date: date as typeof DATE, from: 'BJP', to: 'XXX', fromCity, toCity, at: at(), url: '', issues: 0, rail: { format: 'pipe' as const, fieldCounts: [], date: date as never, stationNames: {}, trains: [] } } as StoredResult,
    }),
  });

  /** An overlay whose live flight source only records what it is asked. */
  const pageOverlay = (captures: Parameters<typeof createOverlay>[0]['captures'], now: () => number) => {
    const asked: string[] = [];
    const air = async (q: { date: string; fromCity: string; toCity: string }): Promise<AirAnswer> => {
      asked.push(`${q.fromCity}-${q.toCity}`);
      return { ok: false, error: { code: 'no-source', message: { zh: '还没有航班数据', en: 'No flight data yet' } } };
    };
    const overlay = createOverlay({
      captures,
      now,
      settings: async () => parseSettings(await settingsItem.getValue()),
      lastSearch: lastSearchItem,
      state: overlayStateItem,
      tabs: createOverlayTabs({ store: overlayTabsItem, send: async () => undefined }),
      live: { air },
      tabQuota: createTabQuota({ now }),
    });
    return { overlay, asked };
  };

  it('a tab whose page searched 20 routes gets 3 live queries a minute; another tab and the same route again are not held', async () => {
    const { captures: real, now } = setup();
    let t = now();
    const { overlay, asked } = pageOverlay(searchedEverywhere(real, () => t), () => t);
    const cities = ['上海', '广州', '深圳', '成都', '西安', '杭州', '南京', '武汉', '长沙', '重庆'];
    const views = [];
    for (let i = 0; i < 20; i++) {
      const to = cities[i % cities.length]!;
      views.push(await overlay.view({ show: 'air', date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: to } }, 7));
    }
    // Three different routes; the second time round those three are asked again (the clients'
    // caches answer them), the seventeen others are held.
    expect([...new Set(asked)]).toEqual(['北京-上海', '北京-广州', '北京-深圳']);
    expect(views.filter((v) => v.liveError?.code === 'rate-limited')).toHaveLength(14);
    expect(views.at(-1)).toMatchObject({ liveError: { code: 'rate-limited', message: { en: 'This page asked for too many searches' }, retryAt: now() + 60_000 } });
    // Another tab has its own minute; the held tab is free again a minute later.
    await overlay.view({ show: 'air', date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '西安' } }, 8);
    expect(asked.at(-1)).toBe('北京-西安');
    t += 60_000;
    await overlay.view({ show: 'air', date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '杭州' } }, 7);
    expect(asked.at(-1)).toBe('北京-杭州');
  });

  it('a page claiming routes it did not search (pushState, its form) gets no live query; the route it searched does', async () => {
    const { captures, now } = setup();
    const { overlay, asked } = pageOverlay(captures, now);
    for (const to of ['上海', '广州', '深圳', '成都']) {
      const v = await overlay.view({ show: 'air', date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: to, telecode: 'SHH' } }, 7);
      expect(v.liveError).toBeUndefined();
    }
    expect(asked).toEqual([]);
    // The page's own search (its query captured over the tap's channel): now its route is live.
    await captures.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    await overlay.view({ show: 'air', date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } }, 7);
    expect(asked).toEqual(['北京-上海']);
    // A caller that is not a page (no tab) is not held to it.
    await overlay.view({ show: 'air', date: DATE, from: { name: '北京', telecode: 'BJP' }, to: { name: '广州' } });
    expect(asked).toEqual(['北京-上海', '北京-广州']);
  });
});

describe('overlay tabs and prefs (content scripts have no storage access)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tells the other overlay tabs when captures change, and forgets tabs that are gone', async () => {
    const sent: number[] = [];
    const tabs = createOverlayTabs({
      store: overlayTabsItem,
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
    expect(await overlayTabsItem.getValue()).toEqual([5, 9, 3]);
    await tabs.notify(5);
    expect(sent).toEqual([3]);
    expect(await overlayTabsItem.getValue()).toEqual([5, 3]);
  });

  it('gives content scripts their language and collapsed state, and remembers a collapse', async () => {
    registerCaptureAndOverlay();
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

