// The composition root: every service of the worker is built here, once, in dependency order,
// and handed what it needs; then each registers its listeners (synchronously, as MV3 requires).
// State lives in storage items (lib/storage.ts), so a restarted worker rebuilds the same services.
import { browser } from 'wxt/browser';
import type { FlightSearchResult } from '../lib/model';
import { parseSettings } from '../lib/settings';
import {
  captureDiagnosticsItem,
  captureResultsItem,
  fliggyClientItem,
  lastSearchItem,
  overlayStateItem,
  overlayTabsItem,
  railClientItem,
  recentAnswersItem,
  settingsItem,
  stationListItem,
  topCredentialsItem,
  watchTestItem,
  pushItem,
  watchesBackupItem,
  saleTimesItem,
  remindersItem,
  reminderTestClockItem,
} from '../lib/storage';
import { createReminderService } from '../lib/background/reminders';
import { registerReminderHandlers } from '../lib/background/reminder-handlers';
import { createReminderEffects } from '../lib/background/reminder-effects';
import { startLanguage } from '../lib/i18n/load';
import { createStationStore } from '../lib/rail/station-store';
import { createRailClient } from '../lib/rail/client';
import { createAirClient, TOP_ORIGINS } from '../lib/air/client';
import { createFliggyClient } from '../lib/air/fliggy-client';
import { createWatchService } from '../lib/background/watch-service';
import { createWatchLayout } from '../lib/store/watch-layout';
import { registerWatchHandlers, TEST_BUILD } from '../lib/background/watch-handlers';
import { createCaptures, registerCaptureHandlers } from '../lib/background/captures';
import { createSearchService, registerSearchHandlers } from '../lib/background/search';
import { createRecentAnswers, registerRecentHandler } from '../lib/background/recent-answers';
import { createOverlay, registerOverlayHandlers } from '../lib/background/overlay';
import { registerOverlayLoader } from '../lib/background/overlay-loader';
import { registerUiCatalogHandler } from '../lib/background/ui-catalog';
import { createOverlayTabs } from '../lib/background/overlay-tabs';
import { createTabQuota } from '../lib/background/tab-quota';
import { restrictStorageToTrustedContexts } from '../lib/background/storage-access';
import { createPushService, registerPushHandlers } from '../lib/background/push';
import { browserPageHeaders } from '../lib/background/page-headers';
import { browserRailRelay } from '../lib/background/relay';
import { createWeekService, registerWeekHandlers } from '../lib/background/week';

