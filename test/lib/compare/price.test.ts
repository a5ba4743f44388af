import { describe, expect, it } from 'vitest';
import { airPrice, railPrice } from '../../../lib/compare/price';
import { count, fare, flight, none, plenty, seat, train } from './make';

describe('railPrice', () => {
  it('takes the cheapest class that can be bought (count > 0 or 有)', () => {
    const t = train('G1', 'VNP', 'AOH', '09:00', '13:28', [
      seat('swz', 174800, count(3)),
      seat('zy', 93300, plenty),
      seat('ze', 55300, none), // cheaper, but sold out
      seat('wz', 55300, { kind: 'waitlist' }),
    ]);
    expect(railPrice(t)).toMatchObject({ price: 93300, soldOut: false, priceIncludesTaxes: true });
  });

  it('marks a train with nothing buyable as sold out, with the lowest listed fare in the note', () => {
    const p = railPrice(train('G3', 'VNP', 'AOH', '09:00', '13:28', [seat('ze', 55300, none), seat('wz', 55300, { kind: 'waitlist' })]));
    expect(p.soldOut).toBe(true);
    expect(p.price).toBeUndefined();
    expect(p.note?.zh).toBe('无票，可候补（最低票价 ¥553）');
  });

  it('says when seats are left but no fare is listed', () => {
    const p = railPrice(train('K5', 'VNP', 'AOH', '09:00', '23:00', [seat('yz', undefined, count(12))]));
    expect(p.soldOut).toBe(false);
    expect(p.price).toBeUndefined();
    expect(p.note?.en).toMatch(/fare not listed/);
  });

  it('treats a cancelled train and one not yet on sale as not buyable, saying why', () => {
    const cancelled = railPrice(train('G5', 'VNP', 'AOH', '09:00', '13:28', [seat('ze', 55300, plenty)], { status: 'suspended' }));
    expect(cancelled.soldOut).toBe(true);
    expect(cancelled.note?.zh).toMatch(/^列车停运/);
    const later = railPrice(
      train('G7', 'VNP', 'AOH', '09:00', '13:28', [seat('ze', 55300, { kind: 'not-on-sale' })], { status: 'not-yet', saleTime: '1230' }),
    );
    expect(later.soldOut).toBe(true);
    expect(later.note?.zh).toBe('12:30 开售（最低票价 ¥553）');
  });
});

describe('airPrice', () => {
  it('adds taxes when the source gives them, and says so', () => {
    const f = flight('MU5102', 'PEK', 'SHA', '08:00', '10:10', [fare(68000, { taxes: 11000 }), fare(90000, { taxes: 11000 })]);
    const p = airPrice(f);
    expect(p).toMatchObject({ price: 79000, priceIncludesTaxes: true, soldOut: false });
    expect(p.note?.zh).toBe('票价 ¥680 + 税费 ¥110');
  });

  it('uses the listed fare alone when taxes are unknown, and says so', () => {
    const p = airPrice(flight('CA1501', 'PEK', 'SHA', '08:00', '10:10', [fare(120000), fare(68000)]));
    expect(p).toMatchObject({ price: 68000, priceIncludesTaxes: false });
    expect(p.note?.en).toMatch(/excl/);
  });

  it('skips fares with no seats left, and marks a flight with none as sold out', () => {
    expect(airPrice(flight('HU1', 'PEK', 'SHA', '08:00', '10:10', [fare(50000, { seatsLeft: 0 }), fare(70000, { seatsLeft: 2 })])).price).toBe(70000);
    const gone = airPrice(flight('HU2', 'PEK', 'SHA', '08:00', '10:10', []));
    expect(gone.soldOut).toBe(true);
    expect(gone.price).toBeUndefined();
  });
});
