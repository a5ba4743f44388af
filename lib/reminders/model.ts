// A sale-opening reminder (开售提醒): for a date past 12306's presale window, tell the user a few
// minutes before that route's tickets go on sale, and at the opening turn it into an ordinary
// seat watch for the chosen trains (or any train matching the filter). Pure data and the step
// that decides what is due; lib/background/reminders.ts carries it out.
import * as z from 'zod/mini';
import '../zod-locale';
import type { EpochMs } from '../model';
import { SEAT_CLASS_IDS, seatClassSchema } from '../seat-class-schema';
import { chinaDateSchema, stationSchema, trainCodeSchema, trainFilterSchema } from '../watch/model';
import { chinaInstant } from '../time';

/** Minutes before the opening when the reminder speaks. */
export const LEAD_MIN = 5;
/** Reminders one user may hold (a presale reminder is for a trip, not a feed). */
export const REMINDERS_MAX = 50;
/**
 * Without the from station's own opening time: most stations open between 08:00 and 18:00, so
 * the reminder speaks before 08:00 and the watch it becomes simply finds no seats until the sale.
 */
export const FALLBACK_OPENING_MIN = 8 * 60;

export const reminderReqSchema = z.object({
  date: chinaDateSchema,
  from: stationSchema,
  to: stationSchema,
  /** Train codes; empty = any train matching the filter. */
  trains: z.array(trainCodeSchema).check(z.maxLength(20)),
  classes: z.array(seatClassSchema).check(z.minLength(1), z.maxLength(SEAT_CLASS_IDS.length)),
  filter: z.optional(trainFilterSchema),
});
export type ReminderReq = z.infer<typeof reminderReqSchema>;

export const reminderSchema = z.extend(reminderReqSchema, {
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  createdAt: z.number(),
  /** The day 12306 opens the sale (date − 14). */
  opensDay: chinaDateSchema,
  /** The opening instant when the station's time is known. */
  opensAt: z.optional(z.number()),
  state: z.enum(['waiting', 'reminded', 'done']),
  /** The seat watch it became. */
  watchId: z.optional(z.string().check(z.maxLength(64))),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const remindersDocSchema = z.object({ v: z.literal(1), reminders: z.array(reminderSchema).check(z.maxLength(REMINDERS_MAX)) });
export type RemindersDoc = z.infer<typeof remindersDocSchema>;

/** When the sale opens: the station's own time, else the fallback hour of the opening day. */
export function openingOf(r: Pick<Reminder, 'opensDay' | 'opensAt'>): EpochMs {
  return r.opensAt ?? chinaInstant(r.opensDay, FALLBACK_OPENING_MIN);
}

export type ReminderAction = { type: 'remind'; id: string } | { type: 'convert'; id: string };

/** What is due now, and when to wake next (null: nothing left to do). */
export function dueReminders(reminders: readonly Reminder[], now: EpochMs): { actions: ReminderAction[]; wake: EpochMs | null } {
  const actions: ReminderAction[] = [];
  let wake: EpochMs | null = null;
  const later = (t: EpochMs) => (wake = wake === null ? t : Math.min(wake, t));
  for (const r of reminders) {
    if (r.state === 'done') continue;
    const opens = openingOf(r);
    const speak = opens - LEAD_MIN * 60_000;
    if (r.state === 'waiting' && now >= speak) actions.push({ type: 'remind', id: r.id });
    else if (r.state === 'waiting') later(speak);
    if (now >= opens) actions.push({ type: 'convert', id: r.id });
    else later(opens);
  }
  return { actions, wake };
}
