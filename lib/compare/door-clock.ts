// The clock time at the door, as a traveller reads a timetable: "13:40", "01:10+1" the day after
// the travel date (a duration would not tell them whether they make a 14:00 meeting).
// Plain arithmetic on China time (UTC+8, no daylight saving): this runs for every option of a
// comparison, and Date objects per option cost more than the rest of compare() together.
import type { ChinaDate, EpochMs } from '../model';
import { CHINA_OFFSET_MS, DAY_MS, MINUTE_MS, chinaInstant } from '../time';
import type { DoorClock } from './types';

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
let lastDate: ChinaDate | undefined;
let lastDay = 0;

/** Days since the epoch of a China date's midnight (cached: a comparison has one date). */
function dayOf(date: ChinaDate): number {
  if (date !== lastDate) {
    lastDate = date;
    lastDay = Math.floor((chinaInstant(date) + CHINA_OFFSET_MS) / DAY_MS);
  }
  return lastDay;
}

export function doorClock(t: EpochMs, travelDate: ChinaDate): DoorClock {
  const local = t + CHINA_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const minute = Math.floor((local - day * DAY_MS) / MINUTE_MS);
  const hm = `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
  const dayOffset = day - dayOf(travelDate);
  return { hm, dayOffset, text: dayOffset > 0 ? `${hm}+${dayOffset}` : dayOffset < 0 ? `${hm}${dayOffset}` : hm };
}
