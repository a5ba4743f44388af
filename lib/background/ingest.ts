// Background side of captures: decode what the pages loaded with the shared decoders, keep the
// latest result per (source, date, from, to) with its time, and keep a bounded list of what could
// not be decoded (URL, error, first bytes) so a format change is visible, never silent.
// `createIngest` and `overlayView` are pure over their dependencies (storage, clock, station
// list, live clients) and are what the tests drive; `registerCaptureService` at the end wires them
// to the extension (storage items, messages, the search service's live clients), as
// lib/background/search.ts does for its service.
import type { AirOption, ChinaDate, EpochMs, FlightSearchResult, LeftTicketResult, RailOption, StationList } from '../model';
import type { AirAnswer, RailAnswer } from '../messages/search';
import { excerpt, type DecodeError, type DecodeResult } from '../result';
import { decodeLeftTicket } from '../rail/left-ticket';
import { decodeStationList } from '../rail/stations';
import { resolvePlace, type Place, type PlaceQuery } from '../compare/places';
import type { OverlayView, PlaceRef } from '../capture/view';
import { decodeFliggyDomRows, decodeFliggySearch, type FliggyDomRow } from '../air/fliggy-search';
import { decodeTopSearch } from '../air/top-search';
import { CITIES, cityByCode, cityOfAirport } from '../air/cities';
import { fliggyDomRowsSchema, type Capture } from '../capture/schema';
import { parseDiagnostics, parseStoredResults } from '../capture/stored';
import { SITE_KINDS, siteOfPage } from '../capture/urls';
import {
  mergeSearch,
  readSearchFromQueryUrl,
  searchPageUrl as railSearchPageUrl,
  type RailSearch,
  type StationRef,
} from '../sites/12306-page';
import { readSearchFromUrl as readFliggyUrl, searchPageUrl as fliggySearchPageUrl, type FliggySearch } from '../sites/fliggy-page';
import { isChinaDate } from '../time';
import { parseSettings, type Buffers } from '../settings';
import { on as onMessage } from '../messages/capture';
import { captureDiagnosticsItem, captureResultsItem, overlayStateItem, overlayTabsItem, settingsItem, stationListItem } from '../storage';
import { CAPTURES_CHANGED } from '../messages/capture';
import { browser } from 'wxt/browser';
import { getSearchService } from './search';
import { getWatchService } from './watch-service';
import { buildOverlayView } from '../capture/overlay-view';

export type CaptureSource = '12306' | 'fliggy' | 'top';

/** One stored result: the latest decoded capture for its key. */
export interface StoredResult {
  key: string;
  source: CaptureSource;
  date: ChinaDate;
  /** Rail: queried telecodes (BJP); air: IATA city codes (BJS). */
  from: string;
  to: string;
  /** City names as 12306's station list writes them (北京), the key overlays look results up by. */
  fromCity?: string;
  toCity?: string;
  /** When the capture arrived (background clock). */
  at: EpochMs;
  url: string;
  /** Rows the decoder could not read fully (its issues). */
  issues: number;
  rail?: LeftTicketResult;
  air?: FlightSearchResult;
  /** Answered by a live query just now (an overlay's fallback), not captured from a page; never stored. */
  live?: boolean;
}

export interface DiagnosticEntry {
  at: EpochMs;
  kind: Capture['kind'];
  url: string;
  status: number;
  code: string;
  message: string;
  /** First bytes of the body, one line. */
  sample: string;
}

export interface Diagnostics {
  entries: DiagnosticEntry[];
  /** Captures that could not be decoded, ever (the list keeps only the latest). */
  undecodable: number;
  /** Rows or entries the decoders reported as unrecognised in captures that did decode. */
  unrecognised: number;
  /** Stored results or diagnostic entries found invalid when read back (dropped, not shown). */
  dropped?: number;
}

export const EMPTY_DIAGNOSTICS: Diagnostics = { entries: [], undecodable: 0, unrecognised: 0 };

export const LIMITS = {
  /** Results kept (newest first); a 100-train answer is ~100 KB decoded. */
  results: 16,
  /** Results older than this are dropped on the next write. */
  resultMaxAgeMs: 3 * 24 * 60 * 60_000,
  diagnostics: 20,
  sampleChars: 160,
};

export interface ValueStore<T> {
  get(): Promise<T | null | undefined>;
  set(v: T): Promise<void>;
}

