// What the reminder service does to the browser: its notification (desktop and push, in the
// user's language) and its one alarm.
import { browser } from 'wxt/browser';
import type { EpochMs } from '../model';
import type { Reminder } from '../reminders/model';
import { reminderNotification } from '../reminders/notify';
import type { PushAlert } from './watch-effects';
import { REMINDER_ALARM, REMINDER_NOTIFICATION_PREFIX } from './reminders';

export function createReminderEffects(deps: { language: () => Promise<unknown>; push?: PushAlert; log: (msg: string, ...rest: unknown[]) => void }) {
  return {
    async notify(r: Reminder, kind: 'soon' | 'open', opensAt: EpochMs): Promise<void> {
      await deps.language();
      const n = reminderNotification(r, kind, opensAt);
      const id = `${REMINDER_NOTIFICATION_PREFIX}${r.id}:${kind}`;
      if (deps.push) void deps.push(`reminder:${r.id}:${kind}`, { title: n.title, body: n.body, url: n.url }).catch((e: unknown) => deps.log('push failed', e));
      await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: n.title, message: n.body, priority: 2 });
    },
    async wakeAt(at: EpochMs | null): Promise<void> {
      if (at === null) await browser.alarms.clear(REMINDER_ALARM);
      else await browser.alarms.create(REMINDER_ALARM, { when: Math.max(at, Date.now() + 1000) });
    },
  };
}
