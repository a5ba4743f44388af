// Searches that cannot give an answer, told in a sentence before anything is sent: a place not
// chosen (or typed and not found), the same station or the same city at both ends, a day that
// has passed or lies beyond what anyone sells. A date past 12306's presale window is not a
// problem: flights are searched and the trains say when they go on sale (lib/rail/presale.ts).
import type { ChinaDate, EpochMs } from '../model';
import type { Place } from '../store/last-search';
import { addDays, chinaDateOf, daysBetween } from '../time';

/** How far ahead the popup offers dates: airlines sell about a year out; 12306 only 15 days. */
export const SEARCH_DAYS = 60;

export type SearchProblem =
  | { kind: 'missing'; end: 'from' | 'to' }
  | { kind: 'same-place' }
  | { kind: 'same-city'; city: string }
  | { kind: 'past-date' }
  | { kind: 'too-far'; last: ChinaDate };

/** The dates the popup offers, today first (China time). */
export function searchDates(now: EpochMs): ChinaDate[] {
  const today = chinaDateOf(now);
  return Array.from({ length: SEARCH_DAYS }, (_, i) => addDays(today, i));
}

export function searchProblem(s: { from: Place | null; to: Place | null; date: ChinaDate }, now: EpochMs): SearchProblem | undefined {
  if (!s.from) return { kind: 'missing', end: 'from' };
  if (!s.to) return { kind: 'missing', end: 'to' };
  if (s.from.telecode === s.to.telecode) return { kind: 'same-place' };
  if (s.from.city && s.from.city === s.to.city) return { kind: 'same-city', city: s.from.city };
  const ahead = daysBetween(chinaDateOf(now), s.date);
  if (ahead < 0) return { kind: 'past-date' };
  if (ahead >= SEARCH_DAYS) return { kind: 'too-far', last: addDays(chinaDateOf(now), SEARCH_DAYS - 1) };
  return undefined;
}
