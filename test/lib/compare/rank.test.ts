import { describe, expect, it } from 'vitest';
import { rank, topsOf, type Rankable } from '../../../lib/compare/rank';

const H = 3_600_000;
const o = (id: string, price: number | undefined, d2d: number, reachH: number, soldOut = false): Rankable => ({
  id,
  doorToDoorMin: d2d,
  reachDoor: reachH * H,
  soldOut,
  ...(price === undefined ? {} : { price }),
});

describe('rank', () => {
  // A small set with known answers:
  //   A ¥500, 6h, at the door 14:00    B ¥700, 5h, 12:00   C ¥900, 3h, 11:00
  //   D ¥800, 7h, 15:00 (dominated by B: dearer and later)   E ¥300 sold out, 2h, 09:00
  //   F no price, 4h, 13:00
  const set = [o('A', 50000, 360, 14), o('B', 70000, 300, 12), o('C', 90000, 180, 11), o('D', 80000, 420, 15), o('E', 30000, 120, 9, true), o('F', undefined, 240, 13)];

  it('finds cheapest, fastest and earliest among buyable options only', () => {
    const r = rank(set);
    expect(r.cheapest).toBe('A'); // E is cheaper but sold out
    expect(r.fastest).toBe('C'); // E is faster but sold out
    expect(r.earliestArrival).toBe('C');
  });

  it('computes the Pareto front of (price, arrival), by arrival', () => {
    expect(rank(set).pareto).toEqual(['C', 'B', 'A']);
  });

  it('keeps options with equal price and arrival both on the front, and breaks ties deterministically', () => {
    const r = rank([o('X', 500, 100, 10), o('Y', 500, 100, 10), o('Z', 600, 90, 10)]);
    expect(r.pareto).toEqual(['X', 'Y']);
    expect(r.cheapest).toBe('X');
    expect(r.fastest).toBe('Z');
  });

  it('an option without a price can be fastest but never cheapest or on the front', () => {
    const r = rank([o('N', undefined, 60, 8), o('P', 1000, 200, 12)]);
    expect(r.fastest).toBe('N');
    expect(r.earliestArrival).toBe('N');
    expect(r.cheapest).toBe('P');
    expect(r.pareto).toEqual(['P']);
  });

  it('ranks nothing when everything is sold out', () => {
    expect(rank([o('S', 100, 10, 1, true)])).toEqual({ pareto: [] });
  });

  it('lists what each option tops', () => {
    const r = rank(set);
    expect(topsOf('C', r)).toEqual(['fastest', 'earliest', 'pareto']);
    expect(topsOf('A', r)).toEqual(['cheapest', 'pareto']);
    expect(topsOf('D', r)).toEqual([]);
    expect(topsOf('E', r)).toEqual([]);
  });
});

describe('rank: Pareto front against the definition', () => {
  it('matches a brute-force front on random sets', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const set = Array.from({ length: 40 }, (_, i) =>
        o(`o${i}`, rand() < 0.1 ? undefined : 100 * Math.floor(rand() * 10), 100, Math.floor(rand() * 12), rand() < 0.1),
      );
      const priced = set.filter((x) => !x.soldOut && x.price !== undefined);
      const dominated = (b: Rankable) =>
        priced.some((a) => a.price! <= b.price! && a.reachDoor <= b.reachDoor && (a.price! < b.price! || a.reachDoor < b.reachDoor));
      const expected = priced.filter((b) => !dominated(b)).map((x) => x.id).sort();
      expect([...rank(set).pareto].sort()).toEqual(expected);
    }
  });
});
