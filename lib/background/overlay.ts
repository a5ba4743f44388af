// The overlay service: what a panel on a 12306 or Fliggy page shows — the other mode for the
// page's date and route, from the stored captures or, when none is fresh, from a live query
// through the search service (shared cache, single-flight and back-off), for a page only on a
// route the page itself searched and within its tab's quota — plus each site's
// collapsed state and the tabs to tell when captures change.
import type { AirOption, ChinaDate, EpochMs, RailOption, StationList } from '../model';
import type { Buffers, Settings } from '../settings';
import type { Qualifications } from '../compare/fare-conditions';
import type { Place } from '../compare/places';
import type { CompareFilters } from '../compare/types';
import type { LiveError, OverlayView, PlaceRef } from '../capture/view';
import type { AirAnswer, RailAnswer } from '../messages/search';
import { on as onMessage } from '../messages/capture';
import { searchPageUrl as railSearchPageUrl } from '../sites/12306-page';
import { searchPageUrl as fliggySearchPageUrl } from '../sites/fliggy-page';
import type { StoredResult } from '../store/captures';
import type { StoredValue } from '../store/item';
import { popupFiltersSchema } from '../store/last-search';
import { parseOverlayState, type OverlaySite, type OverlayState } from '../store/overlay';
import type { StationStore } from '../rail/station-store';
import type { Captures } from './captures';
import type { OverlayTabs } from './overlay-tabs';
import { buildOverlayView } from './overlay-view';
import type { TabQuota } from './tab-quota';
import { mainStation, placeOf } from './places';
import { langOf } from '../i18n/load';
import type { Lang } from '../i18n';

/** Live queries an overlay may fall back on when no fresh capture of the other mode exists. */
export interface LiveSources {
  /** Trains from the live 12306 client (telecodes: a city's main station, e.g. BJP, selects the whole city). */
  rail?: (req: { date: string; from: string; to: string; fromName?: string; toName?: string }) => Promise<RailAnswer>;
  /** Flights from Fliggy's live search, the Taobao Open Platform or a capture (`no-source` / `no-city` otherwise). 12306 city names. */
  air?: (req: { date: string; fromCity: string; toCity: string }) => Promise<AirAnswer>;
}

export interface ViewDeps {
  captures: Pick<Captures, 'diagnostics' | 'latest'>;
  now: () => EpochMs;
  stations?: Pick<StationStore, 'held'>;
  buffers?: () => Promise<{ air: Buffers; rail: Buffers } | undefined>;
  /** Conditional fares the traveller said fit them (settings.qualifications). */
  qualifies?: () => Promise<Qualifications | undefined>;
  /** The popup's filters, which the overlay follows too (none when none are stored). */
  filters?: () => Promise<CompareFilters | undefined>;
  live?: LiveSources;
  /** The asking tab's live-query quota (lib/background/tab-quota.ts): none for trusted callers. */
  quota?: (route: string) => { ok: true } | { ok: false; retryAt: EpochMs };
  /**
   * A page asked: a live query only for a route a page itself searched, i.e. a fresh capture of
   * the page's own mode (trains for a 12306 page) for this date and route. A route the page only
   * claims (its URL after history.pushState, what its form says) costs the user nothing.
   */
  pageAsked?: boolean;
}

export interface ViewRequest {
  show: 'rail' | 'air';
  date: string;
  from: PlaceRef;
  to: PlaceRef;
}

const TAB_BUSY = { zh: '此页面的查询过于频繁', en: 'This page asked for too many searches' };

/** A capture younger than this is used as is; older (or none), the overlay asks the live client. */
export const FRESH_CAPTURE_MS = 30 * 60_000;

type LiveOutcome = { result?: StoredResult; error?: LiveError };
type StationPick = { name: string; telecode: string };

function liveFailure(e: unknown): LiveError {
  const m = e instanceof Error ? e.message : String(e);
  return { code: 'network', message: { zh: `实时查询失败：${m}`, en: `Live query failed: ${m}` } };
}

