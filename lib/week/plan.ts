// The week strip's request plan, pure: which days around the chosen one are shown, and which
// queries are sent for them and when. Politeness is decided here so it can be tested without a
// browser: one query per day and mode, never more than WEEK_MAX_REQUESTS, each at least
// WEEK_MIN_GAP_MS after the one before (plus jitter, so the strip never ticks like a poller),
// nothing for a day already known, nothing to 12306 past its presale window.
import type { ChinaDate, EpochMs } from '../model';
import { pastPresale } from '../rail/presale';
import { SEARCH_DAYS } from '../search/problems';
import { addDays, chinaDateOf, daysBetween } from '../time';
import type { WeekDay, WeekMode, WeekStep } from './model';

export const WEEK_DAYS = 7;
export const WEEK_MIN_GAP_MS = 1500;
export const WEEK_JITTER_MS = 500;
export const WEEK_MAX_REQUESTS = 14;

/**
 * The 7 days around `chosen` (3 before, 3 after), moved so none is before today or past the
 * last day the popup offers.
 */
export function weekDates(chosen: ChinaDate, now: EpochMs): ChinaDate[] {
  const today = chinaDateOf(now);
  const latestStart = addDays(today, SEARCH_DAYS - WEEK_DAYS);
  let start = addDays(chosen, -Math.floor(WEEK_DAYS / 2));
  if (daysBetween(today, start) < 0) start = today;
  if (daysBetween(latestStart, start) > 0) start = latestStart;
  return Array.from({ length: WEEK_DAYS }, (_, i) => addDays(start, i));
}

export interface PlanInput {
  chosen: ChinaDate;
  /** The strip's days as known now: a side already filled (cached, not on sale, held) is not asked. */
  days: readonly WeekDay[];
  now: EpochMs;
  /** When the previous strip query was sent (the spacing holds across strips). */
  lastSentAt?: EpochMs;
  /** [0, 1): the jitter. */
  random: () => number;
}

/**
 * The queries to send, in order: the chosen day first, then outwards (nearest first), trains
 * before flights for each day; times spaced WEEK_MIN_GAP_MS + jitter apart.
 */
export function planWeek(input: PlanInput): WeekStep[] {
  const { chosen, now } = input;
  const order = [...input.days].sort(
    (a, b) => Math.abs(daysBetween(chosen, a.date)) - Math.abs(daysBetween(chosen, b.date)) || (a.date < b.date ? -1 : 1),
  );
  const wanted: { date: ChinaDate; mode: WeekMode }[] = [];
  for (const d of order) {
    if (!d.rail && !pastPresale(d.date, now)) wanted.push({ date: d.date, mode: 'rail' });
    if (!d.air) wanted.push({ date: d.date, mode: 'air' });
  }
  const gap = () => WEEK_MIN_GAP_MS + Math.floor(Math.min(0.999, Math.max(0, input.random())) * WEEK_JITTER_MS);
  let at = input.lastSentAt === undefined ? now : Math.max(now, input.lastSentAt + gap());
  return wanted.slice(0, WEEK_MAX_REQUESTS).map((w, i) => {
    if (i > 0) at += gap();
    return { ...w, at };
  });
}
