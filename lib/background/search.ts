// The search service behind the popup's quick search and the options page. It is given the
// worker's one 12306 client, station store, TOP client and live Fliggy client (built once in
// entrypoints/background.ts), so every caller — popup, overlays, watches — shares their cache,
// single-flight and back-off.
import type { ChinaDate, EpochMs, FlightSearchResult, RailOption, StationList } from '../model';
import { pastPresale, saleDayOf, saleOpening } from '../rail/presale';
import { notOnSaleText } from '../rail/sale-text';
import { parseSaleTimes, withSaleTimes, type SaleTimes } from '../store/sale-times';
import type { DecodeIssue } from '../result';
import type { Bilingual } from '../i18n';
import type { Settings } from '../settings';
import type { RailClient } from '../rail/client';
import type { StationStore } from '../rail/station-store';
import { buildStationIndex, searchStations } from '../rail/station-search';
import { fliggySearchUrl, type AirClient, type TopCredentials } from '../air/client';
import { cityByName } from '../air/cities';
import { resolveAirCity } from '../air/city-input';
import type { z } from 'zod/mini';
import { on as onMessage } from '../messages/search';
import type { searchMessages, AirAnswer, AirError, RailAnswer } from '../messages/search';
import type { FliggyClient } from '../air/fliggy-client';
import { compare } from '../compare';
import { langOf } from '../i18n/load';

type M = typeof searchMessages;
type Req<N extends keyof M> = z.output<M[N]['req']>;
type Res<N extends keyof M> = z.input<M[N]['res']>;

export interface CapturedFlights {
  result: FlightSearchResult;
  /** When the page loaded it. */
  at: EpochMs;
}

export interface SearchServiceDeps {
  rail: RailClient;
  stations: StationStore;
  air: AirClient;
  /** Fliggy's own anonymous search (lib/air/fliggy-client.ts): flights with no key and no tab. */
  fliggy?: Pick<FliggyClient, 'searchFlights'> & Partial<Pick<FliggyClient, 'blockedUntil'>>;
  /** The capture service: the latest Fliggy (or TOP) capture for a date and IATA city pair. */
  captures?: { latestFlights(date: string, depCity: string, arrCity: string): Promise<CapturedFlights | undefined> };
  now: () => EpochMs;
  settings: () => Promise<Settings>;
  topCredentials: () => Promise<TopCredentials | null | undefined>;
  /** Whether the TOP gateway host permission is granted. */
  topPermitted?: () => Promise<boolean>;
  /** Stations' daily 12306 opening times, learnt from their rows (lib/store/sale-times.ts). */
  saleTimes?: { get(): Promise<SaleTimes>; set(v: SaleTimes): Promise<void> };
  /** Told of every live answer, TOP's or Fliggy's (flight-price watches check their thresholds on it). */
  onFlightResult?: (result: FlightSearchResult) => unknown;
}

export interface SearchService {
  searchStations(req: Req<'search.stations'>): Promise<Res<'search.stations'>>;
  searchRail(req: Req<'search.rail'>): Promise<RailAnswer>;
  /**
   * `allowTop: false` keeps the user's Taobao key out of it: signed Taobao Open Platform calls are
   * made only for searches the user made (popup, options), never on a page's behalf.
   */
  searchAir(req: Req<'search.air'>, opts?: { allowTop?: boolean }): Promise<AirAnswer>;
  compare(req: Req<'search.compare'>): Promise<Res<'search.compare'>>;
  status(): Promise<Res<'search.status'>>;
}

