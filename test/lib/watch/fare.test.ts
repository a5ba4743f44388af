import { beforeEach, describe, expect, it } from 'vitest';
import type { AirOption, ChinaDate, FlightSearchResult } from '../../../lib/model';
import { chinaInstant } from '../../../lib/time';
import { checkFareWatches, lowestFare } from '../../../lib/watch/fare';
import { newFareWatch, type Watch } from '../../../lib/watch/model';
import { DATE, NOON, railWatch } from './support';
import { useTestLanguage } from '../../support/i18n';

function flight(flightNo: string, price: number | undefined, date: ChinaDate = DATE): AirOption {
  const depart = chinaInstant(date, 8 * 60);
  const fare = price === undefined ? undefined : { cabinClass: 'economy' as const, price };
  return {
    mode: 'air', id: `${flightNo}@${date}`, flightNo, airline: flightNo.slice(0, 2), date,
    from: { code: 'PEK', city: 'BJS' }, to: { code: 'SHA', city: 'SHA' },
    depart, arrive: depart + 2 * 3600_000, durationMin: 120, arriveDayOffset: 0, stops: 0, transfer: false,
    fares: fare ? [fare] : [], ...(fare ? { lowest: fare } : {}), source: 'fliggy',
  };
}
const result = (...prices: (number | undefined)[]): FlightSearchResult => ({
  source: 'fliggy', date: DATE, depCity: 'BJS', arrCity: 'SHA', airports: {}, airlines: {},
  flights: prices.map((p, i) => flight(`MU${510 + i}`, p)),
});
const fareWatch = (maxFen = 60000) => newFareWatch({ date: DATE, fromCity: 'BJS', toCity: 'SHA', maxFen }, 'f1', NOON);
const notifies = (a: { type: string }[]) => a.filter((x) => x.type === 'notify');

// The worker starts the user's language before building texts; these tests start it themselves.
beforeEach(() => void useTestLanguage('zh-CN'));

describe('flight-price watches', () => {
  it('finds the lowest fare and ignores sold-out flights', () => {
    expect(lowestFare(result(90000, undefined, 70000))).toEqual({ fen: 70000, includesTaxes: false, flightNo: 'MU512' });
    expect(lowestFare(result(undefined))).toBeUndefined();
  });

  it('compares fares taxes in: a lower bare fare with higher taxes is not the lowest', () => {
    const r = result(50000, 52000);
    r.flights[0]!.fares = [{ cabinClass: 'economy', price: 50000, taxes: 9000 }]; // ¥590 taxes in
    r.flights[1]!.fares = [{ cabinClass: 'economy', price: 52000, total: 57000 }]; // ¥570 taxes in
    expect(lowestFare(r)).toEqual({ fen: 57000, includesTaxes: true, flightNo: 'MU511' });
    // A watch at ¥560 stays quiet although both bare fares are below it…
    expect(notifies(checkFareWatches([fareWatch(56000)], r, NOON).actions)).toHaveLength(0);
    // …and at ¥570 the notification states the taxes-in price.
    const n = notifies(checkFareWatches([fareWatch(57000)], r, NOON).actions);
    expect(n).toMatchObject([{ notification: { title: '机票降价：¥570（含税费）', message: expect.stringContaining('最低价 ¥570（含税费，MU511）') } }]);
  });

  it('never fires on an age-limited fare below the threshold, unless the traveller qualifies', () => {
    const youth = { kinds: ['youth' as const], text: { zh: '限16–25周岁', en: 'ages 16–25 only' } };
    const r = result(80000);
    const young = { cabinClass: 'economy' as const, price: 33700, taxes: 5000, condition: youth };
    r.flights[0]!.fares = [{ cabinClass: 'economy', price: 80000, taxes: 5000 }, young];
    r.flights[0]!.lowest = young; // the decoder's lowest is by bare price: here the youth fare
    const plain = checkFareWatches([fareWatch(60000)], r, NOON);
    expect(notifies(plain.actions)).toHaveLength(0);
    expect(plain.watches[0]).toMatchObject({ lowestFen: 85000, below: false });
    const member = checkFareWatches([fareWatch(60000)], r, NOON, { language: 'zh-CN', notify: true, qualifies: { member: true } });
    expect(notifies(member.actions)).toHaveLength(0);
    useTestLanguage('en');
    const qualified = checkFareWatches([fareWatch(60000)], r, NOON, { language: 'en', notify: true, qualifies: { youth: true } });
    expect(notifies(qualified.actions)).toMatchObject([
      { notification: { title: 'Fare down to ¥387 (incl. taxes)', message: 'BJS → SHA 2026-11-23: lowest fare ¥387 (incl. taxes, MU510), at or below your ¥600', buttonTitle: 'Open Fliggy' } },
    ]);
  });

  it('notifies once when the lowest fare falls to the price, again only after it rose above', () => {
    const rail = railWatch();
    let ws: Watch[] = [fareWatch(), rail];
    const step = (...p: (number | undefined)[]) => {
      const r = checkFareWatches(ws, result(...p), NOON);
      ws = r.watches;
      return notifies(r.actions);
    };
    expect(step(65000, 80000)).toHaveLength(0);
    const n = step(65000, 60000);
    expect(n).toHaveLength(1);
    expect(n[0]).toMatchObject({ watchId: 'f1', notification: { title: expect.stringContaining('¥600'), url: expect.stringContaining('depCity=BJS&arrCity=SHA&depDate=2026-11-23') } });
    expect(step(59000)).toHaveLength(0);
    expect(step(61000)).toHaveLength(0);
    expect(step(58000)).toHaveLength(1);
    expect(ws[0]).toMatchObject({ lowestFen: 58000, lowestFlight: 'MU510', below: true });
    expect(ws[1]).toBe(rail); // the rail watch is untouched
  });

  it('ignores answers for another date or city pair', () => {
    const other = { ...result(10000), arrCity: 'CAN' };
    expect(notifies(checkFareWatches([fareWatch()], other, NOON).actions)).toHaveLength(0);
    const otherDay = { ...result(10000), date: '2026-11-24' as ChinaDate };
    expect(notifies(checkFareWatches([fareWatch()], otherDay, NOON).actions)).toHaveLength(0);
  });
});

describe('flight-price watches and the clock', () => {
  it('never fire on a flight that has already left', () => {
    const r = result(40000);
    const departed = r.flights[0]!.depart + 60_000;
    expect(lowestFare(r, {}, departed)).toBeUndefined();
    expect(notifies(checkFareWatches([fareWatch(60000)], r, departed).actions)).toHaveLength(0);
    expect(notifies(checkFareWatches([fareWatch(60000)], r, r.flights[0]!.depart - 60_000).actions)).toHaveLength(1);
  });
});
