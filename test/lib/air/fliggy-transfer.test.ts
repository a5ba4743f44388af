// Fliggy's connections (isTransfer: true, transferFlight[] in place of a flight number and times):
// one option with both flights, first departure to last arrival, one price — never an unreadable row.
import { describe, expect, it } from 'vitest';
import { decodeFliggySearch } from '../../../lib/air/fliggy-search';
import type { FlightSearchResult } from '../../../lib/model';
import type { DecodeResult } from '../../../lib/result';
import { buildFliggyJsonp, buildFliggyObject, type FlightSpec } from '../../support/air-bodies';

function value(r: DecodeResult<FlightSearchResult>): FlightSearchResult {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message.en}`);
  return r.value;
}
const issuesOf = (r: DecodeResult<FlightSearchResult>) => (r.ok ? r.issues : []);
// China wall clock via UTC arithmetic, independent of lib/time and the machine's zone.
const cn = (d: number, h: number, mi: number) => Date.UTC(2026, 8, d, h - 8, mi);

const DIRECT: FlightSpec = { flightNo: 'MU5231', airline: 'MU', dep: 'PKX', arr: 'PVG', depTime: '2026-09-23 08:00', arrTime: '10:10', priceFen: 41000, taxesFen: 12000 };
const VIA_WUH: FlightSpec = {
  flightNo: 'MU5101+MU5202',
  airline: 'MU',
  dep: 'PEK',
  arr: 'SHA',
  depTime: '2026-09-23 21:05',
  arrTime: '2026-09-24 01:20',
  priceFen: 52000,
  taxesFen: 14000,
  transfer: true,
  legs: [
    { flightNo: 'MU5101', dep: 'PEK', arr: 'WUH', depTerm: 'T2', arrTerm: 'T3', depTime: '2026-09-23 21:05', arrTime: '2026-09-23 23:10' },
    { flightNo: 'MU5202', dep: 'WUH', arr: 'SHA', depTerm: 'T3', arrTerm: 'T1', depTime: '2026-09-23 23:50', arrTime: '2026-09-24 01:20' },
  ],
};

describe('Fliggy 2026: connections', () => {
  const r = decodeFliggySearch(buildFliggyJsonp([DIRECT, VIA_WUH]));
  const conn = value(r).flights.find((f) => f.transfer)!;

  it('are no unreadable rows: no issue, listed with the direct flights', () => {
    expect(issuesOf(r)).toEqual([]);
    expect(value(r).flights.map((f) => f.flightNo)).toEqual(['MU5231', 'MU5101+MU5202']);
  });

  it('decode as one option from the first departure to the last arrival, with each leg', () => {
    expect(conn).toMatchObject({
      id: 'MU5101+MU5202@2026-09-23',
      flightNo: 'MU5101+MU5202',
      airline: 'MU',
      transfer: true,
      stops: 1,
      from: { code: 'PEK', terminal: 'T2', city: 'BJS', name: '首都机场' },
      to: { code: 'SHA', terminal: 'T1', city: 'SHA', name: '虹桥机场' },
      depart: cn(23, 21, 5),
      arrive: cn(24, 1, 20),
      durationMin: 255,
      arriveDayOffset: 1,
    });
    expect(conn.legs).toEqual([
      { flightNo: 'MU5101', from: { code: 'PEK', terminal: 'T2' }, to: { code: 'WUH', terminal: 'T3' }, depart: cn(23, 21, 5), arrive: cn(23, 23, 10) },
      { flightNo: 'MU5202', from: { code: 'WUH', terminal: 'T3' }, to: { code: 'SHA', terminal: 'T1' }, depart: cn(23, 23, 50), arrive: cn(24, 1, 20) },
    ]);
  });

  it('carry one price with the taxes, under the same rules as a direct flight', () => {
    expect(conn.fares).toEqual([{ cabinClass: 'economy', price: 52000, taxes: 14000, total: 66000, discount: 10 }]);
    const member = value(decodeFliggySearch(buildFliggyJsonp([{ ...VIA_WUH, memberPrice: true }]))).flights[0]!;
    expect(member.fares[0]!.condition?.kinds).toEqual(['member']);
  });

  it('an item still carrying its own number and times is one flight marked as a transfer', () => {
    const old = value(decodeFliggySearch(buildFliggyJsonp([{ ...DIRECT, transfer: true, arrTime: '14:10' }]))).flights[0]!;
    expect(old).toMatchObject({ flightNo: 'MU5231', transfer: true, durationMin: 370 });
    expect(old.legs).toBeUndefined();
  });
});

describe('Fliggy 2026: an unreadable connection is an issue naming what is wrong', () => {
  const broken = (edit: (item: any) => void) => {
    const obj = buildFliggyObject([DIRECT, VIA_WUH]) as any;
    edit(obj.data.flight[1]);
    const r = decodeFliggySearch(JSON.stringify(obj));
    expect(value(r).flights.map((f) => f.flightNo)).toEqual(['MU5231']);
    return issuesOf(r);
  };

  it('a leg without a departure time', () => {
    expect(broken((it) => delete it.transferFlight[1].depTime)).toMatchObject([
      { code: 'row-bad-field', row: 1, field: 'flight[1].transferFlight[1].depTime', message: expect.stringContaining('MU5202') },
    ]);
  });

  it('a leg leaving before the one before it lands', () => {
    expect(broken((it) => (it.transferFlight[1].depTime = '2026-09-23 22:00'))).toMatchObject([
      { code: 'row-bad-field', row: 1, field: 'flight[1].transferFlight[1].depTime', message: expect.stringContaining('leaves before MU5101 lands') },
    ]);
  });

  it('no list of flights, or a single one', () => {
    expect(broken((it) => delete it.transferFlight)).toMatchObject([{ field: 'flight[1].transferFlight', message: expect.stringContaining('not a list') }]);
    expect(broken((it) => it.transferFlight.pop())).toMatchObject([{ field: 'flight[1].transferFlight', message: expect.stringContaining('two or more') }]);
  });

  it('a leg that is not an object', () => {
    expect(broken((it) => (it.transferFlight[0] = 'MU5101'))).toMatchObject([{ field: 'flight[1].transferFlight[0]', message: expect.stringContaining('not an object') }]);
  });
});