export interface StationSource {
  get(): Promise<StationList | undefined>;
  offer(text: string, version?: string): Promise<boolean>;
}

export interface IngestDeps {
  now: () => EpochMs;
  results: ValueStore<StoredResult[]>;
  diagnostics: ValueStore<Diagnostics>;
  stations?: StationSource;
  /** Told of every flight answer filed (flight-price watches check their thresholds on it). */
  onAir?: (result: FlightSearchResult) => unknown;
}

/** Route context the content script read from the page, used when the capture lacks it. */
export interface PageContext {
  url: string;
  rail?: { date?: string; from?: StationRef; to?: StationRef };
  air?: { date?: string; depCity?: string; arrCity?: string };
}

export type SubmitOutcome =
  | { outcome: 'stored'; key: string; count: number; issues: number }
  | { outcome: 'stations'; count: number; kept: boolean }
  | { outcome: 'moved'; endpoint?: string }
  | { outcome: 'rejected'; code: string; message: string };

export interface Ingest {
  submit(capture: Capture, page?: PageContext): Promise<SubmitOutcome>;
  results(): Promise<StoredResult[]>;
  diagnostics(): Promise<Diagnostics>;
  /** Latest rail result between two cities (12306 names) on a date. */
  latestRail(date: string, fromCity: string, toCity: string): Promise<StoredResult | undefined>;
  /** Latest air result (Fliggy or TOP) between two cities (12306 names) on a date. */
  latestAir(date: string, fromCity: string, toCity: string): Promise<StoredResult | undefined>;
  /** For the search service: the latest captured flights for a date and IATA city pair. */
  latestFlights(date: string, depCity: string, arrCity: string): Promise<{ result: FlightSearchResult; at: EpochMs } | undefined>;
  /** The 12306 city name of a station (by telecode or name), using the station list when known. */
  railCity(ref: StationRef | undefined): Promise<string | undefined>;
}

/** The city a station belongs to (北京南 → 北京), by telecode with the station list, else by name. */
export function railCityOf(ref: StationRef | undefined, list?: StationList): string | undefined {
  return placeOf(ref, list)?.city;
}

/** Resolves a page's end of the route to a Place (all stations and airports of the city). */
export function placeOf(ref: PlaceRef | undefined, list?: StationList): Place | undefined {
  if (!ref) return undefined;
  const tries: PlaceQuery[] = [];
  if (ref.cityCode) tries.push({ cityCode: ref.cityCode });
  if (ref.telecode && list) tries.push({ telecode: ref.telecode });
  if (ref.name) tries.push({ name: ref.name });
  for (const q of tries) {
    const r = resolvePlace(q, list);
    if (r.ok) return r.value;
  }
  return undefined;
}

/**
 * The IATA code of an airport as Fliggy's list names it ("首都机场", "浦东国际机场"): among the
 * search's two cities first, else any city with exactly one airport of that name.
 */
export function airportCodeResolver(search: FliggySearch): (name: string) => string | undefined {
  const near = [search.depCity, search.arrCity].flatMap((code) => (code ? (cityByCode(code)?.airports ?? []) : []));
  return (name) => {
    const n = name.replace(/\s+/g, '');
    const hit = near.find((a) => n.startsWith(a.name));
    if (hit) return hit.code;
    const all = CITIES.flatMap((city) => city.airports).filter((a) => n.startsWith(a.name));
    return all.length === 1 ? all[0]!.code : undefined;
  };
}

/** The 12306 city name for an IATA city code (BJS → 北京). */
export function airCityName(code: string | undefined): string | undefined {
  return code ? cityByCode(code)?.name : undefined;
}

function errorOf<T>(r: DecodeResult<T>): DecodeError | undefined {
  return r.ok ? undefined : r.error;
}

