import { describe, expect, it } from 'vitest';
import { compare, type CompareInput } from '../../../lib/compare';
import type { Place } from '../../../lib/compare/places';
import type { AirOption, FlightSearchResult, LeftTicketResult, RailOption } from '../../../lib/model';
import { MINUTE_MS } from '../../../lib/time';
import { DATE, at, count, fare, flight, none, plenty, seat, train } from './make';

const railResult = (trains: RailOption[], date = DATE): LeftTicketResult => ({ format: 'pipe', fieldCounts: [57], date, stationNames: {}, trains });
const airResult = (flights: AirOption[], date = DATE): FlightSearchResult => ({ source: 'fliggy', date, airports: {}, airlines: {}, flights });
const NOW = at('08:00', -1);

// G1: 09:00 → 13:25 (265 min) + 40 + 20 + 15 = 5h40 door to door, ¥669 二等座.
const g1 = train('G1', 'VNP', 'AOH', '09:00', '13:25', [seat('ze', 66900, plenty), seat('zy', 107000, count(4))]);
// MU5102: 08:00 → 09:50 (110 min) + 60 + 90 + 30 (Hongqiao egress) = 4h50, ¥580 + ¥100 taxes.
const mu = flight('MU5102', 'PEK', 'SHA', '08:00', '09:50', [fare(58000, { taxes: 10000 })]);

