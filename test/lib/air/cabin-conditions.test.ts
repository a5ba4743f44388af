// Fares above economy and fares for some travellers, as the Taobao Open Platform and Fliggy's
// rendered list say them: marked with the same conditions as Fliggy's JSONP, so lib/compare never
// takes them for the fare an ordinary adult pays.
import { describe, expect, it } from 'vitest';
import { decodeFliggyDomRows, type FliggyDomRow } from '../../../lib/air/fliggy-search';
import { decodeTopSearch } from '../../../lib/air/top-search';
import type { FlightSearchResult } from '../../../lib/model';
import type { DecodeResult } from '../../../lib/result';
import { buildTopSearchJson, buildTopSearchObject, type FlightSpec } from '../../support/air-bodies';

function value(r: DecodeResult<FlightSearchResult>): FlightSearchResult {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message.en}`);
  return r.value;
}
const issuesOf = (r: DecodeResult<FlightSearchResult>) => (r.ok ? r.issues : []);

const MU: FlightSpec = { flightNo: 'MU5101', airline: 'MU', dep: 'PEK', arr: 'SHA', depTime: '2026-11-23 07:00', arrTime: '09:15', priceFen: 68000, taxesFen: 9000 };

describe('Taobao Open Platform: cabin_class and fare_type', () => {
  it.each([
    ['economy', undefined],
    ['business', { kinds: ['premium-cabin'], text: { zh: '公务舱', en: 'business class' } }],
    ['first', { kinds: ['premium-cabin'], text: { zh: '头等舱', en: 'first class' } }],
  ] as const)('%s → %j, taxes included either way', (cabinClass, condition) => {
    const fare = value(decodeTopSearch(buildTopSearchJson([{ ...MU, cabinClass }]))).flights[0]!.fares[0]!;
    expect(fare.condition).toEqual(condition);
    expect(fare.total).toBe(77000);
  });

  it('fare_type 0–3 (published, discount, seller, airline) are all ordinary adult fares', () => {
    for (const fareType of [0, 1, 2, 3]) {
      const obj = buildTopSearchObject([MU], { mapsAsObjects: true, unwrapLists: true }) as any;
      obj.trip_jipiao_nsearch_ow_search_response.result.items[0].segments[0].fare_type = fareType;
      const r = decodeTopSearch(JSON.stringify(obj));
      expect(issuesOf(r)).toEqual([]);
      expect(value(r).flights[0]!.fares[0]!.condition).toBeUndefined();
    }
  });

  it('an unknown fare_type is not assumed ordinary, and is reported', () => {
    const obj = buildTopSearchObject([MU], { mapsAsObjects: true, unwrapLists: true }) as any;
    obj.trip_jipiao_nsearch_ow_search_response.result.items[0].segments[0].fare_type = 9;
    const r = decodeTopSearch(JSON.stringify(obj));
    expect(value(r).flights[0]!.fares[0]!.condition?.kinds).toEqual(['special']);
    expect(issuesOf(r)).toMatchObject([{ code: 'unknown-field', field: 'items[0].segments[0].fare_type' }]);
  });

  it('a flight’s lowest fare is its economy fare, even when a premium one is listed cheaper', () => {
    const specs: FlightSpec[] = [
      { ...MU, cabinClass: 'business', priceFen: 60000 },
      { ...MU, priceFen: 68000 },
    ];
    const f = value(decodeTopSearch(buildTopSearchJson(specs))).flights[0]!;
    expect(f.fares.map((x) => x.cabinClass)).toEqual(['business', 'economy']);
    expect(f.lowest).toMatchObject({ cabinClass: 'economy', price: 68000 });
  });
});

describe('Fliggy rendered list: condition words next to the price', () => {
  const codes: Record<string, string> = { 首都国际机场: 'PEK', 虹桥国际机场: 'SHA' };
  const row = (over: Partial<FliggyDomRow>): FliggyDomRow => ({
    date: '2026-11-23',
    flightNo: 'MU5101',
    depTime: '07:00',
    arrTime: '09:15',
    depAirport: '首都国际机场T2',
    arrAirport: '虹桥国际机场T2',
    price: '¥680',
    discount: '经济舱5.4折',
    ...over,
  });
  const fareOf = (over: Partial<FliggyDomRow>) => value(decodeFliggyDomRows([row(over)], { airportCode: (n) => codes[n] })).flights[0]!.fares[0]!;

  it('a plain price is an ordinary fare', () => {
    expect(fareOf({}).condition).toBeUndefined();
  });

  it.each([
    [{ price: '¥387 限16-25周岁' }, ['youth'], '限16-25周岁'],
    [{ price: '¥420', discount: '会员价' }, ['member'], '会员价'],
    [{ price: '¥450 学生专享' }, ['student'], '学生专享'],
    [{ discount: '头等舱2.5折' }, ['premium-cabin'], '头等舱'],
    [{ discount: '公务舱' }, ['premium-cabin'], '公务舱'],
  ])('%j → %j (%s)', (over, kinds, zh) => {
    expect(fareOf(over).condition).toMatchObject({ kinds, text: { zh } });
  });
});
