// The reminder service's listeners: its alarm, its notifications' clicks, the reminder.*
// messages, and (test builds only) the clock hook. Added synchronously, as MV3 requires.
//
// Test builds (WXT_RAILAIR_TEST=1) read `local:reminderTestClock` = { offsetMs }: the service's
// clock runs that far ahead, and each change runs the service, so the e2e can stand a minute
// before an opening days away. Other builds never read it.
import { browser } from 'wxt/browser';
import { on as onMessage } from '../messages/reminder';
import { reminderUrl } from '../reminders/notify';
import { REMINDER_ALARM, REMINDER_NOTIFICATION_PREFIX, type ReminderService } from './reminders';

export function registerReminderHandlers(svc: ReminderService, opts: { onTestClock?: (run: () => void) => void } = {}): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void svc.run();
  });
  const open = async (id: string) => {
    if (!id.startsWith(REMINDER_NOTIFICATION_PREFIX)) return;
    // Rebuilt from the stored reminder (done ones stay a day), so a click works after the worker restarted.
    const reminderId = id.slice(REMINDER_NOTIFICATION_PREFIX.length, id.lastIndexOf(':'));
    const r = (await svc.list()).find((x) => x.id === reminderId);
    if (r) await browser.tabs.create({ url: reminderUrl(r) });
    await browser.notifications.clear(id);
  };
  browser.notifications.onClicked.addListener((id) => void open(id));
  onMessage('reminder.create', (req) => svc.create(req));
  onMessage('reminder.list', async () => ({ reminders: await svc.list() }));
  onMessage('reminder.delete', async ({ id }) => ({ deleted: await svc.remove(id) }));
  opts.onTestClock?.(() => void svc.run());
  // After a restart (alarms may be gone): whatever fell due meanwhile, and the next alarm.
  void svc.run().catch((e: unknown) => console.warn('[RailAir reminders] start failed', e));
}