function run(input: Partial<CompareInput>, opts = {}) {
  const r = compare({ now: NOW, ...input }, opts);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}`);
  return r;
}

describe('compare', () => {
  it('writes the verdict comparing the best train with the cheapest flight', () => {
    const { value } = run({ rail: { result: railResult([g1]), fetchedAt: NOW }, air: { result: airResult([mu]), fetchedAt: NOW } });
    expect(value.verdict.zh).toBe('高铁 G1 二等座 ¥669，门到门 5小时40分；最便宜航班 MU5102 经济舱 ¥680，门到门 4小时50分：飞机快 50 分钟，贵 ¥11。最早到达：MU5102 10:20 到门。');
    expect(value.verdict.en).toBe(
      'High-speed G1 second class ¥669, 5h 40m door to door; cheapest flight MU5102 economy ¥680, 4h 50m door to door: the plane is 50m faster and ¥11 dearer. Earliest at the door: MU5102 at 10:20.',
    );
    expect(value.partial).toBeNull();
    expect(value.date).toBe(DATE);
    expect(value.rankings).toEqual({
      cheapest: g1.id,
      fastest: mu.id,
      earliestArrival: mu.id,
      pareto: [mu.id, g1.id],
    });
    const [first, second] = value.options; // by departure: the 08:00 flight first
    expect(first).toMatchObject({ id: mu.id, price: 68000, priceIncludesTaxes: true, doorToDoorMin: 290, tops: ['fastest', 'earliest', 'pareto'] });
    expect(second).toMatchObject({ id: g1.id, price: 66900, doorToDoorMin: 340, tops: ['cheapest', 'pareto'], priceNote: '二等座' });
    expect(value.sources).toEqual({ rail: { count: 1, ageMin: 0, stale: false }, air: { count: 1, ageMin: 0, stale: false } });
  });

  it('says when the train wins on time and money, and when fares exclude taxes', () => {
    const slowFlight = flight('CZ1', 'PKX', 'PVG', '09:00', '11:30', [fare(120000)]);
    const { value } = run(
      { rail: { result: railResult([g1]), fetchedAt: NOW }, air: { result: airResult([slowFlight]), fetchedAt: NOW } },
      { lang: 'en' },
    );
    // CZ1: 60+20 + 90 + 150 + 40+25 = 385 min door to door.
    expect(value.verdict.zh).toBe('高铁 G1 二等座 ¥669，门到门 5小时40分；最便宜航班 CZ1 经济舱 ¥1200（未含税费），门到门 6小时25分：火车快 45 分钟，至少便宜 ¥531。最早到达：CZ1 12:35 到门。');
    expect(value.options.find((o) => o.id === slowFlight.id)).toMatchObject({ priceIncludesTaxes: false, priceNote: 'excl. airport fee & fuel surcharge' });
  });

  it('never ranks or prices a bare fare (no taxes given) against a train: it only looks cheaper', () => {
    const bare = flight('CZ3', 'PKX', 'PVG', '09:00', '11:30', [fare(50000)]); // ¥500 bare, below G1's ¥669
    const taxed = flight('MU9', 'PEK', 'SHA', '10:00', '12:10', [fare(70000, { taxes: 5000 })]);
    const { value } = run({ rail: { result: railResult([g1]), fetchedAt: NOW }, air: { result: airResult([bare, taxed]), fetchedAt: NOW } });
    expect(value.rankings.cheapest).toBe(g1.id);
    expect(value.rankings.pareto).not.toContain(bare.id);
    // The verdict names the taxes-in fare as the cheapest flight, and says nothing of money it cannot know.
    expect(value.verdict.zh).toContain('最便宜航班 MU9');
    const onlyBare = run({ rail: { result: railResult([g1]), fetchedAt: NOW }, air: { result: airResult([bare]), fetchedAt: NOW } }).value;
    expect(onlyBare.rankings.cheapest).toBe(g1.id);
    expect(onlyBare.verdict.zh).toContain('（未含税费）');
    expect(onlyBare.verdict.zh).not.toMatch(/便宜 ¥|贵 ¥/);
  });

  it('compares an overnight train and a flight landing after midnight by instants', () => {
    const night = train('Z281', 'BXP', 'AOH', '20:00', '07:00', [seat('rw', 45000, count(2))], { arriveDay: 1 });
    const late = flight('HO1252', 'PEK', 'SHA', '22:30', '00:40', [fare(40000, { taxes: 10000 })], { arriveDay: 1 });
    const { value } = run({ rail: { result: railResult([night]), fetchedAt: NOW }, air: { result: airResult([late]), fetchedAt: NOW } });
    // Night train at the door 07:15 next day; flight at the door 01:10 next day.
    expect(value.options.find((o) => o.id === late.id)!.reachDoor).toBe(at('01:10', 1));
    expect(value.options.find((o) => o.id === night.id)!.reachDoor).toBe(at('07:15', 1));
    expect(value.rankings.earliestArrival).toBe(late.id);
    expect(value.rankings.fastest).toBe(late.id); // 60+90+130+30 = 310 min vs 40+20+660+15
    expect(value.rankings.cheapest).toBe(night.id);
  });

  it('keeps sold-out options listed but never ranks them', () => {
    const soldOut = train('G3', 'VNP', 'AOH', '07:00', '11:00', [seat('ze', 30000, none)]);
    const { value } = run({ rail: { result: railResult([soldOut, g1]), fetchedAt: NOW }, air: { result: airResult([mu]), fetchedAt: NOW } });
    const o = value.options.find((x) => x.id === soldOut.id)!;
    expect(o).toMatchObject({ soldOut: true, tops: [] });
    expect(o.price).toBeUndefined();
    expect(value.rankings.cheapest).toBe(g1.id);
    expect(value.rankings.pareto).not.toContain(soldOut.id);
  });

  it('refuses to compare two different days', () => {
    const r = compare({ now: NOW, rail: { result: railResult([g1]), fetchedAt: NOW }, air: { result: airResult([], '2026-03-11'), fetchedAt: NOW } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('different-dates');
    expect(!r.ok && r.error.message.en).toMatch(/2026-03-10.*2026-03-11/);
  });

  it('returns the typed error empty when there is nothing to compare', () => {
    const none1 = compare({ now: NOW });
    expect(!none1.ok && none1.error.code).toBe('empty');
    const none2 = compare({ now: NOW, rail: { result: railResult([]), fetchedAt: NOW }, air: { result: airResult([]), fetchedAt: NOW } });
    expect(!none2.ok && none2.error.code).toBe('empty');
  });

  it('handles rail-only and air-only inputs and says so', () => {
    const cheaper = train('G101', 'VNP', 'AOH', '10:00', '16:00', [seat('ze', 55300, plenty)]);
    const rail = run({ rail: { result: railResult([g1, cheaper]), fetchedAt: NOW } }).value;
    expect(rail.partial).toBe('rail-only');
    expect(rail.sources.air).toBeUndefined();
    expect(rail.verdict.zh).toBe('最快 高铁 G1 二等座 ¥669，门到门 5小时40分；最便宜 高铁 G101 二等座 ¥553，门到门 7小时15分。最早到达：G1 13:40 到门。没有航班数据，只比较了火车。');
    const air = run({ air: { result: airResult([mu]), fetchedAt: NOW } }).value;
    expect(air.partial).toBe('air-only');
    expect(air.verdict.en).toBe('Cheapest flight MU5102 economy ¥680, 4h 50m door to door. Earliest at the door: MU5102 at 10:20. No train data: flights only.');
  });

  it('gives each source its age and says when one is stale', () => {
    const { value } = run({
      now: NOW,
      rail: { result: railResult([g1]), fetchedAt: NOW - 5 * MINUTE_MS },
      air: { result: airResult([mu]), fetchedAt: NOW - 125 * MINUTE_MS },
    });
    expect(value.sources.rail).toEqual({ count: 1, ageMin: 5, stale: false });
    expect(value.sources.air).toEqual({ count: 1, ageMin: 125, stale: true });
    expect(value.verdict.zh).toMatch(/航班数据是 2小时5分前获取的/);
    expect(value.verdict.en).toMatch(/Flight data is 2h 5m old/);
    const strict = run({ rail: { result: railResult([g1]), fetchedAt: NOW - 5 * MINUTE_MS } }, { staleAfterMin: 2 }).value;
    expect(strict.sources.rail?.stale).toBe(true);
  });

  it('says when every train is sold out', () => {
    const gone = train('G3', 'VNP', 'AOH', '07:00', '11:00', [seat('ze', 30000, none)]);
    const { value } = run({ rail: { result: railResult([gone]), fetchedAt: NOW }, air: { result: airResult([mu]), fetchedAt: NOW } });
    expect(value.verdict.zh).toBe('火车全部无票（1 趟）；最便宜航班 MU5102 经济舱 ¥680，门到门 4小时50分。最早到达：MU5102 10:20 到门。');
  });

  it('filters to the places and counts what it left out', () => {
    const from: Place = { city: '北京', cityCode: 'BJS', stations: ['VNP', 'BXP'], airports: ['PEK', 'PKX'] };
    const to: Place = { city: '上海', cityCode: 'SHA', stations: ['AOH', 'SHH'], airports: ['SHA', 'PVG'] };
    const toHangzhou = train('G9', 'VNP', 'HGH', '09:00', '14:00', [seat('ze', 1, plenty)]);
    const r = run({ from, to, rail: { result: railResult([g1, toHangzhou]), fetchedAt: NOW }, air: { result: airResult([mu]), fetchedAt: NOW } });
    expect(r.value.options.map((o) => o.id)).toEqual([mu.id, g1.id]);
    expect(r.issues[0]).toMatchObject({ code: 'skipped' });
    expect(r.issues[0]!.message).toMatch(/1 options not between 北京 and 上海/);
    const nothing = compare({ now: NOW, from, to, rail: { result: railResult([toHangzhou]), fetchedAt: NOW } });
    expect(!nothing.ok && nothing.error.code).toBe('empty');
  });

  it('keeps duplicate ids apart', () => {
    const r = run({ air: { result: airResult([mu, mu]), fetchedAt: NOW } });
    expect(r.value.options.map((o) => o.id)).toEqual([mu.id, `${mu.id}#2`]);
    expect(r.issues.some((i) => i.message.includes('more than once'))).toBe(true);
  });
});
