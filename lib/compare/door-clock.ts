// The clock time at the door, as a traveller reads a timetable: "13:40", "01:10+1" the day after
// the travel date (a duration would not tell them whether they make a 14:00 meeting).
import type { ChinaDate, EpochMs } from '../model';
import { chinaDateOf, chinaHm, daysBetween } from '../time';
import type { DoorClock } from './types';

export function doorClock(t: EpochMs, travelDate: ChinaDate): DoorClock {
  const hm = chinaHm(t);
  const dayOffset = daysBetween(travelDate, chinaDateOf(t));
  return { hm, dayOffset, text: dayOffset > 0 ? `${hm}+${dayOffset}` : dayOffset < 0 ? `${hm}${dayOffset}` : hm };
}
