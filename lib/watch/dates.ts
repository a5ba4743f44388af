// The days a train watch covers: the chosen one, and with flexDays the day before and the day
// after (people who can leave a day early or late). A day that has passed, or a neighbouring day
// 12306 does not sell yet, is simply not asked about; the chosen day is asked about before its
// sale opens too (it may open while the watch runs).
import type { ChinaDate, EpochMs } from '../model';
import { lastOnSale } from '../rail/presale';
import { addDays, chinaDateOf } from '../time';
import { routeKeyOf, type RailDefinition, type RouteKey, type Sighting } from './model';

type Covering = Pick<RailDefinition, 'date' | 'flexDays'>;

/** Every day the watch is about, chosen day first. */
export function coveredDates(w: Covering): ChinaDate[] {
  const n = w.flexDays ?? 0;
  const out = [w.date];
  for (let i = 1; i <= n; i++) out.push(addDays(w.date, -i), addDays(w.date, i));
  return out;
}

/** The latest day covered: the watch is over once it is. */
export function lastDate(w: Covering): ChinaDate {
  return addDays(w.date, w.flexDays ?? 0);
}

/**
 * The covered days worth a query at `now`: none that has passed; the chosen day even before its
 * sale opens, neighbours only up to the last day on sale.
 */
export function polledDates(w: Covering, now: EpochMs): ChinaDate[] {
  const today = chinaDateOf(now);
  const last = lastOnSale(now);
  return coveredDates(w).filter((d) => d >= today && (d === w.date || d <= last));
}

/** The route keys (date, from, to) of every covered day. */
export function coveredRoutes(w: Covering & Pick<RailDefinition, 'from' | 'to'>): RouteKey[] {
  return coveredDates(w).map((date) => routeKeyOf({ date, from: w.from, to: w.to }));
}

/** The day a sighting is on (older stored sightings carry none: the watch's own day). */
export const dayOf = (w: Covering, s: Pick<Sighting, 'date'>): ChinaDate => s.date ?? w.date;
