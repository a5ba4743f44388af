// China time (Asia/Shanghai, UTC+8 all year, no daylight saving since 1991). Instants are epoch
// milliseconds; these helpers convert to and from China wall-clock time without relying on the
// user's time zone or on Intl time-zone data.

import type { ChinaDate, EpochMs } from './model';

export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written yyyy-MM-dd. */
export function isChinaDate(s: string): s is ChinaDate {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** "20180113" → "2018-01-13" (undefined when not a real date). */
export function compactToChinaDate(s: string): ChinaDate | undefined {
  if (!/^\d{8}$/.test(s)) return undefined;
  const d = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  return isChinaDate(d) ? d : undefined;
}

/** Parse "HH:mm" (00:00–23:59, also "24:00") to minutes after midnight. */
export function parseHm(s: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (h > 24 || mi > 59 || (h === 24 && mi > 0)) return undefined;
  return h * 60 + mi;
}

/** Year, month (1–12) and day of a `yyyy-MM-dd` date, as numbers (for "3月4日"-style labels). */
export function dateParts(date: string): [year: number, month: number, day: number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** The instant of China wall-clock `date` + `minutes` after its midnight (minutes may exceed a day). */
export function chinaInstant(date: ChinaDate, minutes = 0): EpochMs {
  const [y, mo, d] = dateParts(date);
  return Date.UTC(y, mo - 1, d) - CHINA_OFFSET_MS + minutes * MINUTE_MS;
}

/** "YYYY-MM-DD HH:mm" (China time) → instant, or undefined. */
export function parseChinaDateTime(s: string): EpochMs | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})(?::\d{2})?$/.exec(s.trim());
  if (!m || !isChinaDate(m[1]!)) return undefined;
  const min = parseHm(m[2]!);
  return min === undefined ? undefined : chinaInstant(m[1]! as ChinaDate, min);
}

function shifted(t: EpochMs): Date {
  return new Date(t + CHINA_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** China calendar date of an instant. */
export function chinaDateOf(t: EpochMs): ChinaDate {
  const d = shifted(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` as ChinaDate;
}

/** China wall-clock "HH:mm" of an instant. */
export function chinaHm(t: EpochMs): string {
  const d = shifted(t);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Minutes after China midnight of an instant (0–1439). */
export function chinaMinuteOfDay(t: EpochMs): number {
  const d = shifted(t);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/** Whole days between two China dates (b − a). */
export function daysBetween(a: ChinaDate, b: ChinaDate): number {
  return Math.round((chinaInstant(b) - chinaInstant(a)) / DAY_MS);
}

/** China date `n` days after `date`. */
export function addDays(date: ChinaDate, n: number): ChinaDate {
  return chinaDateOf(chinaInstant(date) + n * DAY_MS);
}

/** "5小时40分" / "5h 40m" for a duration in minutes. */
export function formatDuration(min: number, lang: 'zh' | 'en' = 'zh'): string {
  const h = Math.floor(min / 60);
  const m = Math.round(min % 60);
  if (lang === 'en') return h ? (m ? `${h}h ${m}m` : `${h}h`) : `${m}m`;
  return h ? (m ? `${h}小时${m}分` : `${h}小时`) : `${m}分钟`;
}
