// Seats and prices of one scanned row: seat codes from seat_types, price groups from yp_info_new
// (or the old yp_info), the count cells of every class, and from them the Seat list, hasSeats and
// the cheapest buyable class, with the issues about them.
import type { Availability, Fen, RailOption, Seat } from '../../model';
import { excerpt, type DecodeIssue } from '../../result';
import * as seatTables from '../seats';
import type { LayoutProblem } from './layout';
import { FE, FS, field, fieldEmpty } from './scan';

// Module-local copies of the seat tables: the hot loop below reads them 13 times per row, and
// some loaders (tsx, CJS interop) turn every access to an imported binding into a getter call.
const CLASSES = seatTables.SEAT_CLASSES;
const N_CLASSES = CLASSES.length;
const SEAT_INDEX = CLASSES.map((c) => c.index);
const CODES = seatTables.SEAT_CODES;
const readCell = seatTables.parseAvailability;
const buyable = seatTables.isBuyable;
const { AVAIL_NONE, AVAIL_NOT_ON_SALE, AVAIL_PLENTY, AVAIL_WAITLIST, STANDING_OFFSET } = seatTables;
const SFS = FS;
const SFE = FE;

// The seat-code tables indexed by the code's char code (single-character codes only; the rows
// carry one character per code): a typed-array read instead of a string-keyed property lookup.
/** Char code → rank of its class in CLASSES, -1 for codes we do not know. */
const RANK_BY_CC = new Int8Array(128).fill(-1);
/** Char code → the one-character code string and its SEAT_CODES entry. */
const CODE_STR_BY_CC: string[] = [];
const CODE_INFO_BY_CC: (seatTables.SeatCodeInfo | undefined)[] = [];
for (const [code, info] of Object.entries(CODES)) {
  if (code.length !== 1 || code.charCodeAt(0) >= 128) continue;
  const cc = code.charCodeAt(0);
  RANK_BY_CC[cc] = CLASSES.findIndex((c) => c.id === info.cls);
  CODE_STR_BY_CC[cc] = code;
  CODE_INFO_BY_CC[cc] = info;
}
/** Rank of the class of the seat code at row[at], -1 when unknown. */
function rankAt(row: string, at: number): number {
  const cc = row.charCodeAt(at);
  return cc < 128 ? RANK_BY_CC[cc]! : -1;
}
const RANK_WZ = CLASSES.findIndex((c) => c.id === 'wz');
const RANK_QT = CLASSES.findIndex((c) => c.id === 'qt');

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

// Price groups of the row read last by readPriceGroupsAt: tenths of a yuan and count field of each.
const G_TENTHS: number[] = [];
const G_COUNT: number[] = [];
// … and, once readCodesAndPrices has read them, the class of each group and its seats left.
const G_RANK = new Int32Array(64);
const G_LEFT = new Int32Array(64);

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

// Per-row scratch, reset for every row (indexed like CLASSES): char code of the seat code of each
// class (0 = none) and its price in fen (-1 = none; zero prices are never stored).
const CODE_OF = new Int32Array(N_CLASSES);
const PRICE_OF = new Int32Array(N_CLASSES);
/** Classes the row's own codes list (seat_types, yp_ex, price groups), as bits by rank. */
let listed = 0;
/** Whether any field that lists classes was there to read (a row cut before them lists none). */
let listing = false;
const W_CC = 87; // 'W'

/**
 * Fills CODE_OF, PRICE_OF, `listed` and the groups' classes (G_RANK, G_LEFT) for the row scanned
 * last, reporting unknown codes and bad prices. Returns the number of price groups (0 = none), or
 * -1 when yp_info_new is there but not price groups: a field out of place.
 */
function readCodesAndPrices(row: string, n: number, i: number, code: string, issues: DecodeIssue[]): number {
  // Seat codes: seat_types names the classes (一等卧 vs 软卧); price groups add codes and prices.
  for (let k = 0; k < N_CLASSES; k++) {
    CODE_OF[k] = 0;
    PRICE_OF[k] = -1;
  }
  listed = 0;
  listing = n > 35;
  if (n > 35) {
    for (let k = SFS[35]!; k < SFE[35]!; k++) {
      const rank = rankAt(row, k);
      // A code seat_types repeats is the standing class priced like that seat (9MOO: O, then 无座).
      if (rank >= 0 && CODE_OF[rank] !== 0 && CODE_OF[rank] === row.charCodeAt(k)) listed |= 1 << RANK_WZ;
      listed |= 1 << (rank >= 0 ? rank : RANK_QT);
      if (rank >= 0 && CODE_OF[rank] === 0) CODE_OF[rank] = row.charCodeAt(k);
      else if (rank < 0) {
        issues.push({ code: 'row-unknown-seat', row: i, field: 'seat_types', message: `row ${i} (${code}): unknown seat code ${row[k]!} in seat_types`, sample: row[k]! });
      }
    }
    for (let k = SFS[34]!; k < SFE[34]!; k += 2) if (row.charCodeAt(k) === W_CC) listed |= 1 << RANK_WZ;
  }
  // Prices: yp_info_new (39) when present, else yp_info (12) when it still has the group shape
  // (in 2018+ rows it is an opaque token: not prices, and not worth an issue).
  const newPrices = !fieldEmpty(n, 39);
  const pf = newPrices ? 39 : 12;
  const groups = pf < n ? readPriceGroupsAt(row, SFS[pf]!, SFE[pf]!) : -1;
  if (groups < 0) return newPrices || groupsNearby(row, n) ? -1 : 0;
  listing = true;
  const priceField = newPrices ? 'yp_info_new' : 'yp_info';
  for (let g = 0; g < groups; g++) {
    const at = SFS[pf]! + g * 10;
    const tenths = G_TENTHS[g]!;
    const standing = G_COUNT[g]! >= STANDING_OFFSET;
    const known = rankAt(row, at);
    const rank = standing ? RANK_WZ : known >= 0 ? known : RANK_QT;
    G_RANK[g] = rank;
    G_LEFT[g] = standing ? G_COUNT[g]! - STANDING_OFFSET : G_COUNT[g]!;
    listed |= 1 << rank;
    if (known < 0 && !standing) {
      const c = row[at]!;
      issues.push({ code: 'row-unknown-seat', row: i, field: priceField, message: `row ${i} (${code}): unknown seat code ${c} (counted as 其他)`, sample: c });
    }
    if (tenths === 0) {
      issues.push({ code: 'row-bad-price', row: i, field: priceField, message: `row ${i} (${code}): zero price for seat code ${row[at]!}` });
      continue;
    }
    if (PRICE_OF[rank] === -1) PRICE_OF[rank] = tenths * 10;
    if (!standing && known >= 0 && CODE_OF[rank] === 0) CODE_OF[rank] = row.charCodeAt(at);
  }
  return groups;
}

