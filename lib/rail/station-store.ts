// The 12306 station list: fetched from 12306, kept with its version, refreshed at most once a
// day (or sooner when the search page names a new version), and never replaced by a copy that
// does not decode: the last good list is always what callers get. Pages the user opens on 12306
// load the same script; the capture service hands it to `offer()` so it refreshes us for free.
// This store is the one owner of the list: the search, capture and overlay services ask it.
import type { EpochMs, StationList } from '../model';
import { excerpt } from '../result';
import { DAY_MS } from '../time';
import { httpRequest, type FetchLike } from '../net/http';
import { implausibleStationList } from './station-plausible';
import { decodeStationList } from './stations';
import { RAIL_BASE } from './client';
import { storedStationsSchema, type StoredStations } from '../store/stations';
import type { StoredValue } from '../store/item';

export const STATION_PATH = '/otn/resources/js/framework/station_name.js';
/** After a failed refresh, wait this long before trying again. */
export const RETRY_AFTER_FAILURE_MS = 60 * 60_000;

export type { StoredStations };

export interface StationStoreDeps {
  fetch: FetchLike;
  now: () => EpochMs;
  /** The persisted copy (lib/storage.ts stationListItem). */
  storage?: StoredValue<StoredStations | null | undefined>;
  base?: string;
}

export interface StationStoreStatus {
  count: number;
  version?: string;
  fetchedAt?: EpochMs;
  checkedAt?: EpochMs;
  lastError?: string;
  source?: 'fetch' | 'page';
}

export interface StationStore {
  /** The list (refreshing first when none is held or the copy is due). undefined if never obtained. */
  get(): Promise<StationList | undefined>;
  /**
   * The list held now (stored copy or a page's), without ever fetching: the capture path and the
   * overlays must not send 12306 a request of their own.
   */
  held(): Promise<StationList | undefined>;
  /** Fetches now when due (`force` ignores the daily rule). Resolves to whether a new copy was kept. */
  refresh(opts?: { force?: boolean }): Promise<boolean>;
  /**
   * A station_name.js body seen elsewhere (a page capture). Kept when it decodes; `decoded` is
   * the caller's decode of the same text, so it is not decoded a second time.
   */
  offer(text: string, version?: string, decoded?: StationList): Promise<boolean>;
  /** The search page named this version: refresh if ours differs. */
  noteVersion(version: string): void;
  status(): Promise<StationStoreStatus>;
  /** Fires after a new list is kept. */
  onChange(fn: (list: StationList) => void): () => void;
}

export function createStationStore(deps: StationStoreDeps): StationStore {
  const base = deps.base ?? RAIL_BASE;
  let stored: StoredStations | undefined;
  let list: StationList | undefined;
  let loaded: Promise<void> | undefined;
  let refreshing: Promise<boolean> | undefined;
  let wantVersion: string | undefined;
  const listeners = new Set<(l: StationList) => void>();

  const load = () =>
    (loaded ??= (async () => {
      const read = storedStationsSchema.safeParse(await deps.storage?.getValue().catch(() => undefined));
      if (!read.success) return;
      const s = read.data;
      const d = decodeStationList(s.text, s.version);
      if (d.ok && d.value.stations.length > 0) {
        stored = s;
        list = withVersion(d.value, s.version);
      }
    })());

  const save = async (s: StoredStations) => {
    stored = s;
    await deps.storage?.setValue(s).catch(() => undefined);
  };

  /** Decodes and keeps `text` when it is a usable list. */
  async function keep(text: string, version: string | undefined, source: 'fetch' | 'page', decoded?: StationList): Promise<string | undefined> {
    let value = decoded;
    if (!value) {
      const d = decodeStationList(text, version);
      if (!d.ok) return `${d.error.code}: ${d.error.message.en}`;
      value = d.value;
    }
    if (value.stations.length === 0) return 'empty station list';
    // A page's copy replaces ours only when it looks like 12306's (lib/rail/station-plausible.ts).
    if (source === 'page') {
      const why = implausibleStationList(value, list);
      if (why) return why;
    }
    const now = deps.now();
    const v = version ?? value.version;
    list = withVersion(value, v);
    await save({ text, ...(v ? { version: v } : {}), fetchedAt: now, checkedAt: now, source });
    for (const fn of listeners) fn(list);
    return undefined;
  }

  const due = (now: EpochMs) => {
    if (!stored) return true;
    if (wantVersion && wantVersion !== stored.version) return now - stored.checkedAt >= 60_000;
    if (stored.lastError && now - stored.checkedAt < RETRY_AFTER_FAILURE_MS) return false;
    return now - stored.fetchedAt >= DAY_MS && now - stored.checkedAt >= RETRY_AFTER_FAILURE_MS / 4;
  };

  async function doRefresh(force: boolean): Promise<boolean> {
    await load();
    const now = deps.now();
    if (!force && !due(now)) return false;
    const v = wantVersion ?? stored?.version;
    const url = `${base}${STATION_PATH}${v ? `?station_version=${encodeURIComponent(v)}` : ''}`;
    const r = await httpRequest(deps.fetch, { url, credentials: 'include' });
    let why: string | undefined;
    if (!r.ok) why = r.error.message.en;
    else if (r.res.status !== 200) why = `HTTP ${r.res.status}`;
    else why = await keep(r.res.text, wantVersion, 'fetch');
    if (why === undefined) return true;
    if (r.ok && r.res.text) why = `${why} (${excerpt(r.res.text, 60)})`;
    // Keep the last good copy; remember only that this attempt failed.
    if (stored) await save({ ...stored, checkedAt: now, lastError: why });
    else lastErrorWithoutCopy = { at: now, why };
    return false;
  }
  let lastErrorWithoutCopy: { at: EpochMs; why: string } | undefined;

  const refresh = (force = false) => {
    if (!refreshing) {
      refreshing = doRefresh(force).finally(() => {
        refreshing = undefined;
      });
    }
    return refreshing;
  };

  return {
    async get() {
      await load();
      if (!list) {
        // No copy at all: fetch now, but not in a tight loop after a failure.
        const recent = lastErrorWithoutCopy && deps.now() - lastErrorWithoutCopy.at < 60_000;
        if (!recent) await refresh(true);
        return list;
      }
      if (due(deps.now())) void refresh(false);
      return list;
    },
    async held() {
      await load();
      // Never starts a fetch, but a first copy already under way (the worker's start) is worth
      // the wait: a fresh profile's first overlay would otherwise find no stations at all.
      if (!list && refreshing) await refreshing.catch(() => false);
      return list;
    },
    refresh: (opts) => refresh(!!opts?.force),
    async offer(text, version, decoded) {
      await load();
      if (version && stored?.version === version && stored.text === text) return false;
      return (await keep(text, version, 'page', decoded)) === undefined;
    },
    noteVersion(version) {
      wantVersion = version;
    },
    async status() {
      await load();
      return {
        count: list?.stations.length ?? 0,
        ...(stored?.version ? { version: stored.version } : {}),
        ...(stored ? { fetchedAt: stored.fetchedAt, checkedAt: stored.checkedAt, source: stored.source } : {}),
        ...(stored?.lastError
          ? { lastError: stored.lastError }
          : lastErrorWithoutCopy
            ? { lastError: lastErrorWithoutCopy.why }
            : {}),
      };
    },
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

function withVersion(l: StationList, version: string | undefined): StationList {
  return version && !l.version ? { ...l, version } : l;
}
