// Turns one capture into what the capture service files: the shared decoders (lib/rail, lib/air)
// read the body, and the route it answers — date, from, to — is taken from what was actually
// queried, the page's own idea of it filling the gaps. No storage here: the service decides what
// to keep.
import type { FlightSearchResult, StationList } from '../model';
import type { DecodeResult } from '../result';
import type { Bilingual } from '../i18n';
import { decodeLeftTicket } from '../rail/left-ticket';
import { decodeStationList } from '../rail/stations';
import { decodeFliggyDomRows, decodeFliggySearch, type FliggyDomRow } from '../air/fliggy-search';
import { decodeTopSearch } from '../air/top-search';
import { fliggyDomRowsSchema, type Capture } from '../capture/schema';
import { mergeSearch, readSearchFromQueryUrl, type RailSearch, type StationRef } from '../sites/12306-page';
import { readSearchFromUrl as readFliggyUrl } from '../sites/fliggy-page';
import { isChinaDate } from '../time';
import type { StoredResult } from '../store/captures';
import { airCityName, airportCodeResolver, firstCity, railCityOf } from './places';

/** Route context the content script read from the page, used when the capture lacks it. */
export interface PageContext {
  url: string;
  rail?: { date?: string; from?: StationRef; to?: StationRef };
  air?: { date?: string; depCity?: string; arrCity?: string };
}

/** A result to file, without the key and time the service gives it. */
export type Filing = Omit<StoredResult, 'key' | 'at'>;

export type Decoded =
  /** `flights`: the flight answer with the date and cities it is filed under (for fare watches). */
  | { kind: 'file'; filing: Filing; flights?: FlightSearchResult }
  /** 12306 telling the page the endpoint's new name: routine, the next capture carries the data. */
  | { kind: 'moved'; endpoint?: string }
  | { kind: 'stations'; text: string; version?: string; list: StationList }
  | { kind: 'rejected'; code: string; message: Bilingual; sample?: string };

const reject = (code: string, message: Bilingual, sample?: string): Decoded => ({ kind: 'rejected', code, message, ...(sample !== undefined ? { sample } : {}) });

