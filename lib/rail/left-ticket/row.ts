// One scanned pipe row → RailOption: train code, stations, date, times, sale status, seats.
import type { ChinaDate, LeftTicketResult, RailOption, SaleStatus, TrainType } from '../../model';
import { excerpt, type DecodeIssue } from '../../result';
import { chinaInstant, compactToChinaDate } from '../../time';
import { layoutProblem, type LayoutProblem } from './layout';
import { readSeats } from './seat-cells';
import { FE, FS, MIN_ROW_FIELDS, digitsAt, durationAt, field, fieldCached, fieldEmpty, hmAt, rowSample, scanRow } from './scan';

const RFS = FS;
const RFE = FE;

export interface LeftTicketContext {
  /** The date that was queried (departure date at the from station). */
  date?: ChinaDate;
  /** Whom the query asked for (purpose_codes), when known: carried into the result. */
  purpose?: LeftTicketResult['purpose'];
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

const dateCache = new Map<string, ChinaDate | undefined>();
let lastDateRaw = '';
let lastDate: ChinaDate | undefined;
/** compactToChinaDate, memoised: every row of a response carries the same one or two dates. */
export function rowDateOf(s: string): ChinaDate | undefined {
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

const dayStartCache = new Map<string, number>();
/** Epoch of China midnight of a date; cached because every row of a response shares it. */
export function dayStart(date: ChinaDate): number {
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

/** A row whose fields are out of place: reported and left out whole, never shown as available. */
function unreadable(row: string, n: number, i: number, code: string, p: LayoutProblem, issues: DecodeIssue[]): undefined {
  issues.push({ code: 'row-bad-field', row: i, field: p.field, message: `row ${i} (${excerpt(code, 16)}): fields out of place (${p.why}); no seats read, row left out`, sample: rowSample(row, n) });
  return undefined;
}

/**
 * Builds the option for the row scanned last (FS/FE hold its n fields), or undefined — with an
 * issue saying why — when it lacks what an option needs: train code, both stations, a departure
 * time and a date. `date` is the queried date when known; otherwise the row's start_train_date.
 * `named`: the row was written from a pre-2017 object, whose fields are named, not counted.
 */
export function readRow(
  row: string,
  n: number,
  i: number,
  date: ChinaDate | undefined,
  names: Record<string, string>,
  issues: DecodeIssue[],
  named = false,
): RailOption | undefined {
  const code = field(row, n, 3);
  const from = fieldCached(row, n, 6);
  const to = fieldCached(row, n, 7);
  if (!code || !from || !to) {
    issues.push({ code: 'row-bad-field', row: i, field: 'station_train_code', message: `row ${i}: no train code or stations`, sample: rowSample(row, n) });
    return undefined;
  }
  // Rows rewritten from named objects cannot have fields out of place: only pipe rows are judged.
  const moved = named ? undefined : layoutProblem(row, n);
  if (moved) return unreadable(row, n, i, code, moved, issues);
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

  let start = hmAt(row, RFS[8]!, RFE[8]!);
  const arr = hmAt(row, RFS[9]!, RFE[9]!);
  let dur = durationAt(row, RFS[10]!, RFE[10]!);
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

  const read = readSeats(row, n, i, code, issues, named);
  if (read.damaged) return unreadable(row, n, i, code, read.damaged, issues);
  let hasSeats = read.hasSeats;
  let cheapest = read.cheapest;
  const seats = read.seats;

  const button = field(row, n, 1);
  const canWebBuy = field(row, n, 11);
  let status = saleStatus(button, canWebBuy);
  if (!status) {
    issues.push({ code: 'unknown-field', row: i, field: 'canWebBuy', message: `row ${i} (${code}): unknown canWebBuy value`, sample: excerpt(canWebBuy, 30) });
    status = 'unknown';
  }
  const garbled = button.includes('\uFFFD');
  if (garbled) {
    issues.push({ code: 'other', row: i, message: `row ${i} (${code}): replacement characters (the body was probably not UTF-8)`, sample: excerpt(button, 30) });
  }
  if (status === 'suspended') {
    cheapest = undefined;
    hasSeats = false; // a suspended train sells nothing, whatever its cells still say
  }
  const arriveDayOffset = Math.floor((start + dur) / 1440) - Math.floor(start / 1440);
  const depart = dayStart(day) + start * 60_000;
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
  const saleTime = n > 55 ? saleTimeAt(row, RFS[55]!, RFE[55]!, button) : saleTimeAt(row, 0, 0, button);
  if (saleTime) option.saleTime = saleTime;
  if (cheapest) option.cheapest = cheapest;
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
  const option = readRow(row, n, i, ctx.date, map, issues);
  return option ? { option, issues, fieldCount: n } : { issues, fieldCount: n };
}
