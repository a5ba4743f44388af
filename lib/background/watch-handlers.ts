// The watch service's listeners: its alarm, browser start-up, notification clicks and the watch.*
// messages. Listeners are added synchronously, as MV3 requires, then the state is restored.
//
// Test builds: `WXT_RAILAIR_TEST=1 wxt build --mode e2e` (→ .output/chrome-mv3-e2e) honour
// `local:watchTest` = { intervalSec } below the 30 s floor, so the e2e run polls every few
// seconds instead of sleeping a minute. Other builds ignore that item.
import { browser } from 'wxt/browser';
import { on as onMessage } from '../messages/watch';
import type { WatchService } from './watch-service';
import { linkInNotificationId, WATCH_ALARM } from './watch-effects';
import { watchedItems } from '../watch/watched';

/** The build flag behind the e2e's fast polling (see the header). */
export const TEST_BUILD = import.meta.env.WXT_RAILAIR_TEST === '1';

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

export function registerWatchHandlers(svc: WatchService): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WATCH_ALARM) void svc.runCycle();
  });
  // A browser restart may not keep alarms, and wakes the worker only for events it listens to:
  // this listener is what brings the watches back (start is idempotent: one alarm, no early poll).
  browser.runtime.onStartup.addListener(() => void svc.start().catch((e) => console.warn('[RailAir watch] start failed', e)));
  const open = async (id: string) => {
    const page = await svc.urlForNotification(id);
    if (!page) return;
    // The alert's own link (the day and train it names) when it leads to the watch's site; else the watch's page.
    const own = linkInNotificationId(id);
    const url = own && sameOrigin(own, page) ? own : page;
    await browser.tabs.create({ url });
    await browser.notifications.clear(id);
  };
  browser.notifications.onButtonClicked?.addListener((id) => void open(id));
  browser.notifications.onClicked.addListener((id) => void open(id));
  onMessage('watch.create', (req) => svc.create(req));
  onMessage('watch.createFare', (req) => svc.createFare(req));
  onMessage('watch.list', () => svc.list());
  onMessage('watch.status', () => svc.status());
  onMessage('watch.update', (req) => svc.update(req));
  onMessage('watch.pause', (req) => svc.pause(req));
  onMessage('watch.delete', (req) => svc.remove(req));
  onMessage('watch.watched', async (q) => ({ items: watchedItems((await svc.list()).watches.map((v) => v.watch), q) }));
  onMessage('watch.export', () => svc.exportJson());
  onMessage('watch.import', (req) => svc.importJson(req));
  void svc.start().catch((e) => console.warn('[RailAir watch] start failed', e));
}
