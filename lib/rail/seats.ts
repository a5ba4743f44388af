// 12306 seat classes: which seat code letter means which class, where each class's seat count
// sits in a left-ticket row, and how to read the count cells and the price groups.
import type { Availability, Fen, SeatClassId } from '../model';

export interface SeatClassInfo {
  id: SeatClassId;
  /** Index of this class's count cell in a pipe row (gg_num = 20 … srrb_num = 33). */
  index: number;
  /** Field name of the count in the pre-2017 object format (and in 12306's own JS). */
  field: string;
  /** Default names, used when no seat code tells a more precise one (一等卧 vs 软卧). */
  name: string;
  nameEn: string;
}

/**
 * Every class, in the column order 12306's result table uses: premium to cheapest within each
 * kind of train (seats of high-speed trains first, then sleepers, then conventional seats).
 */
export const SEAT_CLASSES: readonly SeatClassInfo[] = [
  { id: 'swz', index: 32, field: 'swz_num', name: '商务座', nameEn: 'Business' },
  { id: 'tz', index: 25, field: 'tz_num', name: '特等座', nameEn: 'Premium' },
  { id: 'gg', index: 20, field: 'gg_num', name: '优选一等座', nameEn: 'Premium first' },
  { id: 'zy', index: 31, field: 'zy_num', name: '一等座', nameEn: 'First class' },
  { id: 'ze', index: 30, field: 'ze_num', name: '二等座', nameEn: 'Second class' },
  { id: 'gr', index: 21, field: 'gr_num', name: '高级软卧', nameEn: 'Deluxe soft sleeper' },
  { id: 'rw', index: 23, field: 'rw_num', name: '软卧', nameEn: 'Soft sleeper' },
  { id: 'srrb', index: 33, field: 'srrb_num', name: '动卧', nameEn: 'EMU sleeper' },
  { id: 'yw', index: 28, field: 'yw_num', name: '硬卧', nameEn: 'Hard sleeper' },
  { id: 'rz', index: 24, field: 'rz_num', name: '软座', nameEn: 'Soft seat' },
  { id: 'yz', index: 29, field: 'yz_num', name: '硬座', nameEn: 'Hard seat' },
  { id: 'wz', index: 26, field: 'wz_num', name: '无座', nameEn: 'Standing' },
  { id: 'qt', index: 22, field: 'qt_num', name: '其他', nameEn: 'Other' },
];

export const SEAT_CLASS_BY_ID: Readonly<Record<SeatClassId, SeatClassInfo>> = Object.fromEntries(
  SEAT_CLASSES.map((c) => [c.id, c]),
) as Record<SeatClassId, SeatClassInfo>;

/** Rank of a class in SEAT_CLASSES (0 = most premium), for sorting seats. */
export const SEAT_CLASS_RANK: Readonly<Record<SeatClassId, number>> = Object.fromEntries(
  SEAT_CLASSES.map((c, i) => [c.id, i]),
) as Record<SeatClassId, number>;

export interface SeatCodeInfo {
  cls: SeatClassId;
  name: string;
  nameEn: string;
}

/** Seat code letters (yp_info / yp_info_new / seat_types) → class and the name 12306 shows. */
export const SEAT_CODES: Readonly<Record<string, SeatCodeInfo>> = {
  '9': { cls: 'swz', name: '商务座', nameEn: 'Business' },
  P: { cls: 'tz', name: '特等座', nameEn: 'Premium' },
  M: { cls: 'zy', name: '一等座', nameEn: 'First class' },
  D: { cls: 'gg', name: '优选一等座', nameEn: 'Premium first' },
  O: { cls: 'ze', name: '二等座', nameEn: 'Second class' },
  S: { cls: 'ze', name: '二等包座', nameEn: 'Second class compartment' },
  '6': { cls: 'gr', name: '高级软卧', nameEn: 'Deluxe soft sleeper' },
  A: { cls: 'gr', name: '高级动卧', nameEn: 'Deluxe EMU sleeper' },
  '4': { cls: 'rw', name: '软卧', nameEn: 'Soft sleeper' },
  I: { cls: 'rw', name: '一等卧', nameEn: 'First class sleeper' },
  F: { cls: 'srrb', name: '动卧', nameEn: 'EMU sleeper' },
  '3': { cls: 'yw', name: '硬卧', nameEn: 'Hard sleeper' },
  J: { cls: 'yw', name: '二等卧', nameEn: 'Second class sleeper' },
  '2': { cls: 'rz', name: '软座', nameEn: 'Soft seat' },
  '1': { cls: 'yz', name: '硬座', nameEn: 'Hard seat' },
  W: { cls: 'wz', name: '无座', nameEn: 'Standing' },
  WZ: { cls: 'wz', name: '无座', nameEn: 'Standing' },
};