export default defineBackground(() => {
  // Storage holds the Taobao secret: content scripts get what they need through messages.
  void restrictStorageToTrustedContexts();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    console.info('[RailAir] installed:', reason);
  });

  const now = () => Date.now();
  // Host-permission fetches from the worker carry 12306's cookies (credentials: 'include').
  const fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  const settings = async () => parseSettings(await settingsItem.getValue());

  // The live clients, one each, so popup, overlays and watches share cache and back-off. The
  // station store owns the station list; the 12306 client tells it when the site names a new one.
  const stations = createStationStore({ fetch, now, storage: stationListItem });
  // A fresh profile has no station list yet: fetch it now (once; get() is a no-op while a copy is
  // fresh), so the first overlay or watch can name stations without a 12306 page visited first.
  void stations.get().catch(() => undefined);
  // The live clients' requests carry the sites' search page as Referer (DNR session rules, once).
  const pageHeaders = browserPageHeaders();
  // A query 12306 turns away is run again from an open search tab; its answer is filed as a capture.
  const relay = browserRailRelay(async (capture, tab) => {
    const out = await captures.submit(capture, { url: tab.url });
    if (out.ok && out.filed === 'result') overlay.capturesChanged(tab.id);
  });
  const rail = createRailClient({ fetch, now, storage: railClientItem, onStationVersion: (v) => stations.noteVersion(v), headers: pageHeaders, relay });
  const air = createAirClient({ fetch, now });
  // Fliggy's own anonymous search: flights with no key and no tab, for every caller, sent with
  // Fliggy's search page as Referer like the 12306 queries.
  const fliggy = createFliggyClient({ fetch, now, storage: fliggyClientItem, headers: pageHeaders });

  // Push channels the user set up in options (each host asked for when the channel is added).
  const push = createPushService({
    store: pushItem,
    now,
    settings,
    permitted: async (origin) => {
      try {
        return await browser.permissions.contains({ origins: [origin] });
      } catch {
        return false;
      }
    },
  });
  // Watches poll through the shared 12306 client, and fare watches through the shared Fliggy
  // client; flight answers from captures and live searches go to the fare watches too. Every
  // alert also goes to the push channels.
  const watches = createWatchService({
    rail,
    air: fliggy,
    now,
    settings,
    store: createWatchLayout(browser.storage.local),
    backup: watchesBackupItem,
    push: (key, message) => push.alert(key, message),
    testBuild: TEST_BUILD,
    testInterval: async () => (await watchTestItem.getValue())?.intervalSec,
  });
  const onFlightResult = (result: FlightSearchResult) => watches.onFlightResult(result);

  const captures = createCaptures({ now, results: captureResultsItem, diagnostics: captureDiagnosticsItem, stations, onFlightResult });
  // Every good answer (popup or overlay fallback) is remembered for the popup to reopen on.
  const recent = createRecentAnswers(recentAnswersItem, now);
  const searchService = createSearchService({
    rail,
    stations,
    air,
    fliggy,
    captures,
    now,
    settings,
    topCredentials: () => topCredentialsItem.getValue(),
    topPermitted: async () => {
      try {
        return await browser.permissions.contains({ origins: TOP_ORIGINS });
      } catch {
        return false;
      }
    },
    saleTimes: { get: () => saleTimesItem.getValue(), set: (v) => saleTimesItem.setValue(v) },
    onFlightResult,
  });
  const search = recent.wrap(searchService);
  const overlay = createOverlay({
    captures,
    now,
    stations,
    settings,
    lastSearch: lastSearchItem,
    state: overlayStateItem,
    tabs: createOverlayTabs({ store: overlayTabsItem, send: (tabId, message) => browser.tabs.sendMessage(tabId, message) }),
    // No fresh capture of the other mode: ask the live clients through the search service.
    live: {
      rail: (q) => search.searchRail({ ...q, student: false }),
      // Never the user's Taobao key on a page's behalf.
      air: (q) => search.searchAir(q, { allowTop: false }),
    },
    tabQuota: createTabQuota({ now }),
  });

  registerCaptureHandlers(captures, (tabId) => overlay.capturesChanged(tabId));
  registerOverlayHandlers(overlay);
  registerOverlayLoader();
  registerUiCatalogHandler();
  registerSearchHandlers(search);
  registerRecentHandler(recent);
  registerWatchHandlers(watches);

  registerPushHandlers(push);
  // The week strip asks the unwrapped service: its days must not push the popup's own search out
  // of the recent answers (it reads them, to show that day at once).
  registerWeekHandlers(createWeekService({ search: searchService, recent: (q) => recent.find(q), blockedUntil: { rail: () => rail.blockedUntil(), air: () => fliggy.blockedUntil() }, now }));

  // Sale-opening reminders: they learn a station's opening time through the search service (one
  // query), speak through the notifications and push channels, and become seat watches.
  const reminderEffects = createReminderEffects({ language: async () => startLanguage((await settings()).language), push: (key, message) => push.alert(key, message), log: (m, ...r) => console.info(`[RailAir reminders] ${m}`, ...r) });
  let clockOffset = 0;
  const reminders = createReminderService({
    store: remindersItem,
    now: () => now() + clockOffset,
    saleTimes: () => saleTimesItem.getValue(),
    learn: (q) => search.searchRail({ ...q, student: false }),
    createWatch: (req) => watches.create(req),
    notify: (r, kind, at) => reminderEffects.notify(r, kind, at),
    wakeAt: (at) => reminderEffects.wakeAt(at === null ? null : at - clockOffset),
  });
  registerReminderHandlers(reminders, {
    ...(TEST_BUILD
      ? {
          onTestClock: (run: () => void) => {
            const apply = (v: { offsetMs: number } | null) => {
              clockOffset = v?.offsetMs ?? 0;
              run();
            };
            void reminderTestClockItem.getValue().then(apply);
            reminderTestClockItem.watch(apply);
          },
        }
      : {}),
  });
});
