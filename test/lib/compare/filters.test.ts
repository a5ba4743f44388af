import { describe, expect, it } from 'vitest';
import { compare, type CompareOptions } from '../../../lib/compare';
import { doorClock } from '../../../lib/compare/door-clock';
import { DEFAULT_FILTERS, departedLast, filterTrains, trainPasses } from '../../../lib/compare/filter';
import type { AirOption, RailOption } from '../../../lib/model';
import { airResult, at, count, fare, flight, none, plenty, railResult, seat, train, waitlist } from './make';

const NOW = at('06:00');
// G1 09:00: 二等座 候补 only (¥300), 一等座 ¥900 with seats. G5 13:00: 二等座 ¥553. Z281 20:00 overnight ¥476.
const g1 = train('G1', 'VNP', 'AOH', '09:00', '13:25', [seat('ze', 30000, waitlist), seat('zy', 90000, count(3))]);
const g5 = train('G5', 'VNP', 'AOH', '13:00', '17:30', [seat('ze', 55300, plenty), seat('zy', 93000, none)]);
const z281 = train('Z281', 'BXP', 'AOH', '20:00', '07:00', [seat('rw', 47600, count(2))], { arriveDay: 1 });
const mu = flight('MU5102', 'PEK', 'SHA', '08:00', '09:50', [fare(58000, { taxes: 10000 })]);
const late = flight('HO1252', 'PEK', 'SHA', '22:30', '23:55', [fare(40000, { taxes: 10000 })]);

function run(opts: CompareOptions = {}, trains: RailOption[] = [g1, g5, z281], flights: AirOption[] = [mu, late]) {
  const r = compare({ now: NOW, rail: { result: railResult(trains), fetchedAt: NOW }, air: { result: airResult(flights), fetchedAt: NOW } }, opts);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}
const find = (c: ReturnType<typeof run>, id: string) => c.options.find((o) => o.id === id)!;

describe('cheapest', () => {
  it('is the lowest price that can be bought now; waitlist-only classes are listed apart', () => {
    const c = run();
    const o = find(c, g1.id);
    expect(o.price).toBe(90000);
    expect(o.priceClass?.zh).toBe('一等座');
    expect(o.waitlist).toEqual([{ cls: 'ze', name: '二等座', nameEn: 'Second class', price: 30000 }]);
    expect(c.rankings.cheapest).toBe(z281.id);
    expect(run({}, [g1, g5], [mu]).rankings.cheapest).toBe(g5.id);
  });
});

describe('earliest at the door', () => {
  it('is a clock time, with +1 the next day, in a field and in the verdict', () => {
    const c = run();
    expect(find(c, mu.id).reachDoorAt).toEqual({ hm: '10:20', dayOffset: 0, text: '10:20' });
    // HO1252 lands 23:55, at the door 30 min later: 00:25 the next day.
    expect(find(c, late.id).reachDoorAt).toEqual({ hm: '00:25', dayOffset: 1, text: '00:25+1' });
    expect(find(c, z281.id).reachDoorAt.text).toBe('07:15+1');
    expect(c.verdict.zh).toContain('最早到达：MU5102 10:20 到门。');
    const night = run({ filters: { fromHour: 20 } });
    expect(night.rankings.earliestArrival).toBe(late.id);
    expect(night.verdict.zh).toContain('最早到达：HO1252 00:25+1 到门。');
    expect(night.verdict.en).toContain('Earliest at the door: HO1252 at 00:25+1.');
    expect(doorClock(at('23:00', -1), '2026-03-10').text).toBe('23:00-1');
  });
});

describe('filters', () => {
  it('keep other train types listed but out of the rankings and the verdict', () => {
    const c = run({ filters: { types: ['ZTK'] } });
    expect(find(c, g5.id).excluded).toBe('filtered');
    expect(find(c, g5.id).tops).toEqual([]);
    expect(c.rankings.fastest).not.toBe(g5.id);
    expect(c.verdict.zh).toMatch(/^直达 Z281 软卧 ¥476/);
    expect(run().verdict.zh).toMatch(/^高铁 G1 一等座 ¥900/);
  });

  it('apply the departure window to trains and flights', () => {
    const c = run({ filters: { fromHour: 12, toHour: 21 } });
    expect(find(c, g1.id).excluded).toBe('filtered');
    expect(find(c, mu.id).excluded).toBe('filtered');
    expect(find(c, late.id).excluded).toBe('filtered');
    expect(c.verdict.zh).toMatch(/^最快 高铁 G5 二等座 ¥553.*；没有符合筛选条件的航班。/);
    expect(c.verdict.en).toContain('no flights match the filters');
  });

  it('compare the chosen class, and name it', () => {
    const c = run({ filters: { cls: 'zy' } });
    expect(find(c, g1.id)).toMatchObject({ price: 90000, priceClass: { id: 'zy', zh: '一等座', en: 'First class' } });
    expect(find(c, g5.id).soldOut).toBe(true); // its 一等座 is sold out, though 二等座 is not
    expect(find(c, z281.id).excluded).toBe('filtered'); // no 一等座 at all
    expect(c.rankings.cheapest).toBe(late.id); // ¥500: Z281's ¥476 软卧 is not in the chosen class
    expect(c.verdict.zh).toMatch(/^高铁 G1 一等座 ¥900，/);
    expect(c.verdict.en).toMatch(/^High-speed G1 first class ¥900, /);
  });

  it('with "only with seats", drop trains without seats in the class', () => {
    const c = run({ filters: { cls: 'ze', onlyBuyable: true } });
    expect(find(c, g1.id).excluded).toBe('filtered'); // 二等座 候补 only
    expect(find(c, g5.id).excluded).toBeUndefined();
    expect(c.rankings.fastest).not.toBe(g1.id);
  });

  it('say "no train matches the filters" even when a train filtered out is not on sale yet, and count only what they keep', () => {
    const g9 = train('G9', 'VNP', 'AOH', '15:00', '19:30', [seat('ze', 55300, { kind: 'not-on-sale' })], { status: 'not-yet', saleTime: '1230' });
    const none = run({ filters: { types: ['ZTK'] } }, [g1, g5, g9], [mu]);
    expect(find(none, g9.id).excluded).toBe('filtered');
    expect(none.verdict.zh).toMatch(/^没有符合筛选条件的火车；/);
    expect(run({}, [g9], [mu]).options.find((o) => o.id === g9.id)).toMatchObject({ excluded: 'not-on-sale', saleOpens: '12:30' });
    const soldOut = run({ filters: { cls: 'zy' } }, [g5, z281], [mu]);
    expect(soldOut.verdict.zh).toMatch(/^符合筛选条件的火车全部无票（1 趟）；/);
    expect(soldOut.verdict.en).toMatch(/^All 1 trains matching the filters sold out; /);
  });

  it('departedLast keeps the order and puts what has left at the end', () => {
    expect(departedLast([g1, g5, z281], at('10:00')).map((t) => t.code)).toEqual(['G5', 'Z281', 'G1']);
    expect(departedLast([g1, g5, z281], NOW).map((t) => t.code)).toEqual(['G1', 'G5', 'Z281']);
  });

  it('trainPasses agrees with the popup list', () => {
    const f = { ...DEFAULT_FILTERS, types: ['GDC' as const], cls: 'ze' as const, onlyBuyable: true };
    expect([g1, g5, z281].filter((t) => trainPasses(t, f))).toEqual(filterTrains([g1, g5, z281], f));
    expect(filterTrains([g1, g5, z281], f).map((t) => t.code)).toEqual(['G5']);
  });
});
