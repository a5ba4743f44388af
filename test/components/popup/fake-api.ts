// A fake PopupApi for the component tests: real decoded data (rail-rows and air-bodies
// generators through the real decoders), controllable timing, and a record of calls.
import { vi } from 'vitest';
import type { PopupApi, StationChoice } from '../../../components/popup/api';
import { requestWatch } from '../../../components/common/watch-request';
import { dispatch } from '../../../lib/messaging';
import { decodeLeftTicket } from '../../../lib/rail/left-ticket';
import { decodeTopSearch } from '../../../lib/air/top-search';
import type { AirAnswer, ComparisonView, LastSearch, RailAnswer, Res } from '../../../lib/messages/search';
import type { ChinaDate } from '../../../lib/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { chinaInstant } from '../../../lib/time';
import { buildLeftTicketBody, buildRailRow, generateTrains, type RailRowSpec } from '../../support/rail-rows';
import { buildTopSearchJson, generateFlights } from '../../support/air-bodies';

export const NOW = chinaInstant('2026-03-04', 10 * 60);
export const DATE: ChinaDate = '2026-03-05';

const STATIONS: StationChoice[] = [
  { kind: 'city', name: '北京', telecode: 'BJP', city: '北京', stations: [{ name: '北京南', telecode: 'VNP' }, { name: '北京', telecode: 'BJP' }] },
  { kind: 'station', name: '北京南', telecode: 'VNP', city: '北京' },
  { kind: 'station', name: '北京西', telecode: 'BXP', city: '北京' },
  { kind: 'city', name: '上海', telecode: 'SHH', city: '上海', stations: [{ name: '上海虹桥', telecode: 'AOH' }] },
  { kind: 'station', name: '上海虹桥', telecode: 'AOH', city: '上海' },
];
const PINYIN: Record<string, string> = { 北京: 'beijing bj', 北京南: 'beijingnan bjn', 北京西: 'beijingxi bjx', 上海: 'shanghai sh', 上海虹桥: 'shanghaihongqiao shhq' };

export function railOk(specs?: RailRowSpec[], date: ChinaDate = DATE): RailAnswer {
  const rows = (specs ?? generateTrains(12, { from: 'VNP', to: 'AOH' }, date, 5)).map((s) => buildRailRow(s, '2025'));
  const d = decodeLeftTicket(buildLeftTicketBody(rows, { VNP: '北京南', AOH: '上海虹桥' }), { date });
  if (!d.ok) throw new Error(d.error.message.en);
  return { ok: true, trains: d.value.trains, stationNames: d.value.stationNames, issues: d.issues, fetchedAt: NOW, fromCache: false, buyUrl: 'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC%2CBJP' };
}

export function airOk(n = 6, source: 'top' | 'fliggy' = 'top', fetchedAt = NOW): AirAnswer {
  const d = decodeTopSearch(buildTopSearchJson(generateFlights(n, 'BJS', 'SHA', DATE, 4)));
  if (!d.ok) throw new Error(d.error.message.en);
  return { ok: true, source, flights: d.value.flights, issues: [], fetchedAt, fliggyUrl: 'https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=2026-03-05' };
}

export const FLIGGY_URL = 'https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=2026-03-05';

export const LAST: LastSearch = {
  from: { kind: 'city', name: '北京', telecode: 'BJP', city: '北京' },
  to: { kind: 'city', name: '上海', telecode: 'SHH', city: '上海' },
  date: DATE,
  student: false,
};

export interface FakeApi extends PopupApi {
  railAnswer: () => Promise<RailAnswer>;
  airAnswer: () => Promise<AirAnswer>;
  comparison: ComparisonView | undefined;
  last: LastSearch | null;
  settingsValue: Settings;
  captureListeners: Set<() => void>;
  /** What search.recent answers (nothing remembered by default). */
  recentAnswer: () => Promise<Res<'search.recent'>>;
  recentListeners: Set<() => void>;
  opened: string[];
  options: (string | undefined)[];
}

export function fakeApi(over: Partial<FakeApi> = {}): FakeApi {
  const api: FakeApi = {
    railAnswer: async () => railOk(),
    airAnswer: async () => airOk(),
    comparison: undefined,
    last: null,
    settingsValue: DEFAULT_SETTINGS,
    captureListeners: new Set(),
    recentAnswer: async () => ({}),
    recentListeners: new Set(),
    opened: [],
    options: [],
    stations: vi.fn(async (q: string) => {
      const s = q.toLowerCase();
      return STATIONS.filter((x) => x.name.includes(q) || (PINYIN[x.name] ?? '').includes(s) || x.telecode === q.toUpperCase());
    }),
    rail: vi.fn(async () => api.railAnswer()),
    air: vi.fn(async () => api.airAnswer()),
    compare: vi.fn(async () => api.comparison),
    loadLast: async () => api.last,
    saveLast: vi.fn(async () => undefined),
    settings: async () => api.settingsValue,
    now: () => NOW,
    openTab: (url) => void api.opened.push(url),
    openOptions: (section) => void api.options.push(section),
    onCapture: (fn) => {
      api.captureListeners.add(fn);
      return () => api.captureListeners.delete(fn);
    },
    recent: vi.fn(async () => api.recentAnswer()),
    onRecent: (fn) => {
      api.recentListeners.add(fn);
      return () => api.recentListeners.delete(fn);
    },
    // The real message path: validated by the protocol, routed to whatever `onMessage` registered.
    watch: vi.fn((req) => requestWatch(req, (m) => dispatch(m))),
    ...over,
  };
  return api;
}

/** A promise resolved from outside, for loading states. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
