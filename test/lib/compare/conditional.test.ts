import { describe, expect, it } from 'vitest';
import { compare, type CompareOptions } from '../../../lib/compare';
import { CONDITION_TEXT, fareAmount, qualifies } from '../../../lib/compare/fare-conditions';
import { fareFacts } from '../../../lib/compare/option-facts';
import { airPrice } from '../../../lib/compare/price';
import type { AirOption } from '../../../lib/model';
import { FIRST, MEMBER, YOUTH, airResult, at, cond, fare, flight, plenty, railResult, seat, train } from './make';

const NOW = at('06:00');

// The day, BJS → SHA: the lowest price returned (¥387) is for 16–25-year-olds only; the
// cheapest fare an adult can buy is MU5231 ¥410 + ¥120 = ¥530.
const mu = flight('MU5231', 'PEK', 'SHA', '08:00', '10:10', [fare(41000, { taxes: 12000 }), fare(38000, { taxes: 12000, condition: MEMBER })]);
const youthOnly = flight('CA1501', 'PEK', 'SHA', '07:30', '09:20', [fare(26700, { taxes: 12000, condition: YOUTH })]);
const hu = flight('HU7605', 'PEK', 'SHA', '10:00', '12:10', [
  fare(30000, { taxes: 12000, cabinClass: 'first', condition: FIRST }),
  fare(60000, { taxes: 12000 }),
]);
const g103 = train('G103', 'VNP', 'AOH', '08:00', '12:36', [seat('ze', 55300, plenty)]);

function run(flights: AirOption[], opts: CompareOptions = {}) {
  const r = compare({ now: NOW, rail: { result: railResult([g103]), fetchedAt: NOW }, air: { result: airResult(flights), fetchedAt: NOW } }, opts);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}
const find = (c: ReturnType<typeof run>, id: string) => c.options.find((o) => o.id === id)!;

describe('conditional fares', () => {
  it('never let a restricted fare win cheapest or enter the verdict', () => {
    const c = run([mu, youthOnly, hu]);
    expect(c.rankings.cheapest).toBe(mu.id); // ¥530 with taxes, below G103's ¥553 and above CA1501's restricted ¥387
    expect(find(c, mu.id).price).toBe(53000);
    expect(c.verdict.zh).toContain('最便宜航班 MU5231 经济舱 ¥530');
    expect(c.verdict.en).toContain('cheapest flight MU5231 economy ¥530');
    expect(c.verdict.zh).not.toContain('CA1501');
    expect(c.verdict.zh).not.toContain('¥387');
    expect(c.verdict.zh).toMatch(/^高铁 G103 二等座 ¥553，.*最便宜航班 MU5231 经济舱 ¥530/);
  });

  it('shows a flight with only restricted fares, with the condition in words, and ranks it nowhere', () => {
    const c = run([mu, youthOnly, hu]);
    const ca = find(c, youthOnly.id);
    expect(ca.price).toBeUndefined();
    expect(ca.excluded).toBe('conditional-only');
    expect(ca.soldOut).toBe(false);
    expect(ca.tops).toEqual([]);
    expect(ca.conditionalFares).toEqual([{ price: 38700, priceIncludesTaxes: true, condition: YOUTH }]);
    expect(ca.priceNote).toBe('仅有限制票价：限16-25周岁 ¥387');
    // It leaves first and lands first, yet is neither fastest nor earliest for an ordinary adult.
    expect(c.rankings.fastest).not.toBe(youthOnly.id);
    expect(c.rankings.earliestArrival).not.toBe(youthOnly.id);
    expect(c.rankings.pareto).not.toContain(youthOnly.id);
    expect(fareFacts(ca)).toEqual({ conditional: true, kinds: ['youth'], why: YOUTH.text });
  });

  it('keeps member and first-class fares beside the ordinary one, never as the compared price', () => {
    const c = run([mu, youthOnly, hu]);
    expect(find(c, mu.id).conditionalFares).toEqual([{ price: 50000, priceIncludesTaxes: true, condition: MEMBER }]);
    expect(find(c, mu.id).priceCondition).toBeUndefined();
    expect(fareFacts(find(c, mu.id))).toEqual({ conditional: false });
    const h = find(c, hu.id);
    expect(h.price).toBe(72000);
    expect(h.priceClass).toEqual({ id: 'economy', zh: '经济舱', en: 'economy' });
    expect(h.conditionalFares?.map((f) => f.condition.text.zh)).toEqual(['头等舱']);
  });

  it('compares a restricted fare when the traveller says it fits them, and says which', () => {
    const young = run([mu, youthOnly, hu], { qualifies: { youth: true } });
    const ca = find(young, youthOnly.id);
    expect(ca.price).toBe(38700);
    expect(ca.excluded).toBeUndefined();
    expect(ca.priceCondition).toEqual(YOUTH);
    expect(young.rankings.cheapest).toBe(youthOnly.id);
    expect(young.verdict.zh).toContain('最便宜航班 CA1501 经济舱（限16-25周岁） ¥387');
    expect(fareFacts(ca)).toEqual({ conditional: true, kinds: ['youth'], why: YOUTH.text });

    expect(find(run([mu], { qualifies: { member: true } }), mu.id).price).toBe(50000);
    const premium = find(run([hu], { qualifies: { premiumCabin: true } }), hu.id);
    expect(premium.price).toBe(42000);
    expect(premium.priceClass?.zh).toBe('头等舱');
  });

  it('compares prices with taxes in', () => {
    const lowFareHighTax = flight('CZ1', 'PEK', 'SHA', '09:00', '11:10', [fare(40000, { taxes: 20000 })]);
    const higherFareLowTax = flight('CZ2', 'PEK', 'SHA', '09:00', '11:10', [fare(45000, { total: 50000 })]);
    const c = run([lowFareHighTax, higherFareLowTax]);
    expect(find(c, lowFareHighTax.id).price).toBe(60000);
    expect(find(c, higherFareLowTax.id).price).toBe(50000);
    expect(c.verdict.zh).toContain('最便宜航班 CZ2 经济舱 ¥500');
    expect(fareAmount(fare(45000))).toBe(45000);
  });
});

describe('qualifies', () => {
  it('needs every kind of a condition to fit, and nothing the traveller cannot declare', () => {
    expect(qualifies(undefined)).toBe(true);
    expect(qualifies(YOUTH)).toBe(false);
    expect(qualifies(YOUTH, { youth: true })).toBe(true);
    expect(qualifies(YOUTH, { student: true })).toBe(false);
    expect(qualifies(cond(['youth', 'member'], '限16-25周岁会员', 'members aged 16–25'), { youth: true })).toBe(false);
    expect(qualifies(cond(['youth', 'member'], '限16-25周岁会员', 'members aged 16–25'), { youth: true, member: true })).toBe(true);
    expect(qualifies(cond(['student'], CONDITION_TEXT.student.zh, CONDITION_TEXT.student.en), { student: true })).toBe(true);
    expect(qualifies(cond(['senior'], '限65周岁以上', 'aged 65+'), { senior: true })).toBe(true);
    expect(qualifies(cond(['special'], '团队票', 'group fare'), { youth: true, student: true, senior: true, member: true, premiumCabin: true })).toBe(false);
  });

  it('prices a flight with only restricted fares as having no ordinary price', () => {
    const p = airPrice(youthOnly);
    expect(p.price).toBeUndefined();
    expect(p.conditionalOnly).toBe(true);
    expect(airPrice(youthOnly, { youth: true }).price).toBe(38700);
  });
});
