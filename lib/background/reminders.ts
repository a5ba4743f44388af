// The sale-opening reminders (lib/reminders/model.ts) at work: created from the popup for a date
// past 12306's window, they speak a few minutes before the from station opens the sale (desktop
// and push) and at the opening become an ordinary seat watch. The station's opening time comes
// from its own rows (local:saleTimes); when unknown, one query for the last date on sale teaches
// it. One named alarm wakes the worker for the next due reminder.
import type { EpochMs } from '../model';
import type { StoredValue } from '../store/item';
import type { SaleTimes } from '../store/sale-times';
import { lastOnSale, saleOpening } from '../rail/presale';
import { dueReminders, LEAD_MIN, openingOf, REMINDERS_MAX, remindersDocSchema, type Reminder, type ReminderReq, type RemindersDoc } from '../reminders/model';
import type { ReminderMsgRes } from '../messages/reminder';
import type { Req as WatchReq } from '../messages/watch';
import { createSerialQueue } from '../util/queue';

export const REMINDER_ALARM = 'railair-reminder';
export const REMINDER_NOTIFICATION_PREFIX = 'railair-reminder:';

export interface ReminderServiceDeps {
  store: StoredValue<RemindersDoc | null>;
  now: () => EpochMs;
  saleTimes: () => Promise<SaleTimes>;
  /** Asks 12306 once for `date` on the route, so the from station's opening time is learnt. */
  learn: (q: { date: string; from: string; to: string }) => Promise<unknown>;
  createWatch: (req: WatchReq<'watch.create'>) => Promise<{ id: string }>;
  /** Desktop notification and push, in the user's language (lib/reminders/notify.ts). */
  notify: (r: Reminder, kind: 'soon' | 'open', opensAt: EpochMs) => Promise<void>;
  /** The one alarm: at `at`, or cleared. */
  wakeAt: (at: EpochMs | null) => Promise<void>;
  newId?: () => string;
  log?: (msg: string, ...rest: unknown[]) => void;
}

export interface ReminderService {
  create(req: ReminderReq): Promise<ReminderMsgRes<'reminder.create'>>;
  list(): Promise<Reminder[]>;
  remove(id: string): Promise<boolean>;
  /** Carries out what is due and sets the alarm for the next. */
  run(): Promise<void>;
}

const ON_SALE = { zh: '这一天已经开售，请直接设置余票提醒', en: 'This day is on sale already: set a seat watch instead' };
const FULL = { zh: `开售提醒最多 ${REMINDERS_MAX} 个`, en: `At most ${REMINDERS_MAX} sale reminders` };

const sameTrip = (a: ReminderReq, b: ReminderReq) =>
  a.date === b.date && a.from.telecode === b.from.telecode && a.to.telecode === b.to.telecode && a.trains.join() === b.trains.join() && a.classes.join() === b.classes.join();

export function createReminderService(deps: ReminderServiceDeps): ReminderService {
  const log = deps.log ?? ((msg: string, ...rest: unknown[]) => console.info(`[RailAir reminders] ${msg}`, ...rest));
  const serial = createSerialQueue();
  const newId = deps.newId ?? (() => `r${deps.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);

  async function load(): Promise<Reminder[]> {
    const parsed = remindersDocSchema.safeParse(await deps.store.getValue());
    return parsed.success ? parsed.data.reminders : [];
  }
  const save = (reminders: Reminder[]) => deps.store.setValue({ v: 1, reminders });

  async function reschedule(reminders: readonly Reminder[]) {
    await deps.wakeAt(dueReminders(reminders, deps.now()).wake);
  }

  async function stationTime(from: string, to: string): Promise<string | undefined> {
    const known = (await deps.saleTimes())[from];
    if (known) return known;
    await deps.learn({ date: lastOnSale(deps.now()), from, to }).catch((e: unknown) => log('could not learn the opening time', e));
    return (await deps.saleTimes())[from];
  }

  return {
    async create(req) {
      // A date on sale needs a seat watch, not a reminder (and no query to learn anything).
      if (req.date <= lastOnSale(deps.now())) return { ok: false as const, error: { code: 'on-sale' as const, message: ON_SALE } };
      const hm = await stationTime(req.from.telecode, req.to.telecode);
      return serial(async () => {
        const now = deps.now();
        const opens = saleOpening(req.date, now, hm);
        if (!opens || req.date <= lastOnSale(now)) return { ok: false as const, error: { code: 'on-sale' as const, message: ON_SALE } };
        const reminders = await load();
        const existing = reminders.find((r) => r.state !== 'done' && sameTrip(r, req));
        const r: Reminder = existing ?? { ...req, id: newId(), createdAt: now, opensDay: opens.day, state: 'waiting', ...(opens.at !== undefined ? { opensAt: opens.at } : {}) };
        if (!existing) {
          if (reminders.length >= REMINDERS_MAX) return { ok: false as const, error: { code: 'full' as const, message: FULL } };
          reminders.push(r);
          await save(reminders);
          await reschedule(reminders);
        }
        const at = openingOf(r);
        return { ok: true as const, id: r.id, created: !existing, opensDay: r.opensDay, ...(r.opensAt !== undefined ? { opensAt: r.opensAt } : {}), remindAt: at - LEAD_MIN * 60_000 };
      });
    },
    list: () => load(),
    remove: (id) =>
      serial(async () => {
        const reminders = await load();
        const kept = reminders.filter((r) => r.id !== id);
        if (kept.length === reminders.length) return false;
        await save(kept);
        await reschedule(kept);
        return true;
      }),
    run: () =>
      serial(async () => {
        const now = deps.now();
        const reminders = await load();
        const { actions } = dueReminders(reminders, now);
        for (const a of actions) {
          const r = reminders.find((x) => x.id === a.id);
          if (!r) continue;
          if (a.type === 'remind') {
            // Said once: the state is written before anything else can run.
            r.state = 'reminded';
            await deps.notify(r, 'soon', openingOf(r)).catch((e: unknown) => log('notification failed', e));
          } else {
            try {
              const w = await deps.createWatch({ date: r.date, from: r.from, to: r.to, trains: r.trains, classes: r.classes, seats: 1, ...(r.filter ? { filter: r.filter } : {}) });
              r.state = 'done';
              r.watchId = w.id;
              await deps.notify(r, 'open', openingOf(r)).catch((e: unknown) => log('notification failed', e));
            } catch (e) {
              // Tried again at the next wake: the watch service may not have started yet.
              log('could not create the watch', e);
            }
          }
        }
        // Done reminders stay a day (the popup shows what they became), then go.
        const kept = reminders.filter((r) => r.state !== 'done' || now - openingOf(r) < 86_400_000);
        if (actions.length || kept.length !== reminders.length) await save(kept);
        const next = dueReminders(kept, now).wake;
        // A watch that could not be created is retried in a minute.
        const retry = kept.some((r) => r.state !== 'done' && openingOf(r) <= now) ? now + 60_000 : null;
        await deps.wakeAt(next === null ? retry : retry === null ? next : Math.min(next, retry));
      }),
  };
}
