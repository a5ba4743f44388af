// Impossible searches are named before anything is sent; a date past 12306's window is not one
// of them (flights are searched, trains say when they go on sale).
import { describe, expect, it } from 'vitest';
import type { ChinaDate } from '../../lib/model';
import type { Place } from '../../lib/store/last-search';
import { searchDates, searchProblem, SEARCH_DAYS } from '../../lib/search/problems';
import { lastOnSale, saleDayOf, saleOpening } from '../../lib/rail/presale';
import { chinaInstant } from '../../lib/time';

const TODAY = '2026-11-26' as ChinaDate;
// 23:30 China time = 15:30 UTC: a machine in UTC would still call it the 26th, one in Honolulu the 25th.
const NOW = chinaInstant(TODAY, 23 * 60 + 30);
const bj: Place = { kind: 'city', name: '北京', telecode: 'BJP', city: '北京' };
const bjs: Place = { kind: 'station', name: '北京南', telecode: 'VNP', city: '北京' };
const sh: Place = { kind: 'city', name: '上海', telecode: 'SHH', city: '上海' };

describe('searchProblem', () => {
  it('accepts an ordinary search, also past the presale window', () => {
    expect(searchProblem({ from: bj, to: sh, date: TODAY }, NOW)).toBeUndefined();
    expect(searchProblem({ from: bj, to: sh, date: '2026-12-30' as ChinaDate }, NOW)).toBeUndefined();
  });
  it('names the end not chosen', () => {
    expect(searchProblem({ from: null, to: sh, date: TODAY }, NOW)).toEqual({ kind: 'missing', end: 'from' });
    expect(searchProblem({ from: bj, to: null, date: TODAY }, NOW)).toEqual({ kind: 'missing', end: 'to' });
  });
  it('refuses the same station, and two stations of one city', () => {
    expect(searchProblem({ from: bj, to: bj, date: TODAY }, NOW)).toEqual({ kind: 'same-place' });
    expect(searchProblem({ from: bj, to: bjs, date: TODAY }, NOW)).toEqual({ kind: 'same-city', city: '北京' });
  });
  it('refuses a day that has passed in China and one beyond what is sold', () => {
    expect(searchProblem({ from: bj, to: sh, date: '2026-11-25' as ChinaDate }, NOW)).toEqual({ kind: 'past-date' });
    const dates = searchDates(NOW);
    expect(dates).toHaveLength(SEARCH_DAYS);
    expect(dates[0]).toBe(TODAY);
    expect(searchProblem({ from: bj, to: sh, date: dates.at(-1)! }, NOW)).toBeUndefined();
    expect(searchProblem({ from: bj, to: sh, date: '2027-01-25' as ChinaDate }, NOW)).toEqual({ kind: 'too-far', last: dates.at(-1) });
  });
});

describe('presale', () => {
  it('sells 15 days including today, each date from 14 days before', () => {
    expect(lastOnSale(NOW)).toBe('2026-12-10');
    expect(saleDayOf('2026-12-11' as ChinaDate)).toBe('2026-11-27');
  });
  it('gives the opening instant from the station\'s own time, China time', () => {
    expect(saleOpening('2026-12-11' as ChinaDate, NOW, '1230')).toEqual({ day: '2026-11-27', at: chinaInstant('2026-11-27' as ChinaDate, 12 * 60 + 30) });
    // Opened already (today's date is on sale), or opening today at an hour that has passed.
    expect(saleOpening('2026-12-10' as ChinaDate, NOW, '0800')).toBeUndefined();
    expect(saleOpening('2026-12-10' as ChinaDate, chinaInstant(TODAY, 7 * 60), '0800')).toEqual({ day: TODAY, at: chinaInstant(TODAY, 8 * 60) });
  });
  it('gives the day alone without the station\'s time, and nothing once that day has come', () => {
    expect(saleOpening('2026-12-20' as ChinaDate, NOW)).toEqual({ day: '2026-12-06' });
    expect(saleOpening('2026-12-10' as ChinaDate, NOW)).toBeUndefined();
    expect(saleOpening('2026-12-11' as ChinaDate, NOW, 'x')).toEqual({ day: '2026-11-27' });
  });
});
