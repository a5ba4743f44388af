// The replayed BJS → SHA day, as the e2e suite's Fliggy page loads it, through the real decoder and
// compare(): the cheapest flight is the fare an ordinary adult can buy, not the cheaper 16–25-only
// or member fare — until the traveller says the age limit fits them.
import { describe, expect, it } from 'vitest';
import { decodeFliggySearch } from '../../../lib/air/fliggy-search';
import { compare, type CompareOptions } from '../../../lib/compare';
import { chinaInstant } from '../../../lib/time';
import { dayFor } from '../../replay/air-data';
import { buildFliggyJsonp, fliggyAmount, isOrdinaryFare } from '../../support/air-bodies';

const date = '2026-12-01' as const;
const { specs, kinds } = dayFor({ date, depCity: 'BJS', arrCity: 'SHA' });
const decoded = decodeFliggySearch(buildFliggyJsonp(specs, 'jsonp271'));
// Before the first departure, so nothing has left.
const now = chinaInstant(date, 5 * 60);

function run(opts: CompareOptions = {}) {
  if (!decoded.ok) throw new Error(decoded.error.message.en);
  const r = compare({ now, air: { result: decoded.value, fetchedAt: now } }, opts);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}
const idOf = (flightNo: string) => `${flightNo}@${date}`;

describe('the replayed BJS → SHA day, compared', () => {
  const youth = kinds.get('youth')!;
  const member = kinds.get('member')!;
  const ordinary = specs.filter(isOrdinaryFare);
  const cheapestAdult = ordinary.reduce((a, b) => (fliggyAmount(b)! < fliggyAmount(a)! ? b : a));

  it('decodes without an issue, the connection included', () => {
    expect(decoded.ok && decoded.issues).toEqual([]);
    expect(decoded.ok && decoded.value.flights.length).toBe(specs.length);
    expect(decoded.ok && decoded.value.flights.find((f) => f.transfer)?.legs).toHaveLength(2);
  });

  it('carries 16–25-only and member fares below every adult fare, and first class', () => {
    expect(fliggyAmount(youth)!).toBeLessThan(fliggyAmount(cheapestAdult)!);
    expect(fliggyAmount(member)!).toBeLessThan(fliggyAmount(cheapestAdult)!);
    expect(kinds.get('first')?.cabinClass).toBe('first');
  });

  it('names the cheapest adult fare cheapest by default, and shows the others with their condition', () => {
    const c = run();
    expect(c.rankings.cheapest).toBe(idOf(cheapestAdult.flightNo));
    const y = c.options.find((o) => o.id === idOf(youth.flightNo))!;
    expect(y.excluded).toBe('conditional-only');
    expect(y.conditionalFares?.[0]).toMatchObject({ price: fliggyAmount(youth), condition: { kinds: ['youth'], text: { zh: '限16-25周岁购买' } } });
    const m = c.options.find((o) => o.id === idOf(member.flightNo))!;
    expect(m.conditionalFares?.[0]?.condition.kinds).toEqual(['member']);
    expect(c.verdict.zh).not.toContain(youth.flightNo);
    expect(c.verdict.zh).not.toContain(member.flightNo);
  });

  it('lets the 16–25-only fare win when the traveller says they are 16–25', () => {
    const c = run({ qualifies: { youth: true } });
    expect(c.rankings.cheapest).toBe(idOf(youth.flightNo));
    expect(c.options.find((o) => o.id === idOf(youth.flightNo))?.priceCondition?.kinds).toEqual(['youth']);
  });

  it('a member who is not 16–25 gets the member fare', () => {
    expect(run({ qualifies: { member: true } }).rankings.cheapest).toBe(idOf(member.flightNo));
  });
});