export function createIngest(deps: IngestDeps): Ingest {
  // One write at a time: captures may arrive together, and each write is read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  // Storage is read back through zod (lib/capture/stored.ts): invalid entries are dropped and
  // counted in diagnostics.dropped (the results' count is added on the next write).
  let resultsDropped = 0;
  const readResults = async (): Promise<StoredResult[]> => {
    const { results, dropped } = parseStoredResults(await deps.results.get());
    resultsDropped = dropped;
    return results;
  };
  const readDiagnostics = async (): Promise<Diagnostics> => {
    const { diagnostics, dropped } = parseDiagnostics(await deps.diagnostics.get());
    const total = (diagnostics.dropped ?? 0) + dropped;
    return total > 0 ? { ...diagnostics, dropped: total } : diagnostics;
  };
  /** Diagnostics with the results dropped by the last read added (for the write paths). */
  const diagnosticsForWrite = async (): Promise<Diagnostics> => {
    const d = await readDiagnostics();
    const total = (d.dropped ?? 0) + resultsDropped;
    resultsDropped = 0;
    return total > 0 ? { ...d, dropped: total } : d;
  };

  async function report(capture: Capture, code: string, message: string, sampleFrom?: string): Promise<SubmitOutcome> {
    const d = await readDiagnostics();
    const entry: DiagnosticEntry = {
      at: deps.now(),
      kind: capture.kind,
      url: capture.responseUrl ?? capture.url,
      status: capture.status,
      code,
      message,
      sample: excerpt(sampleFrom ?? capture.body, LIMITS.sampleChars),
    };
    await deps.diagnostics.set({
      entries: [entry, ...d.entries].slice(0, LIMITS.diagnostics),
      undecodable: d.undecodable + 1,
      unrecognised: d.unrecognised,
      ...(d.dropped ? { dropped: d.dropped } : {}),
    });
    return { outcome: 'rejected', code, message };
  }

  /** A listener's failure must not lose the capture: it is logged and the capture is stored. */
  function notifyAir(result: FlightSearchResult): void {
    if (!deps.onAir) return;
    void Promise.resolve()
      .then(() => deps.onAir?.(result))
      .catch((e: unknown) => console.warn('[RailAir] flight listener failed', e));
  }

  async function store(r: Omit<StoredResult, 'key' | 'at'>): Promise<SubmitOutcome> {
    const key = `${r.source}|${r.date}|${r.from}|${r.to}`;
    const now = deps.now();
    const entry: StoredResult = { ...r, key, at: now };
    const kept = (await readResults()).filter((x) => x.key !== key && now - x.at <= LIMITS.resultMaxAgeMs);
    await deps.results.set([entry, ...kept].slice(0, LIMITS.results));
    if (r.issues > 0 || resultsDropped > 0) {
      const d = await diagnosticsForWrite();
      await deps.diagnostics.set({ ...d, unrecognised: d.unrecognised + r.issues });
    }
    const count = r.rail?.trains.length ?? r.air?.flights.length ?? 0;
    return { outcome: 'stored', key, count, issues: r.issues };
  }

  async function stationList(): Promise<StationList | undefined> {
    try {
      return await deps.stations?.get();
    } catch {
      return undefined;
    }
  }

  async function ingestRail(capture: Capture, page?: PageContext): Promise<SubmitOutcome> {
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
    const decoded = decodeLeftTicket(capture.body, route.date ? { date: route.date } : {});
    if (!decoded.ok) {
      // 12306 telling the page the endpoint's new name is routine: the page follows it and the
      // next capture carries the data.
      if (decoded.error.code === 'endpoint-moved') return { outcome: 'moved', ...(decoded.error.endpoint ? { endpoint: decoded.error.endpoint } : {}) };
      return report(capture, decoded.error.code, decoded.error.message, decoded.error.sample);
    }
    const value = decoded.value;
    const date = route.date ?? value.date;
    const first = value.trains[0];
    const from = route.from ?? (first ? { telecode: first.from.telecode, name: first.from.name } : undefined);
    const to = route.to ?? (first ? { telecode: first.to.telecode, name: first.to.name } : undefined);
    if (!date || !from?.telecode || !to?.telecode) {
      return report(capture, 'no-route', 'left-ticket answer without a date or stations to file it under');
    }
    // Names: the page's, else the answer's own telecode map.
    if (!from.name && value.stationNames[from.telecode]) from.name = value.stationNames[from.telecode];
    if (!to.name && value.stationNames[to.telecode]) to.name = value.stationNames[to.telecode];
    const list = await stationList();
    const fromCity = railCityOf(from, list);
    const toCity = railCityOf(to, list);
    return store({
      source: '12306',
      date,
      from: from.telecode,
      to: to.telecode,
      ...(fromCity ? { fromCity } : {}),
      ...(toCity ? { toCity } : {}),
      url: capture.url,
      issues: decoded.issues.length,
      rail: value,
    });
  }

  function decodeDom(capture: Capture, page?: PageContext): DecodeResult<FlightSearchResult> {
    let raw: unknown;
    try {
      raw = JSON.parse(capture.body);
    } catch {
      return { ok: false, error: { code: 'not-json', message: 'Fliggy page rows: not JSON', messageZh: '飞猪页面行：不是 JSON' } };
    }
    const rows = fliggyDomRowsSchema().safeParse(raw);
    if (!rows.success) {
      return { ok: false, error: { code: 'schema', message: `Fliggy page rows: ${rows.error.issues[0]?.message ?? 'invalid'}`, messageZh: '飞猪页面行：格式不符' } };
    }
    const search = { ...readFliggyUrl(capture.url), ...(page?.air?.depCity ? { depCity: page.air.depCity } : {}), ...(page?.air?.arrCity ? { arrCity: page.air.arrCity } : {}) };
    return decodeFliggyDomRows(rows.data as FliggyDomRow[], { airportCode: airportCodeResolver(search) });
  }

  async function ingestAir(capture: Capture, source: 'fliggy' | 'top', page?: PageContext): Promise<SubmitOutcome> {
    const decoded =
      capture.kind === 'fliggy-dom' ? decodeDom(capture, page) : source === 'fliggy' ? decodeFliggySearch(capture.body) : decodeTopSearch(capture.body);
    const error = errorOf(decoded);
    if (error || !decoded.ok) return report(capture, error?.code ?? 'schema', error?.message ?? 'undecodable', error?.sample);
    const value = decoded.value;
    const fromUrl = source === 'fliggy' ? readFliggyUrl(capture.url) : {};
    const pageAir = page?.air ?? {};
    const date = value.date ?? fromUrl.date ?? (pageAir.date && isChinaDate(pageAir.date) ? pageAir.date : undefined);
    const dep = value.depCity ?? fromUrl.depCity ?? pageAir.depCity ?? firstCity(value, 'from');
    const arr = value.arrCity ?? fromUrl.arrCity ?? pageAir.arrCity ?? firstCity(value, 'to');
    if (!date || !dep || !arr) return report(capture, 'no-route', 'flight answer without a date or cities to file it under');
    const fromCity = airCityName(dep);
    const toCity = airCityName(arr);
    // The date and cities the flights were filed under, for listeners that key on them.
    notifyAir({ ...value, date, depCity: dep, arrCity: arr });
    return store({
      source,
      date,
      from: dep,
      to: arr,
      ...(fromCity ? { fromCity } : {}),
      ...(toCity ? { toCity } : {}),
      url: capture.url,
      issues: decoded.issues.length,
      air: value,
    });
  }

  async function ingestStations(capture: Capture): Promise<SubmitOutcome> {
    const version = /station_version=([\w.]+)/.exec(capture.url)?.[1];
    const decoded = decodeStationList(capture.body, version);
    if (!decoded.ok) return report(capture, decoded.error.code, decoded.error.message, decoded.error.sample);
    let kept = false;
    try {
      kept = (await deps.stations?.offer(capture.body, version)) ?? false;
    } catch {
      kept = false;
    }
    return { outcome: 'stations', count: decoded.value.stations.length, kept };
  }

  async function submit(capture: Capture, page?: PageContext): Promise<SubmitOutcome> {
    if (capture.tooLarge) return report(capture, 'too-large', `body of ${capture.tooLarge} characters was not copied`, '');
    if (capture.status === 0) {
      return report(capture, 'network', 'no answer reached the page (network error, timeout, or a redirect to another site)', '');
    }
    if (capture.status >= 400) {
      const code = capture.status === 403 || capture.status === 429 ? 'rate-limited' : 'network';
      return report(capture, code, `HTTP ${capture.status}`);
    }
    switch (capture.kind) {
      case 'left-ticket':
        return ingestRail(capture, page);
      case 'station-list':
        return ingestStations(capture);
      case 'fliggy-search':
        return ingestAir(capture, 'fliggy', page);
      case 'top-search':
        return ingestAir(capture, 'top', page);
      case 'fliggy-dom':
        return ingestAir(capture, 'fliggy', page);
    }
  }

  const newest = async (pred: (r: StoredResult) => boolean) => (await readResults()).filter(pred).sort((a, b) => b.at - a.at)[0];

  return {
    submit: (capture, page) => serial(() => submit(capture, page)),
    results: readResults,
    diagnostics: readDiagnostics,
    latestRail: (date, fromCity, toCity) =>
      newest((r) => r.source === '12306' && r.date === date && r.fromCity === fromCity && r.toCity === toCity),
    latestAir: (date, fromCity, toCity) =>
      newest((r) => r.source !== '12306' && r.date === date && r.fromCity === fromCity && r.toCity === toCity),
    async latestFlights(date, depCity, arrCity) {
      const r = await newest((x) => x.source !== '12306' && x.date === date && x.from === depCity && x.to === arrCity);
      return r?.air ? { result: r.air, at: r.at } : undefined;
    },
    async railCity(ref) {
      return railCityOf(ref, await stationList());
    },
  };
}

