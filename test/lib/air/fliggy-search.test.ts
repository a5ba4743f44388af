import { describe, expect, it } from 'vitest';
import { decodeFliggyDomRows, decodeFliggySearch, type FliggyDomRow, unwrapJsonp } from '../../../lib/air/fliggy-search';
import type { FlightSearchResult } from '../../../lib/model';
import type { DecodeResult } from '../../../lib/result';
import { buildFliggyJsonp, buildFliggyObject, type FlightSpec, generateFlights, specInstants } from '../../support/air-bodies';

function value(r: DecodeResult<FlightSearchResult>): FlightSearchResult {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message.en}`);
  return r.value;
}
function error(r: DecodeResult<FlightSearchResult>) {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}
const issuesOf = (r: DecodeResult<FlightSearchResult>) => (r.ok ? r.issues : []);

// China wall clock via UTC arithmetic, independent of lib/time and the machine's zone.
const cn = (y: number, mo: number, d: number, h: number, mi: number) => Date.UTC(y, mo - 1, d, h - 8, mi);

const DAY: FlightSpec[] = [
  { flightNo: 'MU5101', airline: 'MU', dep: 'PEK', arr: 'SHA', depTerm: 'T2', arrTerm: 'T2', depTime: '2026-11-23 07:00', arrTime: '09:15', priceFen: 68000, taxesFen: 9000, fullFareFen: 125000 },
  { flightNo: 'CA1501', airline: 'CA', dep: 'PEK', arr: 'SHA', depTerm: 'T3', arrTerm: 'T2', depTime: '2026-11-23 08:00', arrTime: '10:20', priceFen: 92050, taxesFen: 9000 },
  { flightNo: 'HU7605', airline: 'HU', dep: 'PEK', arr: 'PVG', depTime: '2026-11-23 12:30', arrTime: '14:45', priceFen: null, taxesFen: 9000 },
  { flightNo: '3U8886', airline: '3U', dep: 'PKX', arr: 'PVG', depTime: '2026-11-23 23:30', arrTime: '01:45', priceFen: 54000, taxesFen: 7000, cabinClass: 'business' },
];

describe('decodeFliggySearch: JSONP', () => {
  const r = decodeFliggySearch(buildFliggyJsonp(DAY));
  const v = value(r);

  it('reads flights in China time with the search cities and name maps', () => {
    expect(issuesOf(r)).toEqual([]);
    expect(v.source).toBe('fliggy');
    expect(v.depCity).toBe('BJS');
    expect(v.arrCity).toBe('SHA');
    expect(v.date).toBe('2026-11-23');
    expect(v.airlines.MU).toBe('东方航空');
    expect(v.flights.map((f) => f.flightNo)).toEqual(['MU5101', 'CA1501', 'HU7605', '3U8886']);
    const mu = v.flights[0]!;
    expect(mu).toMatchObject({
      id: 'MU5101@2026-11-23',
      airline: 'MU',
      airlineName: '东方航空',
      from: { code: 'PEK', terminal: 'T2', name: '首都机场', city: 'BJS' },
      to: { code: 'SHA', terminal: 'T2', name: '虹桥机场', city: 'SHA' },
      depart: cn(2026, 11, 23, 7, 0),
      arrive: cn(2026, 11, 23, 9, 15),
      durationMin: 135,
      arriveDayOffset: 0,
      transfer: false,
      source: 'fliggy',
    });
  });

  it('turns yuan into fen and buildPrice + oilPrice into taxes', () => {
    expect(v.flights[0]!.fares).toEqual([{ cabinClass: 'economy', price: 68000, taxes: 9000, total: 77000, discount: 5.4 }]);
    // ¥920.5 → 92050 fen, no float drift
    expect(v.flights[1]!.lowest).toMatchObject({ price: 92050, total: 101050 });
  });

  it('lists a flight without a cabin as having no fare', () => {
    expect(v.flights[2]!.fares).toEqual([]);
    expect(v.flights[2]!.lowest).toBeUndefined();
  });

  it('lands a red-eye on the next day', () => {
    const f = v.flights[3]!;
    expect(f.arrive).toBe(cn(2026, 11, 24, 1, 45));
    expect(f.arriveDayOffset).toBe(1);
    expect(f.durationMin).toBe(135);
    expect(f.lowest?.cabinClass).toBe('business');
    expect(f.airlineName).toBe('四川航空');
  });

  it('accepts /**/ prefixes, missing semicolons, try/catch wrappers and plain JSON alike', () => {
    const obj = JSON.stringify(buildFliggyObject(DAY));
    for (const text of [`/**/ jsonp_4521(${obj})`, `jsonp123(${obj})`, ` \n${obj}\n`, `try{cb(${obj});}catch(e){}`, `window.cb && cb(${obj});`.replace('window.cb && ', '')]) {
      expect(value(decodeFliggySearch(text))).toEqual(v);
    }
    expect(unwrapJsonp('a.b_c$(1)')).toBe('1');
  });

  it('reads string numbers and a bare HH:mm arrival', () => {
    const obj = buildFliggyObject(DAY.slice(0, 1)) as any;
    const fl = obj.data.flight[0];
    fl.cabin.price = '680';
    fl.buildPrice = '50';
    fl.oilPrice = '40.5';
    fl.arrTime = '09:15';
    const f = value(decodeFliggySearch(JSON.stringify(obj))).flights[0]!;
    expect(f.lowest).toMatchObject({ price: 68000, taxes: 9050, total: 77050 });
    expect(f.arrive).toBe(cn(2026, 11, 23, 9, 15));
  });

  it('reads a cabin with 0 seats as sold out at that fare, not as the lowest buyable fare', () => {
    const obj = buildFliggyObject(DAY.slice(0, 1)) as any;
    obj.data.flight[0].cabin.cabinNum = 0;
    const f = value(decodeFliggySearch(JSON.stringify(obj))).flights[0]!;
    expect(f.fares[0]?.seatsLeft).toBe(0);
    expect(f.lowest).toBeUndefined();
    obj.data.flight[0].cabin.cabinNum = 4;
    expect(value(decodeFliggySearch(JSON.stringify(obj))).flights[0]!.lowest?.seatsLeft).toBe(4);
  });

  it('keeps transfers, marked as such', () => {
    const specs: FlightSpec[] = [{ ...DAY[0]!, flightNo: 'MU5101', transfer: true, arrTime: '13:40' }];
    const f = value(decodeFliggySearch(buildFliggyJsonp(specs))).flights[0]!;
    expect(f.transfer).toBe(true);
    expect(f.durationMin).toBe(400);
  });

  it('merges a flight listed twice (two cabins) into one option with both fares', () => {
    const specs: FlightSpec[] = [DAY[0]!, { ...DAY[0]!, priceFen: 210000, cabinClass: 'first' }];
    const r2 = decodeFliggySearch(buildFliggyJsonp(specs));
    const f = value(r2).flights;
    expect(f).toHaveLength(1);
    expect(f[0]!.fares.map((x) => [x.cabinClass, x.price])).toEqual([
      ['economy', 68000],
      ['first', 210000],
    ]);
    expect(issuesOf(r2)).toMatchObject([{ code: 'other', row: 1 }]);
  });

  it('decodes a generated 200-flight day exactly', () => {
    const specs = generateFlights(200, 'SHA', 'CTU', '2026-12-01', 3);
    const r2 = decodeFliggySearch(buildFliggyJsonp(specs, 'jsonp987'));
    expect(issuesOf(r2)).toEqual([]);
    const byNo = new Map(value(r2).flights.map((f) => [f.flightNo, f]));
    expect(byNo.size).toBe(200);
    for (const s of specs) {
      const f = byNo.get(s.flightNo)!;
      const { depart, arrive } = specInstants(s);
      expect([f.depart, f.arrive]).toEqual([depart, arrive]);
      expect(f.lowest?.price).toBe(s.priceFen ?? undefined);
    }
  });
});

describe('decodeFliggySearch: errors and per-flight problems', () => {
  const good = buildFliggyJsonp(DAY);

  it.each([
    ['empty', 'empty', ''],
    ['HTML login page', 'html-page', '<!DOCTYPE html><html><head><title>登录</title></head></html>'],
    ['HTML fragment', 'html-page', '<div class="x">验证</div>'],
    ['truncated JSONP', 'not-json', good.slice(0, good.length - 40)],
    ['garbage', 'not-json', 'hello'],
    ['no data', 'schema', 'cb({"status":0})'],
    ['data without flight', 'schema', 'cb({"data":{"depCityCode":"BJS"}})'],
    ['flight not a list', 'schema', 'cb({"data":{"flight":{"a":1}}})'],
    ['an array', 'schema', '[1,2]'],
    ['an error message', 'rejected', 'cb({"status":1,"error":"请求过于频繁"})'],
  ])('%s → %s', (_name, code, text) => {
    const r = decodeFliggySearch(text);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('names the missing field in schema errors', () => {
    expect(error(decodeFliggySearch('cb({"status":0})')).message.en).toContain('missing data');
    expect(error(decodeFliggySearch('cb({"data":{}})')).message.en).toContain('data.flight');
    expect(error(decodeFliggySearch('cb({"status":1,"error":"请求过于频繁"})')).message.zh).toContain('请求过于频繁');
  });

  it('accepts an empty flight list (no flights that day)', () => {
    expect(value(decodeFliggySearch('cb({"data":{"flight":[]}})')).flights).toEqual([]);
  });

  it('reports flights missing what we need by index, and keeps the others', () => {
    const obj = buildFliggyObject(DAY) as any;
    delete obj.data.flight[0].flightNo;
    obj.data.flight[1].cabin.price = '¥abc';
    obj.data.flight[1].cabin.bestPrice = 1;
    obj.data.flight[2].depTime = '2026-11-23 25:00';
    obj.data.flight[3].arrAirport = 42;
    obj.data.flight.push('nonsense', { ...obj.data.flight[1], flightNo: 'ZH1234', depTime: '2026-11-23 10:00', arrTime: '2026-11-23 09:00' });
    const r = decodeFliggySearch(JSON.stringify(obj));
    const v = value(r);
    expect(v.flights.map((f) => f.flightNo)).toEqual(['CA1501']);
    expect(v.flights[0]!.fares).toEqual([]); // price present but unusable: no fare, reported
    expect(issuesOf(r).map((i) => [i.code, i.row, i.field])).toEqual([
      ['row-bad-field', 0, 'flight[0].flightNo'],
      ['row-bad-price', 1, 'flight[1].cabin.price'],
      ['row-bad-field', 2, 'flight[2].depTime'],
      ['row-bad-field', 3, 'flight[3].arrAirport'],
      ['row-bad-field', 4, 'flight[4]'],
      ['row-bad-field', 5, 'flight[5].arrTime'],
    ]);
  });

  it('checks calendar dates: 29 February only in leap years', () => {
    const obj = buildFliggyObject([
      { ...DAY[0]!, depTime: '2028-02-29 07:00', arrTime: '09:15' },
      { ...DAY[1]!, depTime: '2027-02-28 08:00', arrTime: '10:20' },
    ]) as any;
    obj.data.flight[1].depTime = '2027-02-29 08:00';
    const r = decodeFliggySearch(JSON.stringify(obj));
    expect(value(r).flights.map((f) => [f.flightNo, f.depart])).toEqual([['MU5101', cn(2028, 2, 29, 7, 0)]]);
    expect(issuesOf(r)).toMatchObject([{ code: 'row-bad-field', row: 1, field: 'flight[1].depTime' }]);
    obj.data.flight[1].depTime = '2027-03-01T08:00'; // another spelling still reads
    obj.data.flight[1].arrTime = '2027-03-01 10:20';
    const ca = value(decodeFliggySearch(JSON.stringify(obj))).flights.find((f) => f.flightNo === 'CA1501');
    expect(ca?.depart).toBe(cn(2027, 3, 1, 8, 0));
  });

  it('reports an unknown cabin class instead of guessing', () => {
    const obj = buildFliggyObject(DAY.slice(0, 1)) as any;
    obj.data.flight[0].cabin.cabinClass = 7;
    const r = decodeFliggySearch(JSON.stringify(obj));
    expect(value(r).flights[0]!.lowest?.cabinClass).toBe('unknown');
    expect(issuesOf(r)).toMatchObject([{ code: 'unknown-field', field: 'flight[0].cabin.cabinClass' }]);
  });
});

describe('decodeFliggyDomRows: the rendered list', () => {
  const codes: Record<string, string> = { 首都国际机场: 'PEK', 虹桥国际机场: 'SHA', 浦东国际机场: 'PVG', 大兴国际机场: 'PKX' };
  const airportCode = (name: string) => codes[name];
  const row = (over: Partial<FliggyDomRow>): FliggyDomRow => ({
    date: '2026-11-23',
    flightNo: 'MU5101',
    airlineName: '东方航空',
    depTime: '07:00',
    arrTime: '09:15',
    depAirport: '首都国际机场T2',
    arrAirport: '虹桥国际机场 T2',
    price: '¥680',
    discount: '经济舱5.4折',
    depCity: 'BJS',
    arrCity: 'SHA',
    ...over,
  });

  it('normalizes a row like the JSONP does', () => {
    const r = decodeFliggyDomRows([row({})], { airportCode });
    expect(issuesOf(r)).toEqual([]);
    const f = value(r).flights[0]!;
    expect(f).toMatchObject({
      id: 'MU5101@2026-11-23',
      flightNo: 'MU5101',
      airline: 'MU',
      airlineName: '东方航空',
      from: { code: 'PEK', name: '首都国际机场', terminal: 'T2', city: 'BJS' },
      to: { code: 'SHA', name: '虹桥国际机场', terminal: 'T2', city: 'SHA' },
      depart: cn(2026, 11, 23, 7, 0),
      arrive: cn(2026, 11, 23, 9, 15),
      durationMin: 135,
      fares: [{ cabinClass: 'economy', price: 68000, discount: 5.4 }],
      source: 'fliggy',
    });
    // Same flight from the JSONP: same id, instants, airport, price.
    const j = value(decodeFliggySearch(buildFliggyJsonp(DAY.slice(0, 1)))).flights[0]!;
    expect([f.id, f.depart, f.arrive, f.from.code, f.to.code, f.lowest?.price]).toEqual([j.id, j.depart, j.arrive, j.from.code, j.to.code, j.lowest?.price]);
  });

  it('reads price texts: 起, ￥ with thousands separators, sold out, and reports garbage', () => {
    const r = decodeFliggyDomRows(
      [
        row({ flightNo: 'MU5101', price: '680起' }),
        row({ flightNo: 'CA1501', price: '￥1,280', discount: '全价' }),
        row({ flightNo: 'HU7605', price: '已售完', discount: '' }),
        row({ flightNo: 'FM9108', price: '价格待定' }),
      ],
      { airportCode },
    );
    const price = Object.fromEntries(value(r).flights.map((x) => [x.flightNo, x.lowest?.price]));
    expect(price).toEqual({ MU5101: 68000, CA1501: 128000, HU7605: undefined, FM9108: undefined });
    expect(value(r).flights.find((x) => x.flightNo === 'CA1501')!.lowest?.discount).toBe(10);
    expect(issuesOf(r)).toMatchObject([{ code: 'row-bad-price', row: 3, field: 'row[3].price' }]);
  });

  it('puts "+1" and earlier arrival times on the next day', () => {
    const f = value(
      decodeFliggyDomRows(
        [row({ flightNo: 'CZ3908', depTime: '23:30', arrTime: '01:45+1天' }), row({ flightNo: 'CZ3910', depTime: '23:40', arrTime: '01:55' })],
        { airportCode },
      ),
    ).flights;
    expect(f[0]!.arrive).toBe(cn(2026, 11, 24, 1, 45));
    expect(f[0]!.arriveDayOffset).toBe(1);
    expect(f[1]!.arrive).toBe(cn(2026, 11, 24, 1, 55));
  });

  it('keeps transfers and codeshares', () => {
    const f = value(
      decodeFliggyDomRows([row({ transfer: true, arrTime: '13:40' }), row({ flightNo: 'FM9108', codeshare: '实际乘坐航班：MU5108 东方航空' })], { airportCode }),
    ).flights;
    expect(f.map((x) => x.flightNo)).toEqual(['FM9108', 'MU5101']); // same departure: by flight number
    expect(f[1]).toMatchObject({ transfer: true, stops: 1, durationMin: 400 });
    expect(f[0]!.operatedBy).toBe('MU5108');
    expect(f[0]!.transfer).toBe(false);
  });

  it('merges the hidden duplicate row and reports unreadable rows and unknown airports', () => {
    const r = decodeFliggyDomRows(
      [row({}), row({}), row({ flightNo: '', depTime: '7点' }), row({ flightNo: 'GS7777', depAirport: '某某机场' }), row({ flightNo: 'KN5977', date: '2026-13-01' })],
      { airportCode },
    );
    const v = value(r);
    expect(v.flights.map((f) => f.flightNo)).toEqual(['GS7777', 'MU5101']);
    expect(v.flights.find((f) => f.flightNo === 'GS7777')!.from).toEqual({ code: '', name: '某某机场', city: 'BJS' });
    expect(issuesOf(r).map((i) => [i.code, i.row, i.field])).toEqual([
      ['other', 1, 'row[1]'],
      ['row-bad-field', 2, 'row[2].flightNo'],
      ['unknown-field', 3, 'row[3].depAirport'],
      ['row-bad-field', 4, 'row[4].date'],
    ]);
  });

  it('finds the flight number in the cell text, and refuses text without one', () => {
    const r = decodeFliggyDomRows([row({ flightNo: '东方航空 MU5101 空客321(中)' }), row({ flightNo: '2026' })], { airportCode });
    expect(value(r).flights.map((f) => f.flightNo)).toEqual(['MU5101']);
    expect(issuesOf(r)).toMatchObject([{ code: 'row-bad-field', row: 1, field: 'row[1].flightNo' }]);
  });

  it('uses airport codes the row carries, without a resolver', () => {
    const f = value(decodeFliggyDomRows([row({ depAirportCode: 'pkx', arrAirportCode: 'PVG' })])).flights[0]!;
    expect([f.from.code, f.to.code]).toEqual(['PKX', 'PVG']);
  });
});
