// What the watch service does to the browser: notifications, the badge and the one named alarm.
// The scheduler decides; these only carry its actions out.
import { browser } from 'wxt/browser';
import type { EpochMs } from '../model';
import type { Action, SchedulerSettings } from '../watch/scheduler';
import type { WatchNotification } from '../watch/notify';
import { watchPush } from '../push/watch-alert';
import { t } from '../i18n/catalog';

/** Where a watch alert goes besides the desktop (lib/background/push.ts' alert). */
export type PushAlert = (key: string, message: { title: string; body: string; url?: string }) => Promise<unknown>;

export const WATCH_ALARM = 'railair-watch';
export const NOTIFICATION_PREFIX = 'railair-watch:';
/** The extension's own icon (public/icon), shown in watch notifications. */
const ICON_PATH = '/icon/128.png';

/** The link a watch notification's id carries (see notify), if any. */
export function linkInNotificationId(id: string): string | undefined {
  const carried = id.slice(NOTIFICATION_PREFIX.length).split(':')[2];
  try {
    return carried ? decodeURIComponent(carried) : undefined;
  } catch {
    return undefined;
  }
}

export interface WatchEffects {
  carryOut(actions: Action[], s: SchedulerSettings): Promise<void>;
  setBadge(count: number): Promise<void>;
}

export function createWatchEffects(deps: { now: () => EpochMs; log: (msg: string, ...rest: unknown[]) => void; push?: PushAlert }): WatchEffects {
  const { now, log } = deps;

  /** Applies one step's effects: notifications, badge, alarm. */
  async function carryOut(actions: Action[], s: SchedulerSettings): Promise<void> {
    for (const a of actions) {
      if (a.type === 'notify') await notify(a.watchId, a.notification);
      else if (a.type === 'badge') await setBadge(a.count);
      else if (a.type === 'wake') await setAlarm(a.at, s);
      else if (a.type === 'expire') log(`watch ${a.watchId} expired (${a.reason})`);
    }
  }

  async function notify(watchId: string, n: WatchNotification): Promise<void> {
    // The phone hears it at the same moment as the desktop; a push service's trouble is its own
    // (recorded per channel) and never delays or stops the notification.
    if (deps.push) {
      const p = watchPush(watchId, n);
      void deps.push(p.key, p.message).catch((e: unknown) => log('push failed', e));
    }
    // The id carries the alert's own link (its day and train), which a click opens.
    const id = `${NOTIFICATION_PREFIX}${watchId}:${now()}:${encodeURIComponent(n.url)}`;
    const base = { type: 'basic' as const, iconUrl: browser.runtime.getURL(ICON_PATH), title: n.title, message: n.message, priority: 2 };
    try {
      await browser.notifications.create(id, { ...base, buttons: [{ title: n.buttonTitle }] } as never);
    } catch {
      // Firefox has no notification buttons: a click on the notification opens the page instead.
      try {
        await browser.notifications.create(id, base);
      } catch (e) {
        log('notification failed', e);
      }
    }
  }

  async function setBadge(count: number): Promise<void> {
    const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
    if (!action) return;
    try {
      await action.setBadgeText({ text: count > 0 ? String(count) : '' });
      if (count > 0) await action.setBadgeBackgroundColor({ color: '#16a34a' });
    } catch (e) {
      log('badge failed', e);
    }
    // The button's tooltip says what the number means, in the user's language. Before the worker
    // has loaded its words (t() answers the key itself) the tooltip is left as it is.
    const key = count === 0 ? 'notify_actionTitle' : count === 1 ? 'notify_badgeTitleOne' : 'notify_badgeTitle';
    const title = t(key, count);
    if (title !== key) await action.setTitle({ title }).catch((e: unknown) => log('badge title failed', e));
  }

  async function setAlarm(at: EpochMs | null, s: SchedulerSettings): Promise<void> {
    if (at === null) {
      await browser.alarms.clear(WATCH_ALARM);
      return;
    }
    const existing = await browser.alarms.get(WATCH_ALARM);
    // Same time (within a second): leave it, so repeated start-ups do not churn the alarm.
    if (existing && Math.abs(existing.scheduledTime - at) < 1000) return;
    // The period is a safety net: if a worker dies mid-cycle, the alarm still comes back.
    const periodInMinutes = Math.max(s.intervalSec, s.minIntervalSec ?? 30) / 60;
    await browser.alarms.create(WATCH_ALARM, { when: at, periodInMinutes });
  }

  return { carryOut, setBadge };
}
