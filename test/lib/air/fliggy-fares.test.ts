// Fliggy's 2026 answers: who may buy a fare (notices, cabin class, priceType/sprodType, member and
// special flags), the taxes wherever they are put, and a cabin with bestPrice but no price. The
// rules are those of shared/SITES.md ("2026 update"); the bodies come from the project's generator.
import { describe, expect, it } from 'vitest';
import { decodeFliggySearch } from '../../../lib/air/fliggy-search';
import type { AirOption, FlightSearchResult } from '../../../lib/model';
import type { DecodeResult } from '../../../lib/result';
import { buildFliggyJsonp, buildFliggyObject, type FlightSpec } from '../../support/air-bodies';

function value(r: DecodeResult<FlightSearchResult>): FlightSearchResult {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message.en}`);
  return r.value;
}
const issuesOf = (r: DecodeResult<FlightSearchResult>) => (r.ok ? r.issues : []);

const MU: FlightSpec = { flightNo: 'MU5231', airline: 'MU', dep: 'PKX', arr: 'PVG', depTime: '2026-09-23 22:00', arrTime: '00:10', priceFen: 41000, taxesFen: 12000 };

function one(spec: Partial<FlightSpec>): { f: AirOption; r: DecodeResult<FlightSearchResult> } {
  const r = decodeFliggySearch(buildFliggyJsonp([{ ...MU, ...spec }]));
  return { f: value(r).flights[0]!, r };
}

describe('Fliggy 2026: the ordinary adult fare', () => {
  it('is cabin.price + oilPrice + buildPrice, with no condition (MU5231 ¥410 + ¥120 = ¥530)', () => {
    const { f, r } = one({});
    expect(issuesOf(r)).toEqual([]);
    expect(f.fares).toEqual([{ cabinClass: 'economy', price: 41000, taxes: 12000, total: 53000, discount: 10 }]);
    expect(f.lowest?.condition).toBeUndefined();
  });

  it('keeps one taxes figure whether the answer splits it or puts all of it in buildPrice', () => {
    const split = one({ taxPlacement: 'split' }).f.fares[0]!;
    const build = one({ taxPlacement: 'build' }).f.fares[0]!;
    expect([split.taxes, split.total]).toEqual([12000, 53000]);
    expect([build.taxes, build.total]).toEqual([12000, 53000]);
    expect(Object.keys(build).filter((k) => /oil|build/i.test(k))).toEqual([]);
  });

  it('reads either tax field alone, and no taxes at all as "not given" (not zero)', () => {
    const obj = buildFliggyObject([MU]) as any;
    delete obj.data.flight[0].oilPrice;
    obj.data.flight[0].buildPrice = 50;
    expect(value(decodeFliggySearch(JSON.stringify(obj))).flights[0]!.fares[0]).toMatchObject({ taxes: 5000, total: 46000 });
    const none = one({ taxPlacement: 'none' });
    expect(issuesOf(none.r)).toEqual([]);
    expect(none.f.fares[0]!.taxes).toBeUndefined();
    expect(none.f.fares[0]!.total).toBeUndefined();
  });

  it('says so when a tax field is unreadable, and then claims no taxes rather than half of them', () => {
    const obj = buildFliggyObject([MU]) as any;
    obj.data.flight[0].oilPrice = '七十';
    const r = decodeFliggySearch(JSON.stringify(obj));
    expect(value(r).flights[0]!.fares[0]!.taxes).toBeUndefined();
    expect(issuesOf(r)).toMatchObject([{ code: 'row-bad-price', row: 0, field: 'flight[0].oilPrice' }]);
  });
});

describe('Fliggy 2026: conditional fares', () => {
  it('an age-limited notice: youth, in the notice’s own words', () => {
    const c = one({ notices: ['限16-25周岁购买'], priceFen: 38700 }).f.fares[0]!.condition;
    expect(c).toEqual({ kinds: ['youth'], text: { zh: '限16-25周岁购买', en: 'ages 16–25 only' } });
  });

  it.each([
    [['仅限学生购买'], ['student']],
    [['限60周岁以上老年旅客'], ['senior']],
    [['限青年旅客'], ['youth']],
    [['团队票，10人起订'], ['special']],
    [['限12-25周岁学生'], ['youth', 'student']],
  ])('notices %j → %j', (notices, kinds) => {
    expect(one({ notices }).f.fares[0]!.condition?.kinds).toEqual(kinds);
  });

  it.each([
    [{ memberPrice: true }, ['member'], '会员价'],
    [{ vip: true }, ['member'], '会员价'],
    [{ specialSale: true }, ['special'], '特殊票价'],
    [{ fSpecialSale: true }, ['special'], '特殊票价'],
    [{ priceType: 3 }, ['special'], '特殊票价'],
    [{ sprodType: 64 }, ['special'], '特殊票价'],
    [{ cabinClass: 'first' as const }, ['premium-cabin'], '头等舱'],
    [{ cabinClass: 'business' as const }, ['premium-cabin'], '公务舱'],
  ])('%j is conditional: %j, %s', (spec, kinds, zh) => {
    const fare = one(spec).f.fares[0]!;
    expect(fare.condition).toMatchObject({ kinds, text: { zh } });
    expect(fare.total).toBe(53000); // still priced with its taxes: shown, just not as anyone's fare
  });

  it('several reasons make several kinds and one text naming each once', () => {
    const c = one({ notices: ['限16-25周岁购买'], memberPrice: true, vip: true, cabinClass: 'business' }).f.fares[0]!.condition!;
    expect(c.kinds).toEqual(['youth', 'member', 'premium-cabin']);
    expect(c.text.zh).toBe('限16-25周岁购买、会员价、公务舱');
    expect(c.text.en).toBe('ages 16–25 only, member price, business class');
  });

  it('reads flags written as 1 / "true" like true, and 0 / false as no condition', () => {
    const obj = buildFliggyObject([MU]) as any;
    Object.assign(obj.data.flight[0].cabin, { hasMemberPrice: 0, vip: 'false', specialSale: false, priceType: '0', sprodType: 0 });
    expect(value(decodeFliggySearch(JSON.stringify(obj))).flights[0]!.fares[0]!.condition).toBeUndefined();
    obj.data.flight[0].cabin.fSpecialSale = 1;
    expect(value(decodeFliggySearch(JSON.stringify(obj))).flights[0]!.fares[0]!.condition?.kinds).toEqual(['special']);
  });

  it('never takes an unreadable priceType or notice for an ordinary fare, and says what it was', () => {
    const obj = buildFliggyObject([MU]) as any;
    obj.data.flight[0].cabin.priceType = 'APPLY';
    obj.data.flight[0].cabin.notices = [{ code: 7 }];
    const r = decodeFliggySearch(JSON.stringify(obj));
    expect(value(r).flights[0]!.fares[0]!.condition?.kinds).toEqual(['special']);
    expect(issuesOf(r).map((i) => i.field)).toEqual(['flight[0].cabin.notices', 'flight[0].cabin.priceType']);
  });

  it('a flight’s lowest fare is the ordinary one, even when a conditional fare is cheaper', () => {
    const specs: FlightSpec[] = [MU, { ...MU, priceFen: 38700, notices: ['限16-25周岁购买'], cabin: 'R' }];
    const f = value(decodeFliggySearch(buildFliggyJsonp(specs))).flights[0]!;
    expect(f.fares.map((x) => [x.price, x.condition?.kinds[0]])).toEqual([
      [38700, 'youth'],
      [41000, undefined],
    ]);
    expect(f.lowest).toMatchObject({ price: 41000, total: 53000 });
    expect(f.lowest?.condition).toBeUndefined();
  });

  it('with only conditional fares, the lowest is the cheapest of them, carrying its condition', () => {
    const f = one({ memberPrice: true }).f;
    expect(f.lowest?.condition?.kinds).toEqual(['member']);
  });

  it('says when the cabins carry none of the 2026 restriction fields, instead of passing them off silently', () => {
    const obj = buildFliggyObject([MU, { ...MU, flightNo: 'CA1501' }]) as any;
    for (const fl of obj.data.flight) {
      for (const k of ['notices', 'priceType', 'sprodType', 'hasMemberPrice', 'vip', 'specialSale', 'fSpecialSale']) delete fl.cabin[k];
    }
    const r = decodeFliggySearch(JSON.stringify(obj));
    expect(value(r).flights.every((f) => f.fares[0]!.condition === undefined)).toBe(true);
    expect(issuesOf(r)).toMatchObject([{ code: 'unknown-field', field: 'flight[].cabin', message: expect.stringContaining('2 fare(s)') }]);
  });
});

describe('Fliggy 2026: a cabin without price', () => {
  it('keeps bestPrice as a conditional fare, never as the ordinary one', () => {
    const { f, r } = one({ bestPriceOnly: true, priceFen: 39900, fullFareFen: 125000 });
    expect(issuesOf(r)).toEqual([]);
    expect(f.fares).toHaveLength(1);
    expect(f.fares[0]).toMatchObject({ price: 39900, taxes: 12000, total: 51900 });
    expect(f.fares[0]!.condition).toEqual({ kinds: ['special'], text: { zh: '优惠价，条件未注明', en: 'discounted price, conditions not stated' } });
  });

  it('uses neither ticketPrice nor anything else in its place: no fare, and an issue', () => {
    const obj = buildFliggyObject([{ ...MU, fullFareFen: 125000 }]) as any;
    delete obj.data.flight[0].cabin.price;
    delete obj.data.flight[0].cabin.bestPrice;
    const r = decodeFliggySearch(JSON.stringify(obj));
    expect(value(r).flights[0]!.fares).toEqual([]);
    expect(issuesOf(r)).toMatchObject([{ code: 'row-bad-price', row: 0, field: 'flight[0].cabin.price', message: expect.stringContaining('no price') }]);
  });
});

describe('Fliggy 2026: the same flight listed twice', () => {
  it('keeps a youth-only fare and the ordinary fare of the same price apart (the adult one is never lost)', () => {
    const r = decodeFliggySearch(buildFliggyJsonp([{ ...MU, notices: ['限16-25周岁购买'] }, MU]));
    const f = value(r).flights[0]!;
    expect(value(r).flights).toHaveLength(1);
    expect(f.fares).toHaveLength(2);
    expect(f.lowest?.condition).toBeUndefined(); // the ordinary ¥530 is the flight's price
    expect(f.fares.filter((x) => x.condition)).toHaveLength(1);
  });
});

describe('Fliggy 2026: words and missing fields', () => {
  it('reads "60" as an age only: 限60周岁以上 is a senior fare, 退改费60元 is not', () => {
    expect(one({ notices: ['限60周岁以上购买'] }).f.fares[0]!.condition?.kinds).toEqual(['senior']);
    expect(one({ notices: ['退改费60元'] }).f.fares[0]!.condition?.kinds).toEqual(['special']);
  });

  it('counts a fare without cabinClass as read as economy (a dropped field shows in diagnostics)', () => {
    const obj = buildFliggyObject([MU]) as any;
    for (const f of obj.data.flight) delete f.cabin.cabinClass;
    const r = decodeFliggySearch(JSON.stringify(obj));
    expect(value(r).flights[0]!.fares[0]!.condition).toBeUndefined();
    expect(issuesOf(r).map((i) => i.message).join()).toContain('1 fare(s) carry no cabinClass');
  });
});
