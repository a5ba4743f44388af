// Every storage item of the extension, declared once, versioned from the first release. Shapes
// and their schemas live in lib/store/ (and lib/settings.ts). When a shape changes, either bump
// the item's `version` with a migration, or make its reader accept the old shape (as the watch
// document and the back-off state do for the old error text fields, lib/watch/migrate.ts).
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import type { StoredResult } from './store/captures';
import type { Diagnostics } from './store/diagnostics';
import type { OverlayState, OverlayTabIds } from './store/overlay';
import type { RecentAnswers } from './store/recent-answers';
import type { RailClientState } from './store/rail-client';
import type { FliggyClientState } from './store/fliggy-client';
import type { StoredStations } from './store/stations';
import type { TopCredentials } from './store/credentials';
import type { LastSearch } from './store/last-search';
import type { PushStore } from './store/push';
import type { SaleTimes } from './store/sale-times';
import type { RemindersDoc } from './reminders/model';
import type { WatchesBackup, WatchesDoc, WatchTestSettings } from './store/watches';

// ── settings (shared) ──────────────────────────────────────────────────────
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

// ── captures and overlays ──────────────────────────────────────────────────
/** Latest decoded capture per (source, date, from, to), newest first, bounded (lib/background/captures.ts). */
export const captureResultsItem = storage.defineItem<StoredResult[]>('local:captureResults', {
  fallback: [],
  version: 1,
});
/** Captures that could not be decoded (bounded list) and counters, for diagnostics. */
export const captureDiagnosticsItem = storage.defineItem<Diagnostics>('local:captureDiagnostics', {
  fallback: { entries: [], undecodable: 0, unrecognised: 0 },
  version: 1,
});
/** Overlay panels' collapsed state per site. */
export const overlayStateItem = storage.defineItem<OverlayState>('local:overlayState', {
  fallback: { collapsed: {} },
  version: 1,
});
/** Tabs showing an overlay, told when captures change (session area: gone with the browser session). */
export const overlayTabsItem = storage.defineItem<OverlayTabIds>('session:overlayTabs', { fallback: [] });

// ── live clients, quick search, options ────────────────────────────────────
/** 12306 client state: the endpoint name and the shared back-off. */
export const railClientItem = storage.defineItem<RailClientState>('local:railClient', {
  fallback: {},
  version: 1,
});
/** Live Fliggy client state: the shared back-off (verification page, rate limiting). Read through lib/store/fliggy-client.ts. */
export const fliggyClientItem = storage.defineItem<FliggyClientState>('local:fliggyClient', {
  fallback: {},
  version: 1,
});
/** The last good station_name.js with its version and refresh times. */
export const stationListItem = storage.defineItem<StoredStations | null>('local:stationList', {
  fallback: null,
  version: 1,
});
/** Taobao Open Platform app key/secret: local only, never synced, never logged. */
export const topCredentialsItem = storage.defineItem<TopCredentials | null>('local:topCredentials', {
  fallback: null,
  version: 1,
});
/** The popup's last search and view choices, restored when it opens. */
export const lastSearchItem = storage.defineItem<LastSearch | null>('local:lastSearch', {
  fallback: null,
  version: 1,
});

/**
 * The latest answers the worker gave per search, for the popup to reopen on (session area: gone
 * with the browser session; read back through parseRecent, lib/store/recent-answers.ts).
 */
export const recentAnswersItem = storage.defineItem<RecentAnswers>('session:recentAnswers', {
  fallback: { rail: [], air: [], compare: [] },
});

/** Each station's daily 12306 opening time (HHmm) as its rows said (lib/store/sale-times.ts). */
export const saleTimesItem = storage.defineItem<SaleTimes>('local:saleTimes', {
  fallback: {},
  version: 1,
});

/** Sale-opening reminders (lib/reminders/model.ts). */
export const remindersItem = storage.defineItem<RemindersDoc | null>('local:reminders', {
  fallback: null,
  version: 1,
});
/** Test builds only: how far ahead the reminder service's clock runs (lib/background/reminder-handlers.ts). */
export const reminderTestClockItem = storage.defineItem<{ offsetMs: number } | null>('local:reminderTestClock', {
  fallback: null,
  version: 1,
});

// ── watches ────────────────────────────────────────────────────────────────
/** Every watch with its runtime state, read back through parseDoc (lib/store/watches.ts). */
export const watchesItem = storage.defineItem<WatchesDoc>('local:watches', {
  fallback: { watches: [], routes: {} },
  version: 1,
});
/** Test builds only (WXT_RAILAIR_TEST=1): a poll interval below 30 s for the e2e run. Ignored otherwise. */
export const watchTestItem = storage.defineItem<WatchTestSettings | null>('local:watchTest', {
  fallback: null,
  version: 1,
});

// ── push channels ──────────────────────────────────────────────────────────
/** Push channels with their keys (local only: never synced, exported or shown unmasked) and the push cap's state. */
export const pushItem = storage.defineItem<PushStore | null>('local:push', {
  fallback: null,
  version: 1,
});

/** A watches value that could not be read as a document at all, kept before it was replaced. */
export const watchesBackupItem = storage.defineItem<WatchesBackup | null>('local:watchesBackup', {
  fallback: null,
  version: 1,
});