/** Trains from the live 12306 client, as a stored-result-shaped answer (never stored). */
async function liveRail(live: LiveSources['rail'], date: ChinaDate, a: StationPick | undefined, b: StationPick | undefined, from: Place, to: Place): Promise<LiveOutcome> {
  if (!live || !a || !b) return {};
  try {
    const r = await live({ date, from: a.telecode, to: b.telecode, fromName: a.name, toName: b.name });
    if (!r.ok) return { error: { code: r.error.code, message: r.error.message, ...(r.error.retryAt !== undefined ? { retryAt: r.error.retryAt } : {}) } };
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

/**
 * Flights from the live clients (Fliggy's own search; TOP when the user configured it). A failure
 * (Fliggy's verification page: code 'challenge') reaches the panel as its liveError; the link to
 * Fliggy's search for the trip is the view's otherSearchUrl.
 */
async function liveAir(live: LiveSources['air'], date: ChinaDate, from: Place, to: Place): Promise<LiveOutcome> {
  if (!live) return {};
  try {
    const r = await live({ date, fromCity: from.city, toCity: to.city });
    if (!r.ok) {
      // No flight source or no airports is the ordinary "no data" state, not a failed query.
      if (r.error.code === 'no-source' || r.error.code === 'no-city') return {};
      return { error: { code: r.error.code, message: r.error.message, ...(r.error.retryAt !== undefined ? { retryAt: r.error.retryAt } : {}) } };
    }
    return {
      result: {
        key: `live|${date}|${from.cityCode ?? from.city}|${to.cityCode ?? to.city}`,
        source: r.source,
        // Fliggy's live search and TOP are live; a capture handed back as a fallback is not.
        live: r.via ? r.via !== 'capture' : r.source === 'top',
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
export async function overlayView(deps: ViewDeps, req: ViewRequest): Promise<OverlayView> {
  let list: StationList | undefined;
  try {
    list = await deps.stations?.held();
  } catch {
    list = undefined;
  }
  const date = req.date as ChinaDate;
  const from = placeOf(req.from, list);
  const to = placeOf(req.to, list);
  const diagnostics = (await deps.captures.diagnostics()).undecodable;
  let otherSearchUrl: string | undefined;
  let mainA: StationPick | undefined;
  let mainB: StationPick | undefined;
  if (from && to) {
    if (req.show === 'air' && from.cityCode && to.cityCode) {
      otherSearchUrl = fliggySearchPageUrl({ date, depCity: from.cityCode, arrCity: to.cityCode });
    } else if (req.show === 'rail') {
      mainA = mainStation(from, list);
      mainB = mainStation(to, list);
      if (mainA && mainB) otherSearchUrl = railSearchPageUrl({ date, from: mainA, to: mainB });
    }
  }
  let { rail, air } = from && to ? await deps.captures.latest(date, from.city, to.city) : {};
  let liveError: LiveError | undefined;
  if (from && to) {
    const shown = req.show === 'rail' ? rail : air;
    const own = req.show === 'rail' ? air : rail;
    const searched = !deps.pageAsked || (own !== undefined && !own.live && deps.now() - own.at <= FRESH_CAPTURE_MS);
    const stale = !shown || deps.now() - shown.at > FRESH_CAPTURE_MS;
    const quota = stale && searched ? (deps.quota?.(`${req.show}|${date}|${from.city}|${to.city}`) ?? { ok: true as const }) : undefined;
    if (quota && !quota.ok) {
      // The page asked for more routes than a person searches in a minute: nothing is sent.
      liveError = { code: 'rate-limited', message: TAB_BUSY, retryAt: quota.retryAt };
    } else if (quota) {
      const got = req.show === 'rail' ? await liveRail(deps.live?.rail, date, mainA, mainB, from, to) : await liveAir(deps.live?.air, date, from, to);
      // A live answer replaces an old capture only when it is newer (the TOP fallback may hand back that capture).
      if (got.result && (!shown || got.result.at >= shown.at)) {
        if (req.show === 'rail') rail = got.result;
        else air = got.result;
      }
      liveError = got.error;
    }
  }
  const [buffers, qualifies, filters] = await Promise.all([
    deps.buffers?.().catch(() => undefined),
    deps.qualifies?.().catch(() => undefined),
    deps.filters?.().catch(() => undefined),
  ]);
  return buildOverlayView({
    show: req.show,
    date,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(rail ? { rail } : {}),
    ...(air ? { air } : {}),
    now: deps.now(),
    ...(buffers ? { buffers } : {}),
    ...(qualifies ? { qualifies } : {}),
    ...(filters ? { filters } : {}),
    diagnostics,
    ...(otherSearchUrl ? { otherSearchUrl } : {}),
    ...(liveError ? { liveError } : {}),
  });
}

export interface OverlayDeps extends Omit<ViewDeps, 'buffers' | 'qualifies' | 'filters' | 'quota'> {
  settings: () => Promise<Settings>;
  /** The popup's last search (local:lastSearch), whose filters the overlay follows. */
  lastSearch?: Pick<StoredValue<unknown>, 'getValue'>;
  /** Each site's panel collapsed or not (lib/storage.ts overlayStateItem). */
  state: StoredValue<OverlayState>;
  tabs: OverlayTabs;
  /** Live queries per tab (a page cannot spend the user's quotas). */
  tabQuota?: TabQuota;
}

export interface Overlay {
  /** The view for a page; the asking tab is remembered, to be told when captures change. */
  view(req: ViewRequest, tabId?: number): Promise<OverlayView>;
  prefs(site: OverlaySite): Promise<{ language: Lang; collapsed: boolean }>;
  collapse(site: OverlaySite, collapsed: boolean): Promise<void>;
  /** A capture from `tabId` was filed: the other overlay tabs ask for their view again. */
  capturesChanged(tabId?: number): void;
}

/**
 * The filters stored with the popup's last search, read through their schema (another build's
 * value is ignored). Only this part of the last search is read: the route it was for does not
 * matter, the filters are the user's way of travelling.
 */
export function filtersOf(stored: unknown): CompareFilters | undefined {
  const raw = typeof stored === 'object' && stored !== null ? (stored as { filters?: unknown }).filters : undefined;
  const parsed = popupFiltersSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  // The sort order does not change what is best.
  const { sort: _sort, ...filters } = parsed.data;
  return filters;
}

export function createOverlay(deps: OverlayDeps): Overlay {
  const viewDeps: ViewDeps = {
    ...deps,
    buffers: async () => (await deps.settings()).buffers,
    qualifies: async () => (await deps.settings()).qualifications,
    filters: async () => filtersOf(await deps.lastSearch?.getValue()),
  };
  return {
    async view(req, tabId) {
      if (tabId !== undefined) await deps.tabs.add(tabId).catch(() => undefined);
      const quota = deps.tabQuota;
      if (tabId === undefined) return overlayView(viewDeps, req);
      return overlayView({ ...viewDeps, pageAsked: true, ...(quota ? { quota: (route: string) => quota.take(tabId, route) } : {}) }, req);
    },
    async prefs(site) {
      const [settings, state] = await Promise.all([deps.settings(), deps.state.getValue()]);
      return { language: langOf(settings.language), collapsed: !!parseOverlayState(state).collapsed[site] };
    },
    async collapse(site, collapsed) {
      const state = parseOverlayState(await deps.state.getValue());
      await deps.state.setValue({ collapsed: { ...state.collapsed, [site]: collapsed } });
    },
    capturesChanged(tabId) {
      void deps.tabs.notify(tabId).catch(() => undefined);
    },
  };
}

/** Registers overlay.view, overlay.prefs and overlay.collapse. */
export function registerOverlayHandlers(overlay: Overlay): void {
  onMessage('overlay.view', (req, sender) => overlay.view(req, sender.tabId));
  onMessage('overlay.prefs', ({ site }) => overlay.prefs(site));
  onMessage('overlay.collapse', async ({ site, collapsed }) => {
    await overlay.collapse(site, collapsed);
    return { ok: true as const };
  });
}
