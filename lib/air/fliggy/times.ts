// Fliggy's clock texts: "YYYY-MM-DD HH:mm" in China time, an arrival that may be a bare "HH:mm".
import type { EpochMs } from '../../model';
import { CHINA_OFFSET_MS, chinaDateOf, chinaInstant, MINUTE_MS, parseChinaDateTime, parseHm } from '../../time';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits s[i..i+n) as a number, or -1 when any is not a digit (no regex, no allocation). */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** "YYYY-MM-DD HH:mm" China time → instant; the exact form Fliggy sends, fast, else lib/time's parser. */
export function parseDateTime(s: string): EpochMs | undefined {
  if (s.length !== 16 || s[4] !== '-' || s[7] !== '-' || s[10] !== ' ' || s[13] !== ':') return parseChinaDateTime(s);
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  if (d > DAYS_IN_MONTH[mo - 1]! + leap) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi) - CHINA_OFFSET_MS;
}

/** Arrival from "YYYY-MM-DD HH:mm", or a bare "HH:mm" on the departure day (next day when earlier). */
export function arrivalInstant(v: string, depart: EpochMs): EpochMs | undefined {
  const full = parseDateTime(v);
  if (full !== undefined) return full;
  const hm = parseHm(v);
  if (hm === undefined) return undefined;
  let t = chinaInstant(chinaDateOf(depart), hm);
  while (t <= depart) t += 24 * 60 * MINUTE_MS;
  return t;
}