/** Whom the captured query asked for: its purpose_codes (ADULT, or 0X00 for students). */
function purposeOf(url: string): { purpose?: 'adult' | 'student' } {
  const code = /[?&]purpose_codes=([^&#]*)/.exec(url)?.[1]?.toUpperCase();
  return code === '0X00' ? { purpose: 'student' } : code === 'ADULT' ? { purpose: 'adult' } : {};
}

export async function decodeRailCapture(capture: Capture, page: PageContext | undefined, stations: () => Promise<StationList | undefined>): Promise<Decoded> {
  // What was actually queried wins; the page's form/cookies/URL fill the gaps (names, a date).
  const pageRail = page?.rail ?? {};
  const pageRoute: RailSearch = {
    ...(pageRail.date && isChinaDate(pageRail.date) ? { date: pageRail.date } : {}),
    ...(pageRail.from ? { from: { ...pageRail.from } } : {}),
    ...(pageRail.to ? { to: { ...pageRail.to } } : {}),
  };
  // The content script sends the route it derived from the query and the page; only a capture
  // that arrives without one (a direct caller) is read for it here.
  const route = page?.rail ? pageRoute : mergeSearch(readSearchFromQueryUrl(capture.url), pageRoute);
  const decoded = decodeLeftTicket(capture.body, { ...(route.date ? { date: route.date } : {}), ...purposeOf(capture.url) });
  if (!decoded.ok) {
    if (decoded.error.code === 'endpoint-moved') return { kind: 'moved', ...(decoded.error.endpoint ? { endpoint: decoded.error.endpoint } : {}) };
    return reject(decoded.error.code, decoded.error.message, decoded.error.sample);
  }
  const value = decoded.value;
  const date = route.date ?? value.date;
  const first = value.trains[0];
  const from = route.from ?? (first ? { telecode: first.from.telecode, name: first.from.name } : undefined);
  const to = route.to ?? (first ? { telecode: first.to.telecode, name: first.to.name } : undefined);
  if (!date || !from?.telecode || !to?.telecode) return reject('no-route', { zh: '余票结果缺少日期或车站，无法归档', en: 'left-ticket answer without a date or stations to file it under' });
  // Names: the page's, else the answer's own telecode map.
  if (!from.name && value.stationNames[from.telecode]) from.name = value.stationNames[from.telecode];
  if (!to.name && value.stationNames[to.telecode]) to.name = value.stationNames[to.telecode];
  const list = await stations();
  const fromCity = railCityOf(from, list);
  const toCity = railCityOf(to, list);
  return {
    kind: 'file',
    filing: {
      source: '12306',
      date,
      from: from.telecode,
      to: to.telecode,
      ...(fromCity ? { fromCity } : {}),
      ...(toCity ? { toCity } : {}),
      url: capture.url,
      issues: decoded.issues.length,
      rail: value,
    },
  };
}

/** Rows a Fliggy page rendered (no JSONP came): JSON the content script built from the DOM. */
function decodeDom(capture: Capture, page?: PageContext): DecodeResult<FlightSearchResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(capture.body);
  } catch {
    return { ok: false, error: { code: 'not-json', message: { zh: '飞猪页面行：不是 JSON', en: 'Fliggy page rows: not JSON' } } };
  }
  const rows = fliggyDomRowsSchema().safeParse(raw);
  if (!rows.success) {
    return { ok: false, error: { code: 'schema', message: { zh: '飞猪页面行：格式不符', en: `Fliggy page rows: ${rows.error.issues[0]?.message ?? 'invalid'}` } } };
  }
  // The content script sends the route it derived (the query's URL over the page's); only a
  // capture that arrives without one (a direct caller) is read for it here.
  const search: { depCity?: string; arrCity?: string } = page?.air ?? readFliggyUrl(capture.url);
  return decodeFliggyDomRows(rows.data as FliggyDomRow[], { airportCode: airportCodeResolver(search) });
}

export function decodeAirCapture(capture: Capture, source: 'fliggy' | 'top', page?: PageContext): Decoded {
  const decoded =
    capture.kind === 'fliggy-dom' ? decodeDom(capture, page) : source === 'fliggy' ? decodeFliggySearch(capture.body) : decodeTopSearch(capture.body);
  if (!decoded.ok) return reject(decoded.error.code, decoded.error.message, decoded.error.sample);
  const value = decoded.value;
  const route = page?.air ?? (source === 'fliggy' ? readFliggyUrl(capture.url) : {});
  const date = value.date ?? (route.date && isChinaDate(route.date) ? route.date : undefined);
  const dep = value.depCity ?? route.depCity ?? firstCity(value, 'from');
  const arr = value.arrCity ?? route.arrCity ?? firstCity(value, 'to');
  if (!date || !dep || !arr) return reject('no-route', { zh: '航班结果缺少日期或城市，无法归档', en: 'flight answer without a date or cities to file it under' });
  const fromCity = airCityName(dep);
  const toCity = airCityName(arr);
  return {
    kind: 'file',
    flights: { ...value, date, depCity: dep, arrCity: arr },
    filing: {
      source,
      date,
      from: dep,
      to: arr,
      ...(fromCity ? { fromCity } : {}),
      ...(toCity ? { toCity } : {}),
      url: capture.url,
      issues: decoded.issues.length,
      air: value,
    },
  };
}

export function decodeStationCapture(capture: Capture): Decoded {
  const version = /station_version=([\w.]+)/.exec(capture.url)?.[1];
  const decoded = decodeStationList(capture.body, version);
  if (!decoded.ok) return reject(decoded.error.code, decoded.error.message, decoded.error.sample);
  return { kind: 'stations', text: capture.body, ...(version ? { version } : {}), list: decoded.value };
}