function firstCity(value: FlightSearchResult, side: 'from' | 'to'): string | undefined {
  const f = value.flights[0];
  if (!f) return undefined;
  return f[side].city ?? cityOfAirport(f[side].code)?.code;
}

// ───────────────────────────── overlay view ─────────────────────────────

/**
 * Live queries an overlay may fall back on when no fresh capture of the other mode exists: the
 * search service's (lib/background/search.ts), so they share its cache, single-flight and back-off.
 */
export interface LiveSources {
  /** Trains from the live 12306 client (telecodes: a city's main station, e.g. BJP, selects the whole city). */
  rail?: (req: { date: string; from: string; to: string; fromName?: string; toName?: string }) => Promise<RailAnswer>;
  /** Flights from the Taobao Open Platform when configured (answers `none` otherwise). 12306 city names. */
  air?: (req: { date: string; fromCity: string; toCity: string }) => Promise<AirAnswer>;
}

export interface ViewDeps {
  ingest: Ingest;
  now: () => EpochMs;
  stations?: StationSource;
  buffers?: () => Promise<{ air: Buffers; rail: Buffers } | undefined>;
  live?: LiveSources;
}

/** A capture younger than this is used as is; older (or none), the overlay asks the live client. */
export const FRESH_CAPTURE_MS = 30 * 60_000;

