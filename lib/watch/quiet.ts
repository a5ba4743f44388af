// Quiet hours, China time: no query is sent between start and end. The window may wrap midnight
// (23:00–06:00); start == end means no quiet hours at all.
import type { EpochMs } from '../model';
import { addDays, chinaDateOf, chinaInstant, chinaMinuteOfDay, parseHm } from '../time';

export interface QuietHours {
  quietStart: string;
  quietEnd: string;
}

/** When the quiet hours containing `now` end, or undefined when `now` is outside them. */
export function quietUntil(now: EpochMs, q: QuietHours): EpochMs | undefined {
  const start = parseHm(q.quietStart);
  const end = parseHm(q.quietEnd);
  if (start === undefined || end === undefined || start === end) return undefined;
  const m = chinaMinuteOfDay(now);
  const today = chinaDateOf(now);
  const inside = start < end ? m >= start && m < end : m >= start || m < end;
  if (!inside) return undefined;
  // The end is later today, unless we are in the evening part of a window that wraps midnight.
  const endDay = start > end && m >= start ? addDays(today, 1) : today;
  return chinaInstant(endDay, end);
}

/** True while quiet hours hold. */
export function isQuiet(now: EpochMs, q: QuietHours): boolean {
  return quietUntil(now, q) !== undefined;
}

/** The next instant ≥ `t` outside quiet hours. */
export function nextAllowed(t: EpochMs, q: QuietHours): EpochMs {
  return quietUntil(t, q) ?? t;
}
