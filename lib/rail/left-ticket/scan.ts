// Row scan: where each `|`-separated field of a left-ticket row starts and ends, read in place
// (no split: a 2025 row has 58 fields and the decoder needs about 20 of them), and the small
// in-place readers of times and digits.
import { excerpt } from '../../result';

/** Known field indices of a pipe row (the documented layout; later fields are appended). */
export const FIELD = {
  secretStr: 0,
  buttonTextInfo: 1,
  trainNo: 2,
  code: 3,
  origin: 4,
  terminus: 5,
  from: 6,
  to: 7,
  startTime: 8,
  arriveTime: 9,
  lishi: 10,
  canWebBuy: 11,
  ypInfo: 12,
  startTrainDate: 13,
  fromNo: 16,
  toNo: 17,
  ybNum: 27,
  ypEx: 34,
  seatTypes: 35,
  ypInfoNew: 39,
  saleTime: 55,
} as const;

/** A pipe row needs this many fields to hold every seat count and seat_types (2018 had 36–37). */
export const FULL_ROW_FIELDS = 36;
/** Below this a row lacks canWebBuy and cannot be made a train at all. */
export const MIN_ROW_FIELDS = 12;

// Field boundaries of the row being read: filled by scanRow, reused for every row.
export const MAX_FIELDS = 64;
export const FS = new Int32Array(MAX_FIELDS);
export const FE = new Int32Array(MAX_FIELDS);

/** A field at least this long in the previous row is searched with indexOf (see scanRow). */
const LONG_FIELD = 8;
/**
 * Fields up to this index have their bounds recorded; the decoder reads none after yp_info_new
 * (39) but sale_time, and groupsNearby looks two fields past it. Later fields are only counted.
 */
const LAST_READ = 41;
const SALE_TIME = 55;

/**
 * Fills FS/FE for fields 0–41 and sale_time (55); returns the row's field count.
 * Speed: a charCodeAt loop pays per character, indexOf pays per call (about as much as 8
 * characters of charCodeAt) and next to nothing per character. So a field's end is found with
 * indexOf when the same field was long in the previous row (secretStr, the yp_info token, price
 * groups…; rows of a response share their layout), and with a charCodeAt loop when it was short
 * (most fields are 0–5 characters).
 * Either way finds the same '|'; only the speed depends on the guess. Past field 41 the loop only
 * counts the '|' (a 2025 row has 16 more fields, nearly all empty or a few characters).
 */
export function scanRow(row: string): number {
  const len = row.length;
  let n = 0; // field being read
  let s = 0; // its start
  let k = row.indexOf('|'); // its end (the next '|'), -1 for the last field
  while (k >= 0) {
    FS[n] = s;
    FE[n] = k;
    n++;
    s = k + 1;
    if (n > LAST_READ) break;
    // FS/FE[n] still hold field n of the previous row here.
    if (FE[n]! - FS[n]! >= LONG_FIELD) k = row.indexOf('|', s);
    else {
      k = s;
      while (k < len && row.charCodeAt(k) !== 124) k++;
      if (k === len) k = -1;
    }
  }
  if (k < 0) {
    FS[n] = s;
    FE[n] = len;
    return n + 1;
  }
  // Field n (> 41) starts at s: count the rest, keeping only sale_time's bounds.
  for (let j = s; j < len; j++) {
    if (row.charCodeAt(j) !== 124) continue;
    if (n === SALE_TIME) {
      FS[SALE_TIME] = s;
      FE[SALE_TIME] = j;
    }
    n++;
    s = j + 1;
  }
  if (n === SALE_TIME) {
    FS[SALE_TIME] = s;
    FE[SALE_TIME] = len;
  }
  return n + 1;
}

export function field(row: string, n: number, k: number): string {
  return k < n ? row.slice(FS[k]!, FE[k]!) : '';
}

/** The last string fieldCached returned for each field index. */
const LAST_FIELD: string[] = new Array<string>(MAX_FIELDS).fill('');
/**
 * field() for the fields that repeat from row to row and are then used as lookup keys (station
 * telecodes, start_train_date): when the field equals the one of the previous row, that same
 * string is returned instead of a new slice. Saves the allocation, and the lookups (station
 * names, the date caches) then find the string already hashed and internalised.
 */
export function fieldCached(row: string, n: number, k: number): string {
  if (k >= n) return '';
  const s = FS[k]!;
  const len = FE[k]! - s;
  const last = LAST_FIELD[k]!;
  if (last.length === len) {
    // Telecodes are 3 characters: comparing them in place beats a native startsWith call.
    if (len <= 4) {
      let j = 0;
      while (j < len && last.charCodeAt(j) === row.charCodeAt(s + j)) j++;
      if (j === len) return last;
    } else if (row.startsWith(last, s)) return last;
  }
  const v = row.slice(s, s + len);
  LAST_FIELD[k] = v;
  return v;
}

export const fieldEmpty = (n: number, k: number) => k >= n || FE[k] === FS[k];

/** Fields 3–10 of the row scanned last (code, stations, times), for issue samples. */
export function rowSample(row: string, n: number): string {
  return excerpt(row.slice(FS[Math.min(n - 1, 3)]!, FE[Math.min(n - 1, 10)]!), 80);
}

/** True when [s, e) of `text` is all ASCII digits (no regex: this runs once per row). */
export function digitsAt(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/** "HH:mm" at [s, e) → minutes (0–1440), -1 when malformed. Hand-rolled: this runs twice per row. */
export function hmAt(row: string, s: number, e: number): number {
  if (e - s !== 5 || row.charCodeAt(s + 2) !== 58) return -1;
  const a = row.charCodeAt(s) - 48;
  const b = row.charCodeAt(s + 1) - 48;
  const c = row.charCodeAt(s + 3) - 48;
  const d = row.charCodeAt(s + 4) - 48;
  if (a < 0 || a > 2 || b < 0 || b > 9 || c < 0 || c > 5 || d < 0 || d > 9) return -1;
  const h = a * 10 + b;
  if (h > 24 || (h === 24 && (c > 0 || d > 0))) return -1;
  return h * 60 + c * 10 + d;
}

/** lishi "hh:mm" at [s, e) (hours may exceed 24) → minutes, -1 when malformed. */
export function durationAt(row: string, s: number, e: number): number {
  const len = e - s;
  if (len < 4 || len > 6 || row.charCodeAt(e - 3) !== 58) return -1;
  let h = 0;
  for (let k = s; k < e - 3; k++) {
    const d = row.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    h = h * 10 + d;
  }
  const m1 = row.charCodeAt(e - 2) - 48;
  const m2 = row.charCodeAt(e - 1) - 48;
  if (m1 < 0 || m1 > 5 || m2 < 0 || m2 > 9) return -1;
  return h * 60 + m1 * 10 + m2;
}

/** "HH:mm" → minutes (0–1440), -1 when malformed (object-format fields). */
export const hm = (s: string): number => hmAt(s, 0, s.length);

/** lishi "hh:mm" → minutes, -1 when malformed (object-format fields). */
export function duration(s: string): number {
  const c = s.indexOf(':');
  if (c < 1 || c > 3 || s.length !== c + 3) return -1;
  return durationAt(s, 0, s.length);
}
