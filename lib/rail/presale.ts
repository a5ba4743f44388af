// 12306's presale window: a date is sold from 14 days before (15 days including today), each
// station opening at its own time of day (the rows' sale_time, e.g. 1230; many open at 08:00–
// 18:00 on the half hour). Beyond the window the popup still searches flights and says when the
// trains go on sale; the sale-opening reminder builds on the same reasoning.
import type { ChinaDate, EpochMs } from '../model';
import { addDays, chinaDateOf, chinaInstant, daysBetween } from '../time';

export const PRESALE_DAYS = 15;

/** The last date 12306 sells today (China time). */
export function lastOnSale(now: EpochMs): ChinaDate {
  return addDays(chinaDateOf(now), PRESALE_DAYS - 1);
}

/** True when 12306 does not sell `date` yet (past its presale window): it is answered without asking. */
export function pastPresale(date: string, now: EpochMs): boolean {
  return date > lastOnSale(now);
}

/** The day 12306 opens the sale for `date`. */
export function saleDayOf(date: ChinaDate): ChinaDate {
  return addDays(date, -(PRESALE_DAYS - 1));
}

/**
 * When the sale for `date` opens, if it has not yet: the day, and the instant when the from
 * station's opening time (HHmm, from its rows) is known.
 */
export function saleOpening(date: ChinaDate, now: EpochMs, stationHm?: string): { day: ChinaDate; at?: EpochMs } | undefined {
  const day = saleDayOf(date);
  const minutes = stationHm && /^([01]\d|2[0-3])[0-5]\d$/.test(stationHm) ? Number(stationHm.slice(0, 2)) * 60 + Number(stationHm.slice(2)) : undefined;
  if (minutes !== undefined) {
    const at = chinaInstant(day, minutes);
    return at > now ? { day, at } : undefined;
  }
  // Without the station's time: on sale once the day has come (it opens at some time that day).
  return daysBetween(chinaDateOf(now), day) > 0 ? { day } : undefined;
}
