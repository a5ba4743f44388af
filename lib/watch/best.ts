// Which of several matches a watch alert names first: the most preferred class (the watch's
// classes are in the user's order of preference), then the chosen day before its neighbours,
// then the earliest departure.
import { daysBetween } from '../time';
import { dayOf } from './dates';
import type { RailWatch, Sighting } from './model';

type Ranked = Pick<RailWatch, 'classes' | 'date' | 'flexDays'>;

function rankOf(w: Ranked, s: Sighting): [number, number, number] {
  const pref = w.classes.indexOf(s.cls);
  return [pref < 0 ? w.classes.length : pref, Math.abs(daysBetween(w.date, dayOf(w, s))), s.depart ?? Number.MAX_SAFE_INTEGER];
}

/** Orders sightings best first (a stable sort: equal ones keep the answer's order). */
export function byPreference(w: Ranked, list: readonly Sighting[]): Sighting[] {
  const ranks = new Map(list.map((s) => [s, rankOf(w, s)] as const));
  return [...list].sort((a, b) => {
    const ra = ranks.get(a)!;
    const rb = ranks.get(b)!;
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
  });
}