/** Class of a seat code; codes we do not know count as 其他 (qt_num), as 12306 shows them. */
export function seatCodeClass(code: string): SeatClassId {
  return SEAT_CODES[code]?.cls ?? 'qt';
}

/** The code letter 12306 uses for a class when nothing more specific is known (builders, tests). */
export const DEFAULT_CODE: Readonly<Record<SeatClassId, string>> = {
  swz: '9', tz: 'P', gg: 'D', zy: 'M', ze: 'O', gr: '6', rw: '4', srrb: 'F', yw: '3', rz: '2', yz: '1', wz: 'W', qt: 'Q',
};

/** Shared, frozen values for the word cells (有 无 候补 *): decoders hand out these instances. */
export const AVAIL_PLENTY: Availability = Object.freeze({ kind: 'plenty' });
export const AVAIL_NONE: Availability = Object.freeze({ kind: 'none' });
export const AVAIL_WAITLIST: Availability = Object.freeze({ kind: 'waitlist' });
export const AVAIL_NOT_ON_SALE: Availability = Object.freeze({ kind: 'not-on-sale' });

/**
 * Reads one seat-count cell. null = the class is not on this train (`--` or empty);
 * 'unknown' = a value we have never seen (the caller reports it as an issue).
 * Shared frozen objects for the word cells keep the hot path allocation-free.
 */
export function parseAvailability(cell: string): Availability | null | 'unknown' {
  const c = cell.length > 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32) ? cell.trim() : cell;
  switch (c) {
    case '':
    case '--':
      return null;
    case '有':
      return AVAIL_PLENTY;
    case '无':
      return AVAIL_NONE;
    case '候补':
      return AVAIL_WAITLIST;
    case '*':
      return AVAIL_NOT_ON_SALE;
  }
  if (c.length > 6) return 'unknown';
  let n = 0;
  for (let i = 0; i < c.length; i++) {
    const d = c.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 'unknown';
    n = n * 10 + d;
  }
  return n === 0 ? AVAIL_NONE : { kind: 'count', n };
}

/** Seats can be bought now: a count above zero or 有. Waitlist and not-yet-on-sale are not. */
export function isBuyable(a: Availability): boolean {
  return a.kind === 'plenty' || (a.kind === 'count' && a.n > 0);
}

export interface PriceGroup {
  code: string;
  price: Fen;
  count: number;
  /** 无座 priced like the class of `code` (count field ≥ 3000). */
  standing: boolean;
}

/** A count of 3000 or more in a price group means standing (无座), count − 3000 left. */
export const STANDING_OFFSET = 3000;

/**
 * Price groups of yp_info_new (or of yp_info where it still had this shape): 10 characters each,
 * seat code (1) + price in tenths of a yuan (5 digits) + count (4 digits).
 * `O055300021` = 二等座 ¥553.0, 21 left. Returns null when `s` is not made of such groups
 * (empty, or an opaque token as in 2018+ yp_info).
 */
export function parsePriceGroups(s: string): PriceGroup[] | null {
  const len = s.length;
  if (len === 0 || len % 10 !== 0) return null;
  const out: PriceGroup[] = [];
  for (let at = 0; at < len; at += 10) {
    const cc = s.charCodeAt(at);
    // Seat codes are one digit or letter.
    if (!((cc >= 48 && cc <= 57) || (cc >= 65 && cc <= 90) || (cc >= 97 && cc <= 122))) return null;
    const code = s[at]!;
    let tenths = 0;
    let count = 0;
    for (let i = 1; i < 10; i++) {
      const d = s.charCodeAt(at + i) - 48;
      if (d < 0 || d > 9) return null;
      if (i <= 5) tenths = tenths * 10 + d;
      else count = count * 10 + d;
    }
    const standing = count >= STANDING_OFFSET;
    out.push({ code, price: tenths * 10, count: standing ? count - STANDING_OFFSET : count, standing });
  }
  return out;
}

/** Writes price groups back in the wire shape (inverse of parsePriceGroups; used by row builders). */
export function formatPriceGroup(g: PriceGroup): string {
  const tenths = Math.round(g.price / 10);
  const count = g.standing ? g.count + STANDING_OFFSET : g.count;
  return `${g.code}${String(tenths).padStart(5, '0')}${String(count).padStart(4, '0')}`;
}