/** The station of a city to search from on 12306: the one named like the city (北京), else the first. */
function mainStation(place: Place, list: StationList | undefined): { name: string; telecode: string } | undefined {
  if (!list) return undefined;
  const same = list.stations.find((s) => s.name === place.city && place.stations.includes(s.telecode));
  const rec = same ?? list.stations.find((s) => s.telecode === place.stations[0]);
  return rec ? { name: rec.name, telecode: rec.telecode } : undefined;
}

type Bilingual = { zh: string; en: string };
type LiveOutcome = { result?: StoredResult; error?: Bilingual };

function liveFailure(e: unknown): Bilingual {
  const m = e instanceof Error ? e.message : String(e);
  return { zh: `实时查询失败：${m}`, en: `Live query failed: ${m}` };
}

/** Trains from the live 12306 client, as a stored-result-shaped answer (never stored). */
async function liveRail(
  live: LiveSources['rail'],
  date: ChinaDate,
  a: { name: string; telecode: string } | undefined,
  b: { name: string; telecode: string } | undefined,
  from: Place,
  to: Place,
): Promise<LiveOutcome> {
  if (!live || !a || !b) return {};
  try {
    const r = await live({ date, from: a.telecode, to: b.telecode, fromName: a.name, toName: b.name });
    if (!r.ok) return { error: { zh: r.error.messageZh, en: r.error.message } };
    return {
      result: {
        key: `live|${date}|${a.telecode}|${b.telecode}`,
        source: '12306',
        live: true,
        date,
        from: a.telecode,
        to: b.telecode,
        fromCity: from.city,
        toCity: to.city,
        at: r.fetchedAt,
        url: r.buyUrl,
        issues: r.issues.length,
        rail: { format: 'pipe', fieldCounts: [], date, stationNames: r.stationNames, trains: r.trains as RailOption[] },
      },
    };
  } catch (e) {
    return { error: liveFailure(e) };
  }
}

/** Flights from the live Taobao Open Platform client (when the user configured it). */
async function liveAir(live: LiveSources['air'], date: ChinaDate, from: Place, to: Place): Promise<LiveOutcome> {
  if (!live) return {};
  try {
    const r = await live({ date, fromCity: from.city, toCity: to.city });
    if (r.status === 'none') return {};
    if (r.status === 'error') return { error: { zh: r.error.messageZh, en: r.error.message } };
    return {
      result: {
        key: `live|${date}|${from.cityCode ?? from.city}|${to.cityCode ?? to.city}`,
        source: r.source,
        live: r.source === 'top',
        date,
        from: from.cityCode ?? '',
        to: to.cityCode ?? '',
        fromCity: from.city,
        toCity: to.city,
        at: r.fetchedAt,
        url: r.fliggyUrl,
        issues: r.issues.length,
        air: { source: r.source, date, airports: {}, airlines: {}, flights: r.flights as AirOption[] },
      },
    };
  } catch (e) {
    return { error: liveFailure(e) };
  }
}

