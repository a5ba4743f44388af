// A generated day of flights with every kind of fare Fliggy's 2026 answers carry: a 16–25-only fare
// cheaper than every adult fare, a member price cheaper than them too, first class, priceType /
// sprodType products, special sales, a VIP fare, a bestPrice without a price, taxes all in
// buildPrice or not given, and a connection through a third city. Deterministic: the same day in,
// the same day out, so tests compute what a screen must show from it.
import type { ChinaDate } from '../../lib/model';
import { chinaInstant } from '../../lib/time';
import { AIRPORTS_OF_CITY, cityOf, fliggyAmount, fmt, isOrdinaryFare, type FlightSpec } from './flight-spec';

/** The changes that make a plain economy spec into each kind of fare (applied in this order). */
const KINDS: Array<{ name: string; change: Partial<FlightSpec> }> = [
  { name: 'youth', change: { notices: ['限16-25周岁购买'] } },
  { name: 'member', change: { memberPrice: true } },
  { name: 'first', change: { cabinClass: 'first', cabin: 'F', priceFen: 298000, fullFareFen: 560000 } },
  { name: 'priceType', change: { priceType: 3 } },
  { name: 'sprodType', change: { sprodType: 64 } },
  { name: 'specialSale', change: { specialSale: true } },
  { name: 'fSpecialSale', change: { fSpecialSale: true } },
  { name: 'vip', change: { vip: true } },
  { name: 'bestPriceOnly', change: { bestPriceOnly: true } },
  { name: 'taxInBuild', change: { taxPlacement: 'build' } },
  { name: 'noTaxes', change: { taxPlacement: 'none' } },
];

export type FareKind = (typeof KINDS)[number]['name'] | 'transfer';

const hub = (dep: string, arr: string) => ['WUH', 'CSX', 'NKG'].find((h) => h !== cityOf(dep) && h !== cityOf(arr))!;

/**
 * The day with its priced economy flights turned, spread through the day, into the kinds above,
 * plus one connection (depCity → WUH → arrCity). Prices are then set so the youth fare is ¥40 and
 * the member fare ¥20 below the cheapest ordinary adult fare (taxes in), and the connection ¥150
 * above it. Needs at least KINDS.length + 1 priced economy flights; kinds that do not fit are left out.
 */
export function withFareKinds(day: readonly FlightSpec[], date: ChinaDate): { specs: FlightSpec[]; kinds: Map<FareKind, FlightSpec> } {
  const specs = day.map((s) => ({ ...s }));
  const kinds = new Map<FareKind, FlightSpec>();
  const eco = specs.filter(isOrdinaryFare);
  const step = Math.max(1, Math.floor(eco.length / (KINDS.length + 1)));
  KINDS.forEach((k, i) => {
    const s = eco[1 + i * step];
    if (!s || i * step + 1 >= eco.length - 1) return;
    Object.assign(s, k.change);
    kinds.set(k.name, s);
  });
  // A fare without taxes given compares at its bare price: keep it clear of the cheapest.
  const noTaxes = kinds.get('noTaxes');
  if (noTaxes) noTaxes.priceFen = Math.max(noTaxes.priceFen!, 150000);
  const cheapest = Math.min(...specs.filter(isOrdinaryFare).map((s) => fliggyAmount(s)!));
  const under = (s: FlightSpec | undefined, by: number) => {
    if (s) s.priceFen = Math.max(1000, cheapest - (s.taxesFen ?? 0) - by);
  };
  under(kinds.get('youth'), 4000);
  under(kinds.get('member'), 2000);
  const first = specs[0];
  if (first) {
    const { dep, arr } = first;
    const via = AIRPORTS_OF_CITY[hub(dep, arr)]![0]!;
    const start = chinaInstant(date, 10 * 60 + 5);
    const t0 = { depart: start, arrive: start + 120 * 60_000 };
    const t1 = { depart: t0.arrive + 95 * 60_000, arrive: t0.arrive + (95 + 110) * 60_000 };
    const legs = [
      { flightNo: 'MU5101', dep, arr: via, depTerm: 'T2', arrTerm: 'T3', depTime: fmt(t0.depart), arrTime: fmt(t0.arrive) },
      { flightNo: 'MU5202', dep: via, arr, depTerm: 'T3', arrTerm: 'T1', depTime: fmt(t1.depart), arrTime: fmt(t1.arrive) },
    ];
    const taxesFen = 2 * 5000 + 4000;
    const transfer: FlightSpec = {
      flightNo: 'MU5101+MU5202',
      airline: 'MU',
      dep,
      arr,
      depTime: legs[0]!.depTime,
      arrTime: legs[1]!.arrTime,
      priceFen: cheapest - taxesFen + 15000,
      taxesFen,
      transfer: true,
      legs,
    };
    specs.push(transfer);
    kinds.set('transfer', transfer);
  }
  specs.sort((a, b) => a.depTime.localeCompare(b.depTime) || a.flightNo.localeCompare(b.flightNo));
  return { specs, kinds };
}
