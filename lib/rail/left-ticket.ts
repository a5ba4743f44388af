// Decoder of 12306's left-ticket query (/otn/leftTicket/query*): every row layout 12306 has
// used (pipe rows of 2018, 2025 and longer future ones, the pre-2017 queryLeftNewDTO objects,
// a bare JSON array of rows) and every error body it sends instead. Never throws: a body it
// cannot read is a typed error, a row it cannot read fully is an issue.
import type { Availability, ChinaDate, Fen, LeftTicketResult, RailOption, SaleStatus, Seat, TrainType } from '../model';
import { excerpt, fail, guard, ok, type DecodeIssue, type DecodeResult } from '../result';
import { chinaInstant, compactToChinaDate, isChinaDate } from '../time';
import { isObj } from '../loose';
import * as seatTables from './seats';
import { SEAT_CLASSES, SEAT_CODES, isBuyable, parseAvailability } from './seats';

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

export interface LeftTicketContext {
  /** The date that was queried (departure date at the from station). */
  date?: ChinaDate;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** "HH:mm" → minutes (0–1440), -1 when malformed. Hand-rolled: this runs twice per row. */
function hm(s: string): number {
  if (s.length !== 5 || s.charCodeAt(2) !== 58) return -1;
  const a = s.charCodeAt(0) - 48;
  const b = s.charCodeAt(1) - 48;
  const c = s.charCodeAt(3) - 48;
  const d = s.charCodeAt(4) - 48;
  if (a < 0 || a > 2 || b < 0 || b > 9 || c < 0 || c > 5 || d < 0 || d > 9) return -1;
  const h = a * 10 + b;
  if (h > 24 || (h === 24 && (c > 0 || d > 0))) return -1;
  return h * 60 + c * 10 + d;
}

/** lishi "hh:mm" (hours may exceed 24) → minutes, -1 when malformed. */
function duration(s: string): number {
  const c = s.indexOf(':');
  if (c < 1 || c > 3 || s.length !== c + 3) return -1;
  let h = 0;
  for (let i = 0; i < c; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    h = h * 10 + d;
  }
  const m1 = s.charCodeAt(c + 1) - 48;
  const m2 = s.charCodeAt(c + 2) - 48;
  if (m1 < 0 || m1 > 5 || m2 < 0 || m2 > 9) return -1;
  return h * 60 + m1 * 10 + m2;
}

export function trainType(code: string): TrainType {
  const c = code.charAt(0);
  switch (c) {
    case 'G':
    case 'D':
    case 'C':
    case 'Z':
    case 'T':
    case 'K':
    case 'S':
    case 'Y':
    case 'L':
      return c;
  }
  return c >= '0' && c <= '9' && c !== '' ? 'number' : 'other';
}

const MAINTENANCE_RE = /维护|^\d{1,2}:\d{2}\s*[-—~至]\s*\d{1,2}:\d{2}/;
const SALE_AT_RE = /(\d{1,2})点(\d{2})?分?起售/;

/** Whether 12306 lets you buy now, from buttonTextInfo and canWebBuy. */
export function saleStatus(button: string, canWebBuy: string): SaleStatus | undefined {
  if (button === '预订') return canWebBuy === 'Y' ? 'on-sale' : canWebBuy === 'N' ? 'not-bookable' : canWebBuy === 'IS_TIME_NOT_BUY' ? 'not-yet' : undefined;
  if (button.includes('停运')) return 'suspended';
  if (MAINTENANCE_RE.test(button)) return 'maintenance';
  switch (canWebBuy) {
    case 'Y':
      return 'on-sale';
    case 'IS_TIME_NOT_BUY':
      return 'not-yet';
    case 'N':
      return button.includes('起售') ? 'not-yet' : 'not-bookable';
  }
  return undefined;
}

/** True when [s, e) of `text` is all ASCII digits (no regex: this runs once per row). */
function digitsAt(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/**
 * Sale time "HHmm" from sale_time (HHmm or yyyyMMddHHmm), read in place at [s, e) of `row` (e = s
 * when the row has none), or from a "12点30分起售" button.
 */
function saleTimeAt(row: string, s: number, e: number, button: string): string | undefined {
  if ((e - s === 4 || e - s === 12) && digitsAt(row, s, e)) return row.slice(e - 4, e);
  if (!button.includes('起售')) return undefined;
  const m = SALE_AT_RE.exec(button);
  return m ? `${m[1]!.padStart(2, '0')}${m[2] ?? '00'}` : undefined;
}

// ───────────────────────────── rows → RailOption ─────────────────────────────

// Module-local copies of the seat tables: the hot loop below reads them 13 times per row, and
// some loaders (tsx, CJS interop) turn every access to an imported binding into a getter call.
const CLASSES = SEAT_CLASSES;
const N_CLASSES = CLASSES.length;
const SEAT_INDEX = CLASSES.map((c) => c.index);
const CODES = SEAT_CODES;
const readCell = parseAvailability;
const buyable = isBuyable;
const { AVAIL_NONE, AVAIL_NOT_ON_SALE, AVAIL_PLENTY, AVAIL_WAITLIST, STANDING_OFFSET } = seatTables;
/** Seat code → rank of its class in CLASSES (only codes we know). */
const CODE_RANK: Record<string, number> = Object.fromEntries(
  Object.entries(SEAT_CODES).map(([code, info]) => [code, CLASSES.findIndex((c) => c.id === info.cls)]),
);
// The same tables indexed by the code's char code (single-character codes only; the rows carry
// one character per code): a typed-array read instead of a string-keyed property lookup.
/** Char code → rank of its class, -1 for codes we do not know. */
const RANK_BY_CC = new Int8Array(128).fill(-1);
/** Char code → the one-character code string and its SEAT_CODES entry. */
const CODE_STR_BY_CC: string[] = [];
const CODE_INFO_BY_CC: (seatTables.SeatCodeInfo | undefined)[] = [];
for (const [code, rank] of Object.entries(CODE_RANK)) {
  if (code.length !== 1 || code.charCodeAt(0) >= 128) continue;
  const cc = code.charCodeAt(0);
  RANK_BY_CC[cc] = rank;
  CODE_STR_BY_CC[cc] = code;
  CODE_INFO_BY_CC[cc] = CODES[code];
}
/** Rank of the class of the seat code at row[at], -1 when unknown. */
function rankAt(row: string, at: number): number {
  const cc = row.charCodeAt(at);
  return cc < 128 ? RANK_BY_CC[cc]! : -1;
}
const RANK_WZ = CLASSES.findIndex((c) => c.id === 'wz');
const RANK_QT = CLASSES.findIndex((c) => c.id === 'qt');

const dateCache = new Map<string, ChinaDate | undefined>();
let lastDateRaw = '';
let lastDate: ChinaDate | undefined;
/** compactToChinaDate, memoised: every row of a response carries the same one or two dates. */
function rowDateOf(s: string): ChinaDate | undefined {
  // Rows read start_train_date through fieldCached, so a repeated date is the very same string.
  if (s === lastDateRaw) return lastDate;
  lastDateRaw = s;
  lastDate = rowDateLookup(s);
  return lastDate;
}
function rowDateLookup(s: string): ChinaDate | undefined {
  if (dateCache.has(s)) return dateCache.get(s);
  const d = compactToChinaDate(s);
  if (dateCache.size > 64) dateCache.clear();
  dateCache.set(s, d);
  return d;
}

// Field boundaries of the row being read: filled by scanRow, reused for every row (no split:
// a 2025 row has 58 fields and we need about 20 of them).
const MAX_FIELDS = 64;
const FS = new Int32Array(MAX_FIELDS);
const FE = new Int32Array(MAX_FIELDS);

/** A field at least this long in the previous row is searched with indexOf (see scanRow). */
const LONG_FIELD = 8;

/**
 * Fills FS/FE for the first MAX_FIELDS fields; returns the row's field count.
 * Speed: a charCodeAt loop pays per character, indexOf pays per call (about as much as 8
 * characters of charCodeAt) and next to nothing per character. So a field's end is found with
 * indexOf when the same field was long in the previous row (secretStr, the yp_info token, price
 * groups…; rows of a response share their layout), and with a charCodeAt loop when it was short
 * (most fields are 0–5 characters).
 * Either way finds the same '|'; only the speed depends on the guess.
 */
function scanRow(row: string): number {
  const len = row.length;
  let n = 0; // field being read
  let s = 0; // its start
  let k = row.indexOf('|'); // its end (the next '|'), -1 for the last field
  while (k >= 0) {
    if (n < MAX_FIELDS) {
      FS[n] = s;
      FE[n] = k;
    }
    n++;
    s = k + 1;
    // FS/FE[n] still hold field n of the previous row here.
    if (n >= MAX_FIELDS || FE[n]! - FS[n]! >= LONG_FIELD) k = row.indexOf('|', s);
    else {
      k = s;
      while (k < len && row.charCodeAt(k) !== 124) k++;
      if (k === len) k = -1;
    }
  }
  if (n < MAX_FIELDS) {
    FS[n] = s;
    FE[n] = len;
  }
  return n + 1;
}

function field(row: string, n: number, k: number): string {
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
function fieldCached(row: string, n: number, k: number): string {
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
const fieldEmpty = (n: number, k: number) => k >= n || FE[k] === FS[k];

/** A count cell read in place (the common cells allocate nothing); 'unknown' as parseAvailability. */
function cellAt(row: string, s: number, e: number): Availability | null | 'unknown' {
  const len = e - s;
  if (len === 0) return null;
  const c0 = row.charCodeAt(s);
  if (len === 1) {
    if (c0 === 0x6709) return AVAIL_PLENTY; // 有
    if (c0 === 0x65e0) return AVAIL_NONE; // 无
    if (c0 === 42) return AVAIL_NOT_ON_SALE; // *
  } else if (len === 2) {
    const c1 = row.charCodeAt(s + 1);
    if (c0 === 45 && c1 === 45) return null; // --
    if (c0 === 0x5019 && c1 === 0x8865) return AVAIL_WAITLIST; // 候补
  }
  if (len <= 6) {
    let v = 0;
    let k = s;
    for (; k < e; k++) {
      const d = row.charCodeAt(k) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (k === e) return v === 0 ? AVAIL_NONE : { kind: 'count', n: v };
  }
  return readCell(row.slice(s, e)); // spaces around, or a value we do not know
}

/** "HH:mm" at [s, e) → minutes (0–1440), -1 when malformed. */
function hmAt(row: string, s: number, e: number): number {
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
function durationAt(row: string, s: number, e: number): number {
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

// Price groups of the row read last by readPriceGroupsAt: tenths of a yuan and count field of each.
const G_TENTHS: number[] = [];
const G_COUNT: number[] = [];

/**
 * Reads [s, e) as 10-character price groups (code + 5-digit price in tenths + 4-digit count; see
 * parsePriceGroups) into G_TENTHS/G_COUNT, validating and parsing in one pass over the characters.
 * Returns the number of groups, or -1 when the field does not have that shape.
 */
function readPriceGroupsAt(row: string, s: number, e: number): number {
  if (e === s || (e - s) % 10 !== 0) return -1;
  let g = 0;
  for (let at = s; at < e; at += 10) {
    const c = row.charCodeAt(at);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return -1;
    let tenths = 0;
    let count = 0;
    for (let q = 1; q < 10; q++) {
      const d = row.charCodeAt(at + q) - 48;
      if (d < 0 || d > 9) return -1;
      if (q <= 5) tenths = tenths * 10 + d;
      else count = count * 10 + d;
    }
    G_TENTHS[g] = tenths;
    G_COUNT[g] = count;
    g++;
  }
  return g;
}

const dayStartCache = new Map<string, number>();
/** Epoch of China midnight of a date; cached because every row of a response shares it. */
function dayStart(date: ChinaDate): number {
  let t = dayStartCache.get(date);
  if (t === undefined) {
    t = chinaInstant(date);
    if (dayStartCache.size > 64) dayStartCache.clear();
    dayStartCache.set(date, t);
  }
  return t;
}

const station = (telecode: string, names: Record<string, string>) => {
  const name = names[telecode];
  return name === undefined ? { telecode } : { telecode, name };
};

// Per-row scratch, reset for every row (indexed like CLASSES): char code of the seat code of each
// class (0 = none) and its price in fen (-1 = none; zero prices are never stored).
const CODE_OF = new Int32Array(N_CLASSES);
const PRICE_OF = new Int32Array(N_CLASSES);

/** Fields 3–10 of the row scanned last (code, stations, times), for issue samples. */
function rowSample(row: string, n: number): string {
  return excerpt(row.slice(FS[Math.min(n - 1, 3)]!, FE[Math.min(n - 1, 10)]!), 80);
}

/**
 * Builds the option for the row scanned last (FS/FE hold its n fields), or undefined — with an
 * issue saying why — when it lacks what an option needs: train code, both stations, a departure
 * time and a date. `date` is the queried date when known; otherwise the row's start_train_date.
 */
function optionFromRow(
  row: string,
  n: number,
  i: number,
  date: ChinaDate | undefined,
  names: Record<string, string>,
  issues: DecodeIssue[],
): RailOption | undefined {
  const code = field(row, n, 3);
  const from = fieldCached(row, n, 6);
  const to = fieldCached(row, n, 7);
  if (!code || !from || !to) {
    issues.push({ code: 'row-bad-field', row: i, field: 'station_train_code', message: `row ${i}: no train code or stations`, sample: rowSample(row, n) });
    return undefined;
  }
  const startDate = fieldCached(row, n, 13);
  const rowDate = rowDateOf(startDate);
  const day = date ?? rowDate;
  if (!day) {
    issues.push({ code: 'row-bad-field', row: i, field: 'start_train_date', message: `row ${i} (${code}): no usable date`, sample: startDate });
    return undefined;
  }
  if (!rowDate && startDate !== '') {
    issues.push({ code: 'row-bad-field', row: i, field: 'start_train_date', message: `row ${i} (${code}): bad start_train_date`, sample: startDate });
  }

  let start = hmAt(row, FS[8]!, FE[8]!);
  const arr = hmAt(row, FS[9]!, FE[9]!);
  let dur = durationAt(row, FS[10]!, FE[10]!);
  // 12306 writes suspended trains as 24:00 → 24:00, 99:59: no schedule, not a 4-day journey.
  const placeholder = start === 1440 && dur === 5999;
  if (placeholder) dur = 0;
  if (start < 0) {
    issues.push({ code: 'row-bad-field', row: i, field: 'start_time', message: `row ${i} (${code}): bad start_time`, sample: field(row, n, 8) });
    return undefined;
  }
  if (dur < 0) {
    if (arr < 0) {
      issues.push({ code: 'row-bad-field', row: i, field: 'lishi', message: `row ${i} (${code}): neither lishi nor arrive_time is readable`, sample: rowSample(row, n) });
      return undefined;
    }
    dur = arr >= start ? arr - start : arr + 1440 - start;
    issues.push({ code: 'row-bad-field', row: i, field: 'lishi', message: `row ${i} (${code}): bad lishi; duration taken from the clock times (at most one night)`, sample: field(row, n, 10) });
  } else if (!placeholder) {
    if (arr < 0) {
      issues.push({ code: 'row-bad-field', row: i, field: 'arrive_time', message: `row ${i} (${code}): bad arrive_time; arrival taken from lishi`, sample: field(row, n, 9) });
    } else if ((start + dur) % 1440 !== arr % 1440) {
      issues.push({ code: 'row-bad-field', row: i, field: 'arrive_time', message: `row ${i} (${code}): arrive_time disagrees with start_time + lishi; lishi kept`, sample: rowSample(row, n) });
    }
  }
  if (placeholder) start = 1440;
  const arriveDayOffset = Math.floor((start + dur) / 1440) - Math.floor(start / 1440);
  const depart = dayStart(day) + start * 60_000;

  // Seat codes: seat_types names the classes (一等卧 vs 软卧); price groups add codes and prices.
  for (let k = 0; k < N_CLASSES; k++) {
    CODE_OF[k] = 0;
    PRICE_OF[k] = -1;
  }
  if (n > 35) {
    for (let k = FS[35]!; k < FE[35]!; k++) {
      const rank = rankAt(row, k);
      if (rank >= 0 && CODE_OF[rank] === 0) CODE_OF[rank] = row.charCodeAt(k);
      else if (rank < 0) {
        issues.push({ code: 'row-unknown-seat', row: i, field: 'seat_types', message: `row ${i} (${code}): unknown seat code ${row[k]!} in seat_types`, sample: row[k]! });
      }
    }
  }
  // Prices: yp_info_new (39) when present, else yp_info (12) when it still has the group shape
  // (in 2018+ rows it is an opaque token: not prices, and not worth an issue).
  const newPrices = !fieldEmpty(n, 39);
  const pf = newPrices ? 39 : 12;
  const groups = pf < n ? readPriceGroupsAt(row, FS[pf]!, FE[pf]!) : -1;
  if (groups >= 0) {
    const priceField = newPrices ? 'yp_info_new' : 'yp_info';
    for (let g = 0; g < groups; g++) {
      const at = FS[pf]! + g * 10;
      const tenths = G_TENTHS[g]!;
      const count = G_COUNT[g]!;
      const standing = count >= STANDING_OFFSET;
      const known = rankAt(row, at);
      if (known < 0 && !standing) {
        const c = row[at]!;
        issues.push({ code: 'row-unknown-seat', row: i, field: priceField, message: `row ${i} (${code}): unknown seat code ${c} (counted as 其他)`, sample: c });
      }
      if (tenths === 0) {
        issues.push({ code: 'row-bad-price', row: i, field: priceField, message: `row ${i} (${code}): zero price for seat code ${row[at]!}` });
        continue;
      }
      const rank = standing ? RANK_WZ : known >= 0 ? known : RANK_QT;
      if (PRICE_OF[rank] === -1) PRICE_OF[rank] = tenths * 10;
      if (!standing && known >= 0 && CODE_OF[rank] === 0) CODE_OF[rank] = row.charCodeAt(at);
    }
  } else if (newPrices) {
    issues.push({ code: 'row-bad-price', row: i, field: 'yp_info_new', message: `row ${i} (${code}): yp_info_new is not made of 10-character price groups`, sample: excerpt(field(row, n, 39), 60) });
  }

  const seats: Seat[] = [];
  let hasSeats = false;
  let cheapest: RailOption['cheapest'];
  let short = false;
  let priced = 0; // classes with a price group, as bits; those shown as seats are cleared below
  for (let k = 0; k < N_CLASSES; k++) if (PRICE_OF[k]! >= 0) priced |= 1 << k;
  for (let k = 0; k < N_CLASSES; k++) {
    const fi = SEAT_INDEX[k]!;
    if (fi >= n) {
      short = true;
      continue;
    }
    const cs = FS[fi]!;
    const ce = FE[fi]!;
    if (cs === ce) continue; // empty: class not on this train (most cells; skips the call)
    const parsed = cellAt(row, cs, ce);
    if (parsed === null) continue;
    const cls = CLASSES[k]!;
    let availability: Availability;
    if (parsed === 'unknown') {
      issues.push({ code: 'row-unknown-seat', row: i, field: cls.field, message: `row ${i} (${code}): unreadable ${cls.field} cell (kept as not on sale)`, sample: excerpt(field(row, n, fi), 20) });
      availability = AVAIL_NOT_ON_SALE;
    } else availability = parsed;
    const sc = CODE_OF[k]!;
    const named = sc !== 0 ? CODE_INFO_BY_CC[sc] : undefined;
    const seat: Seat = named
      ? { cls: cls.id, code: CODE_STR_BY_CC[sc]!, name: named.name, nameEn: named.nameEn, availability }
      : { cls: cls.id, name: cls.name, nameEn: cls.nameEn, availability };
    const priceOrNone = PRICE_OF[k]!;
    const price = priceOrNone >= 0 ? (priceOrNone as Fen) : undefined;
    if (price !== undefined) seat.price = price;
    seats.push(seat);
    priced &= ~(1 << k);
    const canBuy = buyable(availability);
    if (canBuy) hasSeats = true;
    if (canBuy && price !== undefined && (!cheapest || price < cheapest.price)) cheapest = { cls: cls.id, name: seat.name, price };
  }
  if (short) {
    issues.push({ code: 'row-short', row: i, message: `row ${i} (${code}): row ends before the seat counts; missing classes left out` });
  }
  if (priced !== 0 && !short) {
    // A price for a class whose count cell says "not on this train": the two fields disagree.
    const unlisted: string[] = [];
    for (let k = 0; k < N_CLASSES; k++) if (priced & (1 << k)) unlisted.push(CLASSES[k]!.field);
    issues.push({ code: 'row-unknown-seat', row: i, message: `row ${i} (${code}): prices for ${unlisted.join(', ')} but no seat count; not listed` });
  }
  if (!fieldEmpty(n, 27)) {
    const yb = field(row, n, 27);
    if (yb !== '--') issues.push({ code: 'unknown-field', row: i, field: 'yb_num', message: `row ${i} (${code}): yb_num holds a value no seat code maps to`, sample: excerpt(yb, 20) });
  }

  const button = field(row, n, 1);
  const canWebBuy = field(row, n, 11);
  let status = saleStatus(button, canWebBuy);
  if (!status) {
    issues.push({ code: 'unknown-field', row: i, field: 'canWebBuy', message: `row ${i} (${code}): unknown canWebBuy value`, sample: excerpt(canWebBuy, 30) });
    status = 'unknown';
  }
  if (status === 'suspended') {
    cheapest = undefined;
    hasSeats = false; // a suspended train sells nothing, whatever its cells still say
  }

  const trainNo = field(row, n, 2);
  const origin = fieldCached(row, n, 4);
  const terminus = fieldCached(row, n, 5);
  const option: RailOption = {
    mode: 'rail',
    id: `${trainNo || code}@${day}`,
    trainNo,
    code,
    type: trainType(code),
    date: day,
    from: station(from, names),
    to: station(to, names),
    origin: station(origin || from, names),
    terminus: station(terminus || to, names),
    depart,
    arrive: depart + dur * 60_000,
    durationMin: dur,
    arriveDayOffset,
    seats,
    status,
    buttonText: button,
    hasSeats,
  };
  if (!fieldEmpty(n, 16)) option.fromNo = field(row, n, 16);
  if (!fieldEmpty(n, 17)) option.toNo = field(row, n, 17);
  const saleTime = n > 55 ? saleTimeAt(row, FS[55]!, FE[55]!, button) : saleTimeAt(row, 0, 0, button);
  if (saleTime) option.saleTime = saleTime;
  if (cheapest) option.cheapest = cheapest;
  if (button.includes('\uFFFD') || code.includes('\uFFFD')) {
    issues.push({ code: 'other', row: i, message: `row ${i} (${code}): replacement characters (the body was probably not UTF-8)`, sample: excerpt(button, 30) });
  }
  return option;
}

/**
 * Decodes one pipe row on its own (the replay server and tests use it).
 * `map` is the response's telecode → name map.
 */
export function decodeLeftTicketRow(
  row: string,
  i: number,
  map: Record<string, string> = {},
  ctx: LeftTicketContext = {},
): { option?: RailOption; issues: DecodeIssue[]; fieldCount: number } {
  const issues: DecodeIssue[] = [];
  const n = scanRow(row);
  if (n < MIN_ROW_FIELDS) {
    issues.push({ code: 'row-short', row: i, message: `row ${i}: ${n} fields, at least ${MIN_ROW_FIELDS} needed`, sample: excerpt(row, 80) });
    return { issues, fieldCount: n };
  }
  const option = optionFromRow(row, n, i, ctx.date, map, issues);
  return option ? { option, issues, fieldCount: n } : { issues, fieldCount: n };
}

/** The pre-2017 object, written as the pipe row it corresponds to (one decoding path for both). */
function pipeFromObject(entry: Record<string, unknown>, dto: Record<string, unknown>): string {
  const f: string[] = new Array(FULL_ROW_FIELDS + 20).fill('');
  const put = (k: number, v: unknown) => {
    const t = str(v);
    f[k] = t.includes('|') ? t.replaceAll('|', '/') : t;
  };
  put(FIELD.buttonTextInfo, entry.buttonTextInfo);
  put(FIELD.trainNo, dto.train_no);
  put(FIELD.code, dto.station_train_code);
  put(FIELD.origin, dto.start_station_telecode);
  put(FIELD.terminus, dto.end_station_telecode);
  put(FIELD.from, dto.from_station_telecode);
  put(FIELD.to, dto.to_station_telecode);
  put(FIELD.startTime, dto.start_time);
  put(FIELD.arriveTime, dto.arrive_time);
  put(FIELD.lishi, dto.lishi);
  put(FIELD.canWebBuy, dto.canWebBuy);
  put(FIELD.ypInfo, dto.yp_info);
  put(FIELD.startTrainDate, dto.start_train_date);
  put(FIELD.fromNo, dto.from_station_no);
  put(FIELD.toNo, dto.to_station_no);
  put(FIELD.ybNum, dto.yb_num);
  put(FIELD.seatTypes, dto.seat_types);
  put(FIELD.ypInfoNew, dto.yp_info_new);
  put(FIELD.saleTime, dto.sale_time);
  // Older objects lack the newer classes (srrb_num): absent there means not on this train.
  for (const c of CLASSES) put(c.index, dto[c.field]);
  return f.join('|');
}

/** Query date when the caller does not know it: the latest start_train_date (a train that left its origin the day before carries that earlier date). */
function latestDate(trains: RailOption[]): ChinaDate | undefined {
  let best: ChinaDate | undefined;
  for (const t of trains) if (!best || t.date > best) best = t.date;
  return best;
}

/** Moves rows built with their own start_train_date onto the query date (same clock times). */
function onDate(t: RailOption, date: ChinaDate): void {
  if (t.date === date) return;
  const shift = dayStart(date) - dayStart(t.date);
  t.depart += shift;
  t.arrive += shift;
  t.date = date;
  t.id = `${t.trainNo || t.code}@${date}`;
}

/** Rows by index; each is decoded where it stands, so issues come out in row order. */
function decodeRows(
  format: LeftTicketResult['format'],
  rows: unknown[],
  names: Record<string, string>,
  ctx: LeftTicketContext,
  issues: DecodeIssue[],
  toRow: (entry: unknown, i: number) => string | undefined,
): DecodeResult<LeftTicketResult> {
  const trains: RailOption[] = [];
  /** Row index of each train (to put late-decoded rows back in order). */
  const rowOf: number[] = [];
  const counts = new Set<number>();
  /** Rows without a readable date of their own, decoded once the query date is known. */
  const undated: [number, string][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = toRow(rows[i], i);
    if (row === undefined) continue;
    const n = scanRow(row);
    if (format === 'pipe') counts.add(n);
    if (n < MIN_ROW_FIELDS) {
      issues.push({ code: 'row-short', row: i, message: `row ${i}: ${n} fields, at least ${MIN_ROW_FIELDS} needed`, sample: excerpt(row, 80) });
      continue;
    }
    if (!ctx.date && !rowDateOf(fieldCached(row, n, 13))) {
      undated.push([i, row]);
      continue;
    }
    const o = optionFromRow(row, n, i, ctx.date, names, issues);
    if (o) {
      trains.push(o);
      rowOf.push(i);
    }
  }
  const date = ctx.date ?? latestDate(trains);
  if (date && !ctx.date) {
    // Without the queried date, rows of trains that left their origin the day before carry an
    // earlier start_train_date: the latest one is taken as the travel date, and that guess is said.
    const dates = new Set(trains.map((t) => t.date));
    if (dates.size > 1) {
      issues.push({ code: 'other', field: 'start_train_date', message: `no query date given: rows carry ${dates.size} start dates; ${date} (the latest) taken as the travel date` });
    }
    for (const t of trains) onDate(t, date);
  }
  if (undated.length > 0) {
    for (const [i, row] of undated) {
      const o = optionFromRow(row, scanRow(row), i, date, names, issues);
      if (!o) continue;
      let at = rowOf.findIndex((r) => r > i);
      if (at < 0) at = trains.length;
      trains.splice(at, 0, o);
      rowOf.splice(at, 0, i);
    }
    issues.sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
  }
  const value: LeftTicketResult = { format, fieldCounts: [...counts].sort((a, b) => a - b), stationNames: names, trains };
  if (date) value.date = date;
  return ok(value, issues);
}

function htmlTitle(text: string): string | undefined {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(text);
  return m ? m[1]!.trim() : undefined;
}

function messagesOf(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join('; ');
  return '';
}

function decode(text: string, ctx: LeftTicketContext): DecodeResult<LeftTicketResult> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trim();
  if (trimmed === '') return fail('empty', 'left-ticket: empty body', '余票查询：返回内容为空');
  if (ctx.date !== undefined && !isChinaDate(ctx.date)) {
    return fail('bad-input', `left-ticket: bad date ${String(ctx.date)}`, `余票查询：日期无效 ${String(ctx.date)}`);
  }
  const first = trimmed[0];
  if (first === '<' || /^[^{[]{0,1000}<(!doctype\s+html|html)\b/i.test(trimmed)) {
    const title = htmlTitle(trimmed);
    const known = /铁路客户服务中心|error\.html|12306/.test(trimmed) ? 'a 12306 page' : 'an HTML page';
    return fail('html-page', `left-ticket: got ${known}${title ? ` "${title}"` : ''} instead of JSON`, `余票查询：返回的是网页${title ? `「${title}」` : ''}而不是数据`, { sample: excerpt(trimmed) });
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail('not-json', `left-ticket: not JSON (${why})`, '余票查询：返回内容不是 JSON', { sample: excerpt(trimmed) });
  }

  if (Array.isArray(json)) {
    if (json.length > 0 && json.every(isObj)) return decodeObjects(json, ctx);
    return decodePipes(json, {}, ctx);
  }
  if (!isObj(json)) {
    return fail('schema', `left-ticket: expected an object or array, got ${typeof json}`, '余票查询：数据格式无法识别', { sample: excerpt(trimmed) });
  }
  if (typeof json.c_url === 'string' && json.c_url !== '') {
    const endpoint = json.c_url.replace(/^\/?(otn\/)?/, '');
    return fail('endpoint-moved', `left-ticket: 12306 moved the query to ${endpoint}`, `余票查询：12306 的查询地址已改为 ${endpoint}`, { endpoint });
  }
  const msg = messagesOf(json.messages);
  if (json.status === false || json.status === 'false') {
    if (/维护/.test(msg)) return fail('maintenance', `left-ticket: 12306 maintenance: ${msg}`, `余票查询：12306 系统维护中：${msg}`);
    return fail('rejected', `left-ticket: 12306 refused the query${msg ? `: ${msg}` : ''}`, `余票查询：12306 拒绝了查询${msg ? `：${msg}` : ''}`, { sample: excerpt(trimmed) });
  }
  const data = json.data;
  if (Array.isArray(data)) return decodeObjects(data, ctx);
  if (!isObj(data)) {
    if (msg) return fail('rejected', `left-ticket: 12306 says: ${msg}`, `余票查询：12306 提示：${msg}`);
    return fail('schema', 'left-ticket: no data.result in the response', '余票查询：返回数据缺少 data.result', { sample: excerpt(trimmed) });
  }
  if (!Array.isArray(data.result)) {
    return fail('schema', 'left-ticket: data.result is missing or not a list', '余票查询：返回数据缺少 data.result 列表', { sample: excerpt(trimmed) });
  }
  const names: Record<string, string> = {};
  const issues: DecodeIssue[] = [];
  if (isObj(data.map)) {
    for (const [k, v] of Object.entries(data.map)) if (typeof v === 'string') names[k] = v;
  } else if (data.map !== undefined && data.map !== null) {
    issues.push({ code: 'unknown-field', field: 'data.map', message: 'data.map is not a telecode → name object' });
  }
  return decodePipes(data.result, names, ctx, issues);
}

function decodePipes(
  rows: unknown[],
  names: Record<string, string>,
  ctx: LeftTicketContext,
  issues: DecodeIssue[] = [],
): DecodeResult<LeftTicketResult> {
  return decodeRows('pipe', rows, names, ctx, issues, (row, i) => {
    if (typeof row === 'string') return row;
    issues.push({ code: 'row-bad-field', row: i, message: `row ${i}: not a string (${row === null ? 'null' : typeof row})`, sample: excerpt(JSON.stringify(row) ?? '', 60) });
    return undefined;
  });
}

function decodeObjects(entries: unknown[], ctx: LeftTicketContext): DecodeResult<LeftTicketResult> {
  const issues: DecodeIssue[] = [];
  const names: Record<string, string> = {};
  let readable = 0;
  const result = decodeRows('object', entries, names, ctx, issues, (e, i) => {
    const dto = isObj(e) ? e.queryLeftNewDTO : undefined;
    if (!isObj(e) || !isObj(dto)) {
      issues.push({ code: 'row-bad-field', row: i, field: 'queryLeftNewDTO', message: `entry ${i}: no queryLeftNewDTO object`, sample: excerpt(JSON.stringify(e) ?? '', 60) });
      return undefined;
    }
    readable++;
    for (const [code, name] of [
      [dto.start_station_telecode, dto.start_station_name],
      [dto.end_station_telecode, dto.end_station_name],
      [dto.from_station_telecode, dto.from_station_name],
      [dto.to_station_telecode, dto.to_station_name],
    ] as const) {
      if (typeof code === 'string' && typeof name === 'string' && name && !(code in names)) names[code] = name;
    }
    if (!CLASSES.some((c) => c.field in dto)) {
      issues.push({ code: 'row-short', row: i, message: `entry ${i}: no seat count fields (*_num) at all` });
    }
    const dd = str(dto.day_difference);
    const lishi = str(dto.lishi);
    const st = hm(str(dto.start_time));
    const du = duration(lishi);
    if (/^\d+$/.test(dd) && st >= 0 && du >= 0 && !(st === 1440 && du === 5999) && Number(dd) !== Math.floor((st + du) / 1440)) {
      issues.push({ code: 'row-bad-field', row: i, field: 'day_difference', message: `entry ${i}: day_difference ${dd} disagrees with lishi ${lishi}`, sample: dd });
    }
    return pipeFromObject(e, dto);
  });
  if (entries.length > 0 && readable === 0) {
    return fail('schema', 'left-ticket: data[] holds no queryLeftNewDTO entries', '余票查询：data[] 中没有 queryLeftNewDTO', { sample: excerpt(JSON.stringify(entries[0]) ?? '') });
  }
  return result;
}

/** Decodes a left-ticket response body. `ctx.date` is the queried date when the caller knows it. */
export function decodeLeftTicket(text: string, ctx: LeftTicketContext = {}): DecodeResult<LeftTicketResult> {
  return guard('left-ticket', () => decode(typeof text === 'string' ? text : String(text), ctx));
}