/**
 * Answers `overlay.view`: the other mode for a page's date and route, from stored captures, or,
 * when there is no fresh capture of the other mode, from a live query (shared cache and back-off).
 */
export async function overlayView(deps: ViewDeps, req: { show: 'rail' | 'air'; date: string; from: PlaceRef; to: PlaceRef }): Promise<OverlayView> {
  let list: StationList | undefined;
  try {
    list = await deps.stations?.get();
  } catch {
    list = undefined;
  }
  const date = req.date as ChinaDate;
  const from = placeOf(req.from, list);
  const to = placeOf(req.to, list);
  const diagnostics = (await deps.ingest.diagnostics()).undecodable;
  let otherSearchUrl: string | undefined;
  let mainA: { name: string; telecode: string } | undefined;
  let mainB: { name: string; telecode: string } | undefined;
  if (from && to) {
    if (req.show === 'air' && from.cityCode && to.cityCode) {
      otherSearchUrl = fliggySearchPageUrl({ date, depCity: from.cityCode, arrCity: to.cityCode });
    } else if (req.show === 'rail') {
      mainA = mainStation(from, list);
      mainB = mainStation(to, list);
      if (mainA && mainB) otherSearchUrl = railSearchPageUrl({ date, from: mainA, to: mainB });
    }
  }
  let [rail, air] = from && to ? await Promise.all([deps.ingest.latestRail(date, from.city, to.city), deps.ingest.latestAir(date, from.city, to.city)]) : [undefined, undefined];
  let liveError: Bilingual | undefined;
  if (from && to) {
    const shown = req.show === 'rail' ? rail : air;
    if (!shown || deps.now() - shown.at > FRESH_CAPTURE_MS) {
      const got = req.show === 'rail' ? await liveRail(deps.live?.rail, date, mainA, mainB, from, to) : await liveAir(deps.live?.air, date, from, to);
      // A live answer replaces an old capture only when it is newer (the TOP fallback may hand back that capture).
      if (got.result && (!shown || got.result.at >= shown.at)) {
        if (req.show === 'rail') rail = got.result;
        else air = got.result;
      }
      liveError = got.error;
    }
  }
  const buffers = await deps.buffers?.().catch(() => undefined);
  return buildOverlayView({
    show: req.show,
    date,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(rail ? { rail } : {}),
    ...(air ? { air } : {}),
    now: deps.now(),
    ...(buffers ? { buffers } : {}),
    diagnostics,
    ...(otherSearchUrl ? { otherSearchUrl } : {}),
    ...(liveError ? { liveError } : {}),
  });
}

// ───────────────────────────── overlay tabs ─────────────────────────────

/**
 * The tabs showing an overlay, told when the stored captures change (a Fliggy search in one tab
 * fills the 12306 panel of another without a reload). Content scripts cannot watch storage
 * themselves: it is closed to them. Kept in storage (the session area) so a restarted worker
 * still knows them; a tab that no longer answers is forgotten.
 */
export interface OverlayTabs {
  add(tabId: number): Promise<void>;
  /** Tells every known tab but `except` (the tab whose capture it was: it refreshes by itself). */
  notify(except?: number): Promise<void>;
}

export const MAX_OVERLAY_TABS = 32;

export function createOverlayTabs(deps: { store: ValueStore<number[]>; send: (tabId: number, message: unknown) => Promise<unknown> }): OverlayTabs {
  let memory: number[] = [];
  const read = async (): Promise<number[]> => {
    try {
      const v = await deps.store.get();
      if (Array.isArray(v)) memory = v.filter((t): t is number => Number.isInteger(t));
    } catch {
      // The session area may be missing (older browsers): the in-memory list serves.
    }
    return memory;
  };
  const write = async (tabs: number[]) => {
    memory = tabs;
    try {
      await deps.store.set(tabs);
    } catch {
      // As above: memory only.
    }
  };
  return {
    async add(tabId) {
      const tabs = await read();
      if (!tabs.includes(tabId)) await write([tabId, ...tabs].slice(0, MAX_OVERLAY_TABS));
    },
    async notify(except) {
      const tabs = await read();
      const gone: number[] = [];
      await Promise.all(
        tabs
          .filter((t) => t !== except)
          .map((t) =>
            deps.send(t, CAPTURES_CHANGED).catch(() => {
              gone.push(t);
            }),
          ),
      );
      if (gone.length) await write((await read()).filter((t) => !gone.includes(t)));
    },
  };
}