export function createSearchService(deps: SearchServiceDeps): SearchService {
  const { rail, stations, air } = deps;

  // The index is rebuilt only when the list object changes (a refresh or a page's copy).
  let indexed: { list: StationList; index: ReturnType<typeof buildStationIndex> } | undefined;
  const indexFor = (list: StationList) => {
    if (indexed?.list !== list) indexed = { list, index: buildStationIndex(list.stations) };
    return indexed.index;
  };

  async function searchRail(req: Req<'search.rail'>): Promise<RailAnswer> {
    const q = { date: req.date, from: req.from, to: req.to, student: !!req.student };
    const buyUrl = rail.searchPageUrl({ ...q, fromName: req.fromName, toName: req.toName });
    // Past the presale window 12306 has nothing to sell: say when it opens instead of asking.
    if (pastPresale(req.date, deps.now())) {
      const hm = (await deps.saleTimes?.get().catch(() => undefined))?.[req.from];
      const opens = saleOpening(req.date as ChinaDate, deps.now(), hm) ?? { day: saleDayOf(req.date as ChinaDate) };
      return { ok: false, error: { code: 'not-on-sale', message: notOnSaleText(opens) }, fetchedAt: deps.now(), buyUrl, saleOpens: opens };
    }
    const r = await rail.queryTrains(q);
    if (!r.ok) return { ok: false, error: r.error, fetchedAt: r.fetchedAt, buyUrl };
    // Awaited (a storage read, a write only on change): a caller may want the time at once (reminders).
    await learnSaleTimes(r.value.trains);
    return {
      ok: true,
      trains: r.value.trains,
      stationNames: r.value.stationNames,
      issues: r.issues,
      fetchedAt: r.fetchedAt,
      fromCache: !!r.fromCache,
      buyUrl,
    };
  }

  /** Remembers the from stations' opening times (never in the caller's way). */
  async function learnSaleTimes(trains: readonly RailOption[]) {
    if (!deps.saleTimes) return;
    try {
      const next = withSaleTimes(parseSaleTimes(await deps.saleTimes.get()), trains);
      if (next) await deps.saleTimes.set(next);
    } catch (e) {
      console.warn('[RailAir] sale times not stored', e);
    }
  }

  /** Hands a fresh answer to the fare watches (never in the caller's way). */
  const tellWatches = (result: FlightSearchResult) =>
    void Promise.resolve()
      .then(() => deps.onFlightResult?.(result))
      .catch((e: unknown) => console.warn('[RailAir] flight listener failed', e));

  async function searchAir(req: Req<'search.air'>, opts: { allowTop?: boolean } = {}): Promise<AirAnswer> {
    const dep = cityByName(req.fromCity);
    const arr = cityByName(req.toCity);
    if (!dep || !arr) return { ok: false, error: { code: 'no-city', message: NO_CITY } };
    const q = { date: req.date, fromCity: dep.code, toCity: arr.code };
    const fliggyUrl = fliggySearchUrl({ ...q, fromName: req.fromCity, toName: req.toCity });
    const settings = await deps.settings();
    const creds = await deps.topCredentials();
    const permitted = (await deps.topPermitted?.()) ?? true;
    const issues: DecodeIssue[] = [];
    let failed: AirError | undefined;
    // The Taobao Open Platform first, for the few with an approved app key.
    if (opts.allowTop !== false && settings.topEnabled && creds?.appKey && creds.secret && permitted) {
      const r = await air.searchFlights(q, creds);
      if (r.ok) {
        tellWatches(r.value);
        return { ok: true, source: 'top', via: 'top', flights: r.value.flights, issues: r.issues, fetchedAt: r.fetchedAt, fliggyUrl };
      }
      // TOP failed: Fliggy's own search or a capture is still better than nothing; say why TOP did not answer.
      issues.push({ code: 'other', message: `TOP: ${r.error.message.en}` });
      failed = r.error;
    }
    const live = deps.fliggy ? await deps.fliggy.searchFlights(q) : undefined;
    const cap = await deps.captures?.latestFlights(q.date, q.fromCity, q.toCity);
    if (live?.ok) {
      tellWatches(live.value);
      // A page's capture newer than the live answer (which may come from the 5 min cache) wins.
      if (cap && cap.at > live.fetchedAt) return fromCapture(cap, fliggyUrl, issues);
      return { ok: true, source: 'fliggy', via: 'live', flights: live.value.flights, issues: [...issues, ...live.issues], fetchedAt: live.fetchedAt, fliggyUrl };
    }
    if (live) {
      issues.push({ code: 'other', message: `Fliggy: ${live.error.message.en}` });
      failed = live.error;
    }
    if (cap) return fromCapture(cap, fliggyUrl, issues);
    // A verification page is solved on Fliggy's search page for the same trip: the link. (Its
    // flight_search_result.htm leads there, with the city names filled, and its JSONP is captured.)
    if (failed) return { ok: false, error: failed, fliggyUrl };
    return { ok: false, error: { code: 'no-source', message: NO_SOURCE }, fliggyUrl };
  }

  return {
    async searchStations(req) {
      const list = await stations.get();
      if (!list) return { hits: [], count: 0 };
      const hits = searchStations(indexFor(list), req.q, req.limit ?? 10);
      // City hits carry only what the popup shows of their stations (not the full records).
      return {
        hits: hits.map((h) => ({
          kind: h.kind,
          name: h.name,
          telecode: h.telecode,
          city: h.city,
          score: h.score,
          ...(h.stations ? { stations: h.stations.map((st) => ({ name: st.name, telecode: st.telecode })) } : {}),
        })),
        count: list.stations.length,
      };
    },
    searchRail,
    searchAir,
    async compare(req) {
      const [r, a, settings] = await Promise.all([
        req.rail ? searchRail(req) : undefined,
        req.air ? searchAir({ date: req.date, fromCity: req.fromCity, toCity: req.toCity }) : undefined,
        deps.settings(),
      ]);
      const rail = r?.ok
        ? { result: { format: 'pipe' as const, fieldCounts: [], stationNames: r.stationNames, trains: r.trains, purpose: req.student ? ('student' as const) : ('adult' as const) }, fetchedAt: r.fetchedAt }
        : undefined;
      const air =
        a?.ok
          ? { result: { source: a.source, airports: {}, airlines: {}, flights: a.flights }, fetchedAt: a.fetchedAt }
          : undefined;
      // The traveller's qualifications and the popup's filters decide what ranks and what the
      // verdict compares; `now` decides what has already left.
      const c = compare(
        { now: deps.now(), ...(rail ? { rail } : {}), ...(air ? { air } : {}) },
        { buffers: settings.buffers, lang: langOf(settings.language), qualifies: settings.qualifications, ...(req.filters ? { filters: req.filters } : {}) },
      );
      if (!c.ok) return { ok: false, error: c.error };
      const v = c.value;
      return {
        ok: true,
        comparison: {
          ...v,
          options: v.options.map(({ option, ...o }) => ({ ...o, mode: option.mode })),
        },
      };
    },
    async status() {
      const [endpoint, blockedUntil, st, settings, creds, fliggyUntil] = await Promise.all([
        rail.endpoint(),
        rail.blockedUntil(),
        stations.status(),
        deps.settings(),
        deps.topCredentials(),
        deps.fliggy?.blockedUntil?.().catch(() => undefined),
      ]);
      return {
        endpoint,
        ...(blockedUntil !== undefined ? { blockedUntil } : {}),
        // Fliggy's search waits too (its verification page, or a limit): the options page says until when.
        ...(fliggyUntil !== undefined ? { fliggyBlockedUntil: fliggyUntil } : {}),
        stations: {
          count: st.count,
          ...(st.version ? { version: st.version } : {}),
          ...(st.fetchedAt !== undefined ? { fetchedAt: st.fetchedAt } : {}),
          ...(st.lastError ? { lastError: st.lastError } : {}),
        },
        top: { configured: !!(creds?.appKey && creds.secret), enabled: settings.topEnabled },
      };
    },
  };
}

const NO_CITY: Bilingual = { zh: '这两个城市之间没有可比的机场', en: 'No airports to compare for these cities' };
const NO_SOURCE: Bilingual = { zh: '还没有航班数据', en: 'No flight data yet' };

function fromCapture(cap: CapturedFlights, fliggyUrl: string, issues: DecodeIssue[]): AirAnswer {
  return {
    ok: true,
    source: cap.result.source,
    via: 'capture',
    flights: cap.result.flights,
    issues,
    fetchedAt: cap.at,
    fliggyUrl,
  };
}

/** Registers the search.* messages. */
export function registerSearchHandlers(svc: SearchService): void {
  onMessage('search.stations', (req) => svc.searchStations(req));
  onMessage('search.rail', (req) => svc.searchRail(req));
  onMessage('search.air', (req) => svc.searchAir(req));
  onMessage('search.compare', (req) => svc.compare(req));
  onMessage('search.status', () => svc.status());
  onMessage('search.airCity', ({ q }) => ({ city: resolveAirCity(q) ?? null }));
}