/** An empty yp_info_new with price groups a field or two away: the fields moved. */
function groupsNearby(row: string, n: number): boolean {
  for (let k = 37; k <= 41 && k < n; k++) if (k !== 39 && readPriceGroupsAt(row, SFS[k]!, SFE[k]!) > 0) return true;
  return false;
}

/**
 * Whether a price group of class `rank` says as many seats as the count cell: the groups carry
 * the seats left too (O055300021: 21), and real rows agree with their cells — a number is the
 * group's count, 有 is more than 20 (12306 writes numbers up to 20).
 */
function groupsAgree(groups: number, rank: number, a: Availability): boolean {
  for (let g = 0; g < groups; g++) {
    if (G_RANK[g] !== rank) continue;
    const left = G_LEFT[g]!;
    if (a.kind === 'plenty' ? left > 20 : a.kind === 'count' && left === a.n) return true;
  }
  return false;
}

export interface RowSeats {
  seats: Seat[];
  hasSeats: boolean;
  cheapest: RailOption['cheapest'];
  /** Set when the seat fields contradict each other: the row is out of place, no seats read. */
  damaged: LayoutProblem | undefined;
}

/** The pieces of readSeats' answer, reused: the caller copies them out before the next row. */
const OUT: RowSeats = { seats: [], hasSeats: false, cheapest: undefined, damaged: undefined };

function damaged(field: string, why: string): RowSeats {
  OUT.seats = [];
  OUT.hasSeats = false;
  OUT.cheapest = undefined;
  OUT.damaged = { field, why };
  return OUT;
}

/**
 * Seats of the row scanned last, with every issue about them. A class is claimed buyable only
 * when the row's own codes list it and, where the row has price groups, its group counts as many
 * seats: a count read from another column must not put seats on screen. Rows `fromObject` (written
 * from pre-2017 objects) name each count's class, so no column can be the wrong one.
 */
export function readSeats(row: string, n: number, i: number, code: string, issues: DecodeIssue[], fromObject = false): RowSeats {
  let groups = readCodesAndPrices(row, n, i, code, issues);
  if (groups < 0) {
    if (!fromObject) return damaged('yp_info_new', 'yp_info_new is not made of 10-character price groups');
    issues.push({ code: 'row-bad-price', row: i, field: 'yp_info_new', message: `row ${i} (${code}): yp_info_new is not made of 10-character price groups`, sample: excerpt(field(row, n, 39), 60) });
    groups = 0;
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
    const cs = SFS[fi]!;
    const ce = SFE[fi]!;
    if (cs === ce) continue; // empty: class not on this train (most cells; skips the call)
    const parsed = cellAt(row, cs, ce);
    if (parsed === null) continue;
    const cls = CLASSES[k]!;
    let availability: Availability;
    if (parsed === 'unknown') {
      issues.push({ code: 'row-unknown-seat', row: i, field: cls.field, message: `row ${i} (${code}): unreadable ${cls.field} cell (kept as not on sale)`, sample: excerpt(field(row, n, fi), 20) });
      availability = AVAIL_NOT_ON_SALE;
    } else availability = parsed;
    if (!fromObject && buyable(availability)) {
      if (!(listed & (1 << k))) {
        // No code of the row names this class: the count came from another column.
        if (listing) issues.push({ code: 'row-unknown-seat', row: i, field: cls.field, message: `row ${i} (${code}): seats in ${cls.field} but no seat code lists the class; not listed`, sample: excerpt(field(row, n, fi), 20) });
        continue;
      }
      if (groups > 0 && !groupsAgree(groups, k, availability)) return damaged(cls.field, `${cls.field} disagrees with the seats its price group counts`);
    }
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
  OUT.seats = seats;
  OUT.damaged = undefined;
  OUT.hasSeats = hasSeats;
  OUT.cheapest = cheapest;
  return OUT;
}