// ───────────────────────────── extension wiring ─────────────────────────────

let sharedIngest: Ingest | undefined;

/** The worker's one ingest (state lives in storage, so a restarted worker loses nothing). */
export function getIngest(): Ingest {
  sharedIngest ??= createIngest({
    now: () => Date.now(),
    results: { get: () => captureResultsItem.getValue(), set: (v) => captureResultsItem.setValue(v) },
    diagnostics: { get: () => captureDiagnosticsItem.getValue(), set: (v) => captureDiagnosticsItem.setValue(v) },
    stations: sharedStations(),
    onAir: (result) => getWatchService()?.onFlightResult(result),
  });
  return sharedIngest;
}

/**
 * The station list as the search service keeps it, read straight from storage: the capture path
 * never makes a request to 12306 of its own (the store's get() would fetch when it holds none).
 * Pages' copies go to the store through offer(), which validates and persists them.
 */
function sharedStations(): StationSource {
  let cached: { fetchedAt: number; list: StationList } | undefined;
  return {
    async get() {
      const stored = await stationListItem.getValue();
      if (!stored?.text) return undefined;
      if (cached?.fetchedAt !== stored.fetchedAt) {
        const d = decodeStationList(stored.text, stored.version);
        cached = d.ok ? { fetchedAt: stored.fetchedAt, list: d.value } : undefined;
      }
      return cached?.list;
    },
    offer: (text, version) => getSearchService().stations.offer(text, version),
  };
}

/** Registers the capture and overlay messages (one line in entrypoints/background.ts). */
export function registerCaptureService(): Ingest {
  const ingest = getIngest();
  // The quick search falls back to flights captured from Fliggy (only applies when this runs
  // before the search service is first created, as entrypoints/background.ts orders it).
  getSearchService({ latestFlights: (date, dep, arr) => ingest.latestFlights(date, dep, arr) });
  const stations = sharedStations();
  const tabs = createOverlayTabs({
    store: { get: () => overlayTabsItem.getValue(), set: (v) => overlayTabsItem.setValue(v) },
    send: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  });
  onMessage('capture.submit', async ({ capture, route }, sender) => {
    // A content script speaks for the page it runs in: a 12306 page cannot file flights, nor a
    // Fliggy page trains (captures are page data, so the page's own site is all they can vouch for).
    const site = siteOfPage(sender.url);
    if (sender.url !== undefined && (!site || !(SITE_KINDS[site] as readonly string[]).includes(capture.kind))) {
      throw new Error(`capture ${capture.kind} refused from ${site ?? 'an unknown page'}`);
    }
    const out = await ingest.submit(capture, { url: sender.url ?? '', ...route });
    if (out.outcome === 'stored') void tabs.notify(sender.tabId).catch(() => undefined);
    return out;
  });
  onMessage('overlay.view', async (req, sender) => {
    if (sender.tabId !== undefined) await tabs.add(sender.tabId).catch(() => undefined);
    return overlayView(
      {
        ingest,
        now: () => Date.now(),
        stations,
        buffers: async () => parseSettings(await settingsItem.getValue()).buffers,
        // No fresh capture of the other mode: ask the live clients (their cache and back-off are
        // shared with the popup and the watches, so nothing is sent twice).
        live: {
          rail: (q) => getSearchService().searchRail({ ...q, student: false }),
          air: (q) => getSearchService().searchAir(q),
        },
      },
      req,
    );
  });
  onMessage('overlay.prefs', async ({ site }) => {
    const [settings, state] = await Promise.all([settingsItem.getValue(), overlayStateItem.getValue()]);
    return { language: parseSettings(settings).language, collapsed: !!state?.collapsed?.[site] };
  });
  onMessage('overlay.collapse', async ({ site, collapsed }) => {
    const state = await overlayStateItem.getValue();
    await overlayStateItem.setValue({ collapsed: { ...state?.collapsed, [site]: collapsed } });
    return { ok: true as const };
  });
  onMessage('capture.diagnostics', () => ingest.diagnostics());
  return ingest;
}
