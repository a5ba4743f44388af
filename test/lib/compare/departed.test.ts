import { describe, expect, it } from 'vitest';
import { compare, type CompareInput } from '../../../lib/compare';
import { fareFacts } from '../../../lib/compare/option-facts';
import { airResult, at, fare, flight, plenty, railResult, seat, train } from './make';

// G1 09:00 ¥669; G5 13:00 ¥553; MU5102 08:00 ¥680; MU5104 12:00 ¥900.
const g1 = train('G1', 'VNP', 'AOH', '09:00', '13:25', [seat('ze', 66900, plenty)]);
const g5 = train('G5', 'VNP', 'AOH', '13:00', '17:30', [seat('ze', 55300, plenty)]);
const mu = flight('MU5102', 'PEK', 'SHA', '08:00', '09:50', [fare(58000, { taxes: 10000 })]);
const mu2 = flight('MU5104', 'PEK', 'SHA', '12:00', '14:10', [fare(80000, { taxes: 10000 })]);
const later = train('G7', 'VNP', 'AOH', '07:00', '11:28', [seat('ze', 40000, { kind: 'not-on-sale' })], { status: 'not-yet', saleTime: '1230', buttonText: '12点30分起售' });

function run(now: number, extra: Partial<CompareInput> = {}) {
  const r = compare({
    now,
    rail: { result: railResult([g1, g5, later]), fetchedAt: now },
    air: { result: airResult([mu, mu2]), fetchedAt: now },
    ...extra,
  });
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}
const find = (c: ReturnType<typeof run>, id: string) => c.options.find((o) => o.id === id)!;

describe('departed options', () => {
  it('marks what left before now, lists it last and ranks it nowhere', () => {
    const c = run(at('10:00'));
    expect(c.options.map((o) => o.id)).toEqual([mu2.id, g5.id, later.id, mu.id, g1.id]);
    for (const id of [mu.id, g1.id]) expect(find(c, id)).toMatchObject({ departed: true, excluded: 'departed', tops: [] });
    expect(find(c, g5.id).departed).toBe(false);
    expect(fareFacts(find(c, mu.id))).toEqual({ conditional: false });
    expect(c.rankings).toEqual({ cheapest: g5.id, fastest: mu2.id, earliestArrival: mu2.id, pareto: [mu2.id, g5.id] });
    expect(c.verdict.zh).toMatch(/^高铁 G5 二等座 ¥553.*最便宜航班 MU5104 经济舱 ¥900/);
    expect(c.verdict.zh).not.toContain('G1 ');
    expect(c.verdict.zh).not.toContain('MU5102');
  });

  it('counts an option leaving exactly now as not departed', () => {
    const c = run(g1.depart);
    expect(find(c, g1.id).departed).toBe(false);
    expect(find(c, mu.id).departed).toBe(true);
  });

  it('judges departures at departedBefore when given (a past day read as a plan)', () => {
    const c = run(at('10:00', 30), { departedBefore: at('00:00') });
    expect(c.options.every((o) => !o.departed)).toBe(true);
    expect(c.sources.rail?.stale).toBe(false);
  });

  it('says when every option of a mode has left', () => {
    const c = run(at('23:00'));
    expect(c.verdict.zh).toMatch(/^火车均已出发（3 趟）；航班均已出发（2 班）。$/);
    expect(c.verdict.en).toBe('All 3 trains have left; all 2 flights have left.');
    expect(c.rankings).toEqual({ pareto: [] });
  });
});

describe('trains not on sale yet', () => {
  it('rank nowhere and say when the sale opens instead of a seat count', () => {
    const c = run(at('06:00'));
    const g7 = find(c, later.id);
    expect(g7).toMatchObject({ excluded: 'not-on-sale', saleOpens: '12:30', tops: [], departed: false });
    expect(g7.priceNote).toBe('12:30 开售（最低票价 ¥400）');
    expect(c.rankings.cheapest).toBe(g5.id); // G7's ¥400 cannot be bought yet
    expect(c.rankings.earliestArrival).not.toBe(later.id);
    const en = compare({ now: at('06:00'), rail: { result: railResult([later]), fetchedAt: at('06:00') } }, { lang: 'en' });
    expect(en.ok && en.value.options[0]!.priceNote).toBe('on sale at 12:30 (fares from ¥400)');
  });
});
