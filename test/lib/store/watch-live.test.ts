// A check's fields as a route item holds them: whatever a check writes reads back the same,
// including 候补 sightings and sightings of a neighbouring day (which keep their date).
import { describe, expect, it } from 'vitest';
import { applyFields, packFields } from '../../../lib/store/watch-live';
import { chinaDateOf } from '../../../lib/time';

const B = 1_790_000_000_000;
const DEPART = B - 3_600_000;
// As the scheduler writes them: the day asked about is the China date of the departure.
const seat = { trainNo: '240000G1010D', code: 'G101', cls: 'ze', name: '二等座', nameEn: '2nd class', n: 5, price: 55300, depart: DEPART, date: chinaDateOf(DEPART) };

describe('a route item\'s fields', () => {
  it('read back exactly: seats, 候补, a neighbouring day\'s sighting, a removed field', () => {
    const changed = {
      lastCheckedAt: B,
      available: [seat, { ...seat, code: 'G103', depart: DEPART + 86_400_000, date: chinaDateOf(DEPART + 86_400_000) }, { ...seat, code: 'G105', date: '2026-12-02' }],
      waitlist: [{ ...seat, cls: 'zy', name: '一等座', nameEn: '1st class', n: null }],
      notifiedAt: undefined,
    };
    const packed = packFields(changed, B);
    // Compact where it can be: 候补 sightings travel as tuples like seats do, without their day;
    // a sighting whose day is not its departure's is kept whole.
    expect(Array.isArray((packed.W as unknown[])[0])).toBe(true);
    expect((packed.a as unknown[]).map((x) => Array.isArray(x))).toEqual([true, true, false]);
    const read = applyFields({ id: 'w1', notifiedAt: B - 1 }, JSON.parse(JSON.stringify(packed)), B);
    expect(read).toEqual({ id: 'w1', lastCheckedAt: B, available: changed.available, waitlist: changed.waitlist });
  });
});
