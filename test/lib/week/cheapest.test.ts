import { describe, expect, it } from 'vitest';
import { airDay, railDay } from '../../../lib/week/cheapest';
import { at, count, fare, flight, none, plenty, seat, train, waitlist, YOUTH, MEMBER } from '../compare/make';

const MORNING = at('06:00');

describe('the week strip: cheapest train of a day', () => {
  it('is the cheapest class that can be bought now; sold-out and waitlist-only trains do not count', () => {
    const trains = [
      train('G1', 'VNP', 'AOH', '09:00', '13:30', [seat('ze', 55300, plenty), seat('zy', 93300, count(3))]),
      train('G3', 'VNP', 'AOH', '10:00', '14:30', [seat('ze', 50000, none), seat('zy', 90000, count(2))]),
      train('G5', 'VNP', 'AOH', '11:00', '15:30', [seat('ze', 30000, waitlist)]),
      train('D7', 'BJP', 'SHH', '20:00', '08:00', [seat('rw', 41000, count(1))], { arriveDay: 1 }),
    ];
    expect(railDay(trains, MORNING)).toEqual({ state: 'ok', cheapest: 41000, seatsLeft: true, trains: 4 });
  });

  it('says no seat is left at all when every train is sold out (no price to draw)', () => {
    const trains = [
      train('G1', 'VNP', 'AOH', '09:00', '13:30', [seat('ze', 55300, none)]),
      train('G3', 'VNP', 'AOH', '10:00', '14:30', [seat('ze', 50000, waitlist)]),
    ];
    expect(railDay(trains, MORNING)).toEqual({ state: 'ok', seatsLeft: false, trains: 2 });
  });

  it('leaves out trains that have already left', () => {
    const trains = [
      train('G1', 'VNP', 'AOH', '07:00', '11:30', [seat('ze', 30000, plenty)]),
      train('G3', 'VNP', 'AOH', '12:00', '16:30', [seat('ze', 55300, plenty)]),
    ];
    expect(railDay(trains, at('08:00'))).toMatchObject({ cheapest: 55300 });
  });
});

describe('the week strip: cheapest flight of a day', () => {
  it('is the cheapest ordinary adult fare, taxes in: conditional fares never win', () => {
    const flights = [
      flight('MU5101', 'PEK', 'SHA', '08:00', '10:10', [fare(60000, { taxes: 12000 }), fare(30000, { taxes: 12000, condition: YOUTH })]),
      flight('CA1501', 'PEK', 'SHA', '09:00', '11:10', [fare(20000, { taxes: 12000, condition: MEMBER })]),
      flight('HU7601', 'PEK', 'SHA', '10:00', '12:10', [fare(65000, { total: 70000 })]),
      flight('FM9102', 'PEK', 'SHA', '11:00', '13:10', [fare(40000, { taxes: 12000, seatsLeft: 0 })]),
    ];
    expect(airDay(flights, MORNING)).toEqual({ state: 'ok', cheapest: 70000, taxesIn: true, flights: 4 });
  });

  it('prefers a taxes-in fare over a lower bare one; a bare fare only when no flight gives taxes', () => {
    const taxed = flight('MU5101', 'PEK', 'SHA', '08:00', '10:10', [fare(60000, { taxes: 12000 })]);
    const bare = flight('CA1501', 'PEK', 'SHA', '09:00', '11:10', [fare(50000)]);
    expect(airDay([taxed, bare], MORNING)).toMatchObject({ cheapest: 72000, taxesIn: true });
    expect(airDay([bare], MORNING)).toMatchObject({ cheapest: 50000, taxesIn: false });
  });

  it('has no price when only restricted fares or departed flights are left', () => {
    const flights = [
      flight('MU5101', 'PEK', 'SHA', '05:00', '07:10', [fare(60000, { taxes: 12000 })]),
      flight('CA1501', 'PEK', 'SHA', '09:00', '11:10', [fare(20000, { taxes: 12000, condition: YOUTH })]),
    ];
    expect(airDay(flights, MORNING)).toEqual({ state: 'ok', taxesIn: true, flights: 2 });
  });
});
