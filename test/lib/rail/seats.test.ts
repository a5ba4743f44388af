import { describe, expect, it } from 'vitest';
import {
  SEAT_CLASSES,
  SEAT_CLASS_BY_ID,
  SEAT_CODES,
  formatPriceGroup,
  isBuyable,
  parseAvailability,
  parsePriceGroups,
  seatCodeClass,
} from '../../../lib/rail/seats';

describe('seat tables', () => {
  it('maps every class to its count field index of the documented row layout', () => {
    const idx = Object.fromEntries(SEAT_CLASSES.map((c) => [c.field, c.index]));
    expect(idx).toEqual({
      gg_num: 20, gr_num: 21, qt_num: 22, rw_num: 23, rz_num: 24, tz_num: 25, wz_num: 26,
      yw_num: 28, yz_num: 29, ze_num: 30, zy_num: 31, swz_num: 32, srrb_num: 33,
    });
  });
  it('orders classes from premium to cheapest, 商务座 first and 无座 / 其他 last', () => {
    expect(SEAT_CLASSES.map((c) => c.id)).toEqual(['swz', 'tz', 'gg', 'zy', 'ze', 'gr', 'rw', 'srrb', 'yw', 'rz', 'yz', 'wz', 'qt']);
  });
  it('maps seat codes to classes and names as 12306 shows them', () => {
    expect(SEAT_CODES['9']).toMatchObject({ cls: 'swz', name: '商务座' });
    expect(SEAT_CODES.O).toMatchObject({ cls: 'ze', name: '二等座' });
    expect(SEAT_CODES.S).toMatchObject({ cls: 'ze', name: '二等包座' });
    expect(SEAT_CODES.I).toMatchObject({ cls: 'rw', name: '一等卧' });
    expect(SEAT_CODES.J).toMatchObject({ cls: 'yw', name: '二等卧' });
    expect(SEAT_CODES.A).toMatchObject({ cls: 'gr', name: '高级动卧' });
    expect(SEAT_CODES.F).toMatchObject({ cls: 'srrb', name: '动卧' });
    expect(SEAT_CODES.D).toMatchObject({ cls: 'gg', name: '优选一等座' });
    expect(seatCodeClass('1')).toBe('yz');
    expect(seatCodeClass('H')).toBe('qt');
    expect(SEAT_CLASS_BY_ID.wz.name).toBe('无座');
  });
});

describe('parseAvailability', () => {
  it.each([
    ['21', { kind: 'count', n: 21 }],
    ['1', { kind: 'count', n: 1 }],
    ['0', { kind: 'none' }],
    ['有', { kind: 'plenty' }],
    ['无', { kind: 'none' }],
    ['候补', { kind: 'waitlist' }],
    ['*', { kind: 'not-on-sale' }],
    [' 7 ', { kind: 'count', n: 7 }],
  ])('%j → %j', (cell, want) => {
    expect(parseAvailability(cell)).toEqual(want);
  });
  it('says null for a class the train does not have', () => {
    expect(parseAvailability('--')).toBeNull();
    expect(parseAvailability('')).toBeNull();
  });
  it("says 'unknown' for anything else", () => {
    for (const cell of ['���', 'yes', '1a', '-1', '有票', '12345678']) expect(parseAvailability(cell)).toBe('unknown');
  });
  it('only counts above zero and 有 are buyable', () => {
    expect(isBuyable({ kind: 'count', n: 3 })).toBe(true);
    expect(isBuyable({ kind: 'plenty' })).toBe(true);
    expect(isBuyable({ kind: 'count', n: 0 })).toBe(false);
    expect(isBuyable({ kind: 'none' })).toBe(false);
    expect(isBuyable({ kind: 'waitlist' })).toBe(false);
    expect(isBuyable({ kind: 'not-on-sale' })).toBe(false);
  });
});

describe('parsePriceGroups', () => {
  it('reads the documented example: 二等座 ¥553.0 with 21 left, 无座 ¥553.0 with 0 left', () => {
    expect(parsePriceGroups('O055300021O055303000')).toEqual([
      { code: 'O', price: 55300, count: 21, standing: false },
      { code: 'O', price: 55300, count: 0, standing: true },
    ]);
  });
  it('reads tenths of a yuan exactly (¥933.5 = 93350 fen) and counts above 3000 as standing', () => {
    expect(parsePriceGroups('M093350000')).toEqual([{ code: 'M', price: 93350, count: 0, standing: false }]);
    expect(parsePriceGroups('1012033012')).toEqual([{ code: '1', price: 12030, count: 12, standing: true }]);
  });
  it('returns null for opaque tokens, empty text and broken groups', () => {
    expect(parsePriceGroups('')).toBeNull();
    expect(parsePriceGroups('qCLmi0H4RaZnKStT22x5xlcWVNUPqtpf01K24Hi6NQFCCjkD')).toBeNull();
    expect(parsePriceGroups('O05530002')).toBeNull(); // 9 characters
    expect(parsePriceGroups('O05530002X')).toBeNull();
    expect(parsePriceGroups('O055300021O05530300')).toBeNull();
    expect(parsePriceGroups('%05530002A')).toBeNull();
  });
  it('formatPriceGroup writes what parsePriceGroups reads', () => {
    const g = { code: 'O', price: 66900, count: 2, standing: true };
    expect(formatPriceGroup(g)).toBe('O066903002');
    expect(parsePriceGroups(formatPriceGroup(g))).toEqual([g]);
  });
});
