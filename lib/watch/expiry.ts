// When a watch stops being worth polling: its date has passed (China time), or every train it
// can still be about has left.
import type { EpochMs } from '../model';
import { addDays, chinaInstant, parseHm } from '../time';
import type { Watch } from './model';
import { lastDate } from './dates';

export type ExpiryReason = 'departed' | 'date-passed';

// The end of a China date, memoised: a scheduler step asks it for every watch, mostly of a few dates.
const ends = new Map<string, EpochMs>();
function endOf(date: Watch['date']): EpochMs {
  let t = ends.get(date);
  if (t === undefined) {
    if (ends.size > 512) ends.clear();
    t = chinaInstant(addDays(date, 1));
    ends.set(date, t);
  }
  return t;
}

export function expiryOf(w: Watch, now: EpochMs): ExpiryReason | undefined {
  if (w.status === 'expired') return undefined;
  // 12306 sells a date until its last train leaves; flights likewise. The day after, nothing is left.
  // A train watch over neighbouring days is over only when its last day is.
  const last = w.kind === 'rail' ? lastDate(w) : w.date;
  if (now >= endOf(last)) return 'date-passed';
  if (w.kind !== 'rail') return undefined;
  // Once the latest wanted train seen on the last day has departed (a departure stored before
  // the watch covered a later day does not count).
  if (w.lastDepartAt !== undefined && now >= w.lastDepartAt && w.lastDepartAt >= chinaInstant(last)) return 'departed';
  // A departure window (no named trains): once its end has passed on that date.
  const named = w.trains.length > 0 || w.trainNos.length > 0;
  const to = w.filter?.departTo ? parseHm(w.filter.departTo) : undefined;
  if (!named && to !== undefined && now > chinaInstant(last, to)) return 'departed';
  return undefined;
}
