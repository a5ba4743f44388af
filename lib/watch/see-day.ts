// What one day's answer does to one train watch. A watch may cover neighbouring days, each
// answered separately: the day's sightings replace that day's earlier ones and the others are
// kept; news is a train × class on a day that was not there at the last check. An alert names
// the best new match; a waiting list (候补) is news only while no wanted class has seats, and is a
// state of its own, so a real seat after it is news again.
import type { ChinaDate, EpochMs, RailOption } from '../model';
import type { Lang } from '../i18n';
import { byPreference } from './best';
import { dayOf, lastDate, polledDates } from './dates';
import { read, sightingKey } from './match';
import { AVAILABLE_MAX, type RailWatch, type RouteKey, type Sighting } from './model';
import { railNotification, waitlistNotification, type WatchNotification } from './notify';

/** The day of a route key (routeKeyOf: date first). */
export const dayOfRoute = (route: RouteKey): ChinaDate => route.split('|')[0] as ChinaDate;

/** The watch without its waiting-list sightings (absent, not empty, so older documents stay as small). */
export function withoutWaitlist<T extends RailWatch>(w: T): T {
  const { waitlist: _gone, ...rest } = w;
  return rest as T;
}

export interface DaySeen {
  watch: RailWatch;
  notification?: WatchNotification;
  /** The answer was for the watch's chosen day (its seat count and sparkline follow that day). */
  chosenDay: boolean;
}

/**
 * `cycleStart`: when the current cycle began. A watch over several days hears each day's answer
 * separately (spaced across the cycle); once it has alerted in this cycle, another day's news
 * alerts only if it beats what the watch already told — one alert for the best match, not one per day.
 */
export function seeDay(w: RailWatch, date: ChinaDate, trains: readonly RailOption[], now: EpochMs, s: { notify: boolean; language: Lang }, cycleStart?: EpochMs): DaySeen {
  const r = read(w, trains, date);
  // Other days' sightings stay, unless their day is no longer asked about (passed, or no longer covered).
  const keep = new Set(polledDates(w, now));
  const others = (list: readonly Sighting[]) => list.filter((x) => dayOf(w, x) !== date && keep.has(dayOf(w, x)));
  const available = byPreference(w, [...others(w.available), ...r.available]).slice(0, AVAILABLE_MAX);
  const waitlist = byPreference(w, [...others(w.waitlist ?? []), ...r.waitlist]).slice(0, AVAILABLE_MAX);
  const newOf = (before: readonly Sighting[], now: readonly Sighting[]) => {
    const told = new Set(before.map((x) => sightingKey(w, x)));
    return now.filter((x) => !told.has(sightingKey(w, x)));
  };
  const fresh = newOf(w.available, r.available);
  const freshWait = newOf(w.waitlist ?? [], r.waitlist);
  const toldThisCycle = cycleStart !== undefined && w.notifiedAt !== undefined && w.notifiedAt >= cycleStart;
  const toldElsewhere = others(w.available);
  const beatsTold = fresh.length > 0 && (toldElsewhere.length === 0 || fresh.includes(byPreference(w, [...toldElsewhere, ...fresh])[0]!));
  let notification: WatchNotification | undefined;
  if (s.notify && fresh.length > 0 && (!toldThisCycle || beatsTold)) notification = railNotification(w, fresh, s.language);
  else if (s.notify && available.length === 0 && freshWait.length > 0) notification = waitlistNotification(w, freshWait, s.language);
  const chosenDay = date === w.date;
  const watch: RailWatch = {
    ...withoutWaitlist(w),
    available,
    ...(waitlist.length > 0 ? { waitlist } : {}),
    ...(chosenDay ? { seatsLeft: r.seatsLeft } : {}),
    // The watch ends with the last train of its last day.
    ...(date === lastDate(w) && r.lastDepart !== undefined ? { lastDepartAt: r.lastDepart } : {}),
  };
  return { watch, chosenDay, ...(notification ? { notification } : {}) };
}
