// Every storage item of the extension, declared once, in the `local:` area, versioned from the
// first release. Each feature owns one section below; add items there, with `version` and
// `migrations` when a shape changes.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './settings';

// ── settings (shared) ──────────────────────────────────────────────────────
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

// ── captures and overlay (issue 4) ─────────────────────────────────────────
/** Latest decoded capture per (source, date, from, to), newest first, bounded (lib/background/ingest.ts). */
export const captureResultsItem = storage.defineItem<import('./background/ingest').StoredResult[]>('local:captureResults', {
  fallback: [],
  version: 1,
});
/** Captures that could not be decoded (bounded list) and counters, for diagnostics. */
export const captureDiagnosticsItem = storage.defineItem<import('./background/ingest').Diagnostics>(
  'local:captureDiagnostics',
  { fallback: { entries: [], undecodable: 0, unrecognised: 0 }, version: 1 },
);
/** Overlay panels' collapsed state per site. */
export const overlayStateItem = storage.defineItem<{ collapsed: { '12306'?: boolean; fliggy?: boolean } }>('local:overlayState', {
  fallback: { collapsed: {} },
  version: 1,
});

/** Tabs showing an overlay, told when captures change (session area: gone with the browser session). */
export const overlayTabsItem = storage.defineItem<number[]>('session:overlayTabs', { fallback: [] });

// ── live clients, quick search, options (issue 5) ──────────────────────────
// 12306 client state (endpoint name, shared back-off) so a restarted worker neither guesses
// the endpoint again nor forgets that 12306 asked us to slow down.
export const railClientItem = storage.defineItem<import('./rail/client').RailClientState>('local:railClient', {
  fallback: {},
  version: 1,
});
/** The last good station_name.js with its version and refresh times. */
export const stationListItem = storage.defineItem<import('./rail/station-store').StoredStations | null>(
  'local:stationList',
  { fallback: null, version: 1 },
);
/** Taobao Open Platform app key/secret: local only, never synced, never logged. */
export const topCredentialsItem = storage.defineItem<import('./air/client').TopCredentials | null>(
  'local:topCredentials',
  { fallback: null, version: 1 },
);
/** The popup's last search and view choices, restored when it opens. */
export const lastSearchItem = storage.defineItem<import('./messages/search').LastSearch | null>('local:lastSearch', {
  fallback: null,
  version: 1,
});

// ── watches (issue 6) ──────────────────────────────────────────────────────
// Every watch with its runtime state, per-route schedule and 12306 back-off, in one document so
// a cycle persists atomically (lib/watch/model.ts: watchesDocSchema; read back through parseDoc).
export const watchesItem = storage.defineItem<import('./watch/model').WatchesDoc>('local:watches', {
  fallback: { watches: [], routes: {} },
  version: 1,
});
/** Test builds only (WXT_RAILAIR_TEST=1): a poll interval below 30 s for the e2e run. Ignored otherwise. */
export const watchTestItem = storage.defineItem<{ intervalSec?: number } | null>('local:watchTest', {
  fallback: null,
  version: 1,
});
