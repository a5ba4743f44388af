// Which trains of a left-ticket answer a watch is about, and which of their classes satisfy it.
import type { Availability, ChinaDate, RailOption } from '../model';
import { chinaMinuteOfDay, parseHm } from '../time';
import { AVAILABLE_MAX, clip, type RailWatch, type Sighting } from './model';
import { dayOf } from './dates';

/** 12306 shows a number below 20 seats and 有 from 20 up: 有 counts as 20 in sums (sparkline). */
export const PLENTY_AS = 20;

/** True when the train is one the watch names, or (none named) passes the watch's filter. */
export function isWantedTrain(w: Pick<RailWatch, 'trains' | 'trainNos' | 'filter'>, t: RailOption): boolean {
  if (w.trainNos.length > 0 || w.trains.length > 0) {
    return w.trainNos.includes(t.trainNo) || w.trains.includes(t.code.toUpperCase());
  }
  const f = w.filter;
  if (!f) return true;
  if (f.types && f.types.length > 0 && !f.types.includes(t.type)) return false;
  const m = chinaMinuteOfDay(t.depart);
  const from = f.departFrom ? parseHm(f.departFrom) : undefined;
  const to = f.departTo ? parseHm(f.departTo) : undefined;
  if (from !== undefined && m < from) return false;
  if (to !== undefined && m > to) return false;
  return true;
}

/** Seats left a cell promises (有 as PLENTY_AS); 0 for sold out, waitlist, not on sale. */
export function seatsOf(a: Availability): number {
  if (a.kind === 'count') return a.n;
  if (a.kind === 'plenty') return PLENTY_AS;
  return 0;
}

/** Enough seats for `wanted` people. 有 always is; 候补 and * never are. */
export function satisfies(a: Availability, wanted: number): boolean {
  return a.kind === 'plenty' || (a.kind === 'count' && a.n >= wanted);
}

/** What one answer says about one watch. */
export interface Reading {
  /** Train × class pairs that satisfy the watch now (the first AVAILABLE_MAX, in the answer's order). */
  available: Sighting[];
  /** Train × class pairs where only 候补 (the waiting list) is open (capped likewise). */
  waitlist: Sighting[];
  /** Seats left over all wanted classes of wanted trains (有 as PLENTY_AS). */
  seatsLeft: number;
  /** Latest departure among the wanted trains of the answer. */
  lastDepart?: number;
  /** How many wanted trains the answer listed. */
  trainsSeen: number;
}

/** What one day's answer says; its sightings carry `date` (the watch's own day by default). */
export function read(w: RailWatch, trains: readonly RailOption[], date: ChinaDate = w.date): Reading {
  const available: Sighting[] = [];
  const waitlist: Sighting[] = [];
  let seatsLeft = 0;
  let lastDepart: number | undefined;
  let trainsSeen = 0;
  for (const t of trains) {
    if (!isWantedTrain(w, t)) continue;
    trainsSeen++;
    lastDepart = Math.max(lastDepart ?? t.depart, t.depart);
    const bookable = t.status !== 'suspended';
    for (const s of t.seats) {
      if (!w.classes.includes(s.cls)) continue;
      if (!bookable) continue;
      seatsLeft += seatsOf(s.availability);
      const wait = s.availability.kind === 'waitlist';
      if (!wait && !satisfies(s.availability, w.seats)) continue;
      const list = wait ? waitlist : available;
      // The stored lists are capped (a broad filter can match more): beyond the cap a pair still
      // counts in seatsLeft, it just is not listed. Names are clipped to the stored widths.
      if (list.length >= AVAILABLE_MAX) continue;
      list.push({
        trainNo: t.trainNo,
        code: t.code,
        cls: s.cls,
        name: clip(s.name, 16),
        nameEn: clip(s.nameEn, 32),
        n: s.availability.kind === 'count' ? s.availability.n : null,
        ...(s.price !== undefined ? { price: s.price } : {}),
        depart: t.depart,
        date,
      });
    }
  }
  return { available, waitlist, seatsLeft, trainsSeen, ...(lastDepart !== undefined ? { lastDepart } : {}) };
}

/** One train × class on one day: what "already told" is about. */
export const sightingKey = (w: Pick<RailWatch, 'date'>, s: Pick<Sighting, 'trainNo' | 'cls' | 'date'>) => `${dayOf(w, s)}|${s.trainNo}|${s.cls}`;
