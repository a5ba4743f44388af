// 12306's nightly service window. Sources disagree on the exact hours (23:00 or 01:00 to 05:00 or
// 06:00, China time); we take the widest, 23:00–06:00, as the span in which a failed answer is
// explained as maintenance rather than as an error. Queries are still sent in the window:
// left-ticket queries often work at night, only buying is closed.
import type { EpochMs } from '../model';
import { chinaDateOf, chinaInstant, chinaMinuteOfDay, addDays } from '../time';
import type { DecodeError } from '../result';

export const WINDOW_START_MIN = 23 * 60;
export const WINDOW_END_MIN = 6 * 60;

/** True between 23:00 and 06:00 China time. */
export function inServiceWindow(t: EpochMs): boolean {
  const m = chinaMinuteOfDay(t);
  return m >= WINDOW_START_MIN || m < WINDOW_END_MIN;
}

/** The next 06:00 China time at or after `t`. */
export function windowEnd(t: EpochMs): EpochMs {
  const today = chinaDateOf(t);
  const six = chinaInstant(today, WINDOW_END_MIN);
  return t < six ? six : chinaInstant(addDays(today, 1), WINDOW_END_MIN);
}

export function maintenanceError(t: EpochMs, sample?: string): DecodeError {
  return {
    code: 'maintenance',
    message: { zh: '12306 维护中，06:00 后恢复', en: '12306 is in maintenance until 06:00' },
    retryAt: windowEnd(t),
    ...(sample ? { sample } : {}),
  };
}

/** Text of an HTML page or a notice that says 12306 is in its maintenance period. */
export function saysMaintenance(text: string): boolean {
  return /系统维护|维护时间|停止服务|service is (?:temporarily )?unavailable during maintenance/i.test(text);
}
