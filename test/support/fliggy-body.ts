// Fliggy's search JSONP in the 2026 layout (see shared/SITES.md, "2026 update"), built from
// FlightSpecs: per item airlineCode, flightNo, airports, "YYYY-MM-DD HH:mm" times, terminals, stop,
// isTransfer, oilPrice + buildPrice (yuan; or all in buildPrice, or neither), and a cabin with
// price, ticketPrice, bestPrice, discount, cabinClass (2 = economy), notices[], priceType,
// sprodType and the hasMemberPrice / vip / specialSale / fSpecialSale flags. A connection is an
// item with isTransfer true and transferFlight[] (its flights) in place of a number and times.
import { AIRLINE_NAMES } from '../../lib/air/airlines';
import { AIRPORT_NAMES, CITY_NAMES, CLASS_NUM, cityOf, fmt, specInstants, splitTaxes, type FlightSpec, type LegSpec } from './flight-spec';

function taxFields(s: FlightSpec): Record<string, number> {
  if (s.taxesFen === undefined || s.taxPlacement === 'none') return {};
  if (s.taxPlacement === 'build') return { oilPrice: 0, buildPrice: s.taxesFen / 100 };
  const { fees, fuel } = splitTaxes(s.taxesFen);
  return { buildPrice: fees / 100, oilPrice: fuel / 100 };
}

function cabinOf(s: FlightSpec): Record<string, unknown> | null {
  if (s.priceFen === null) return null;
  const yuan = s.priceFen / 100;
  const cabin: Record<string, unknown> = {
    price: yuan,
    ticketPrice: s.fullFareFen ? s.fullFareFen / 100 : yuan,
    bestPrice: yuan,
    discount: s.fullFareFen ? Math.round((s.priceFen / s.fullFareFen) * 100) / 10 : 10,
    cabinClass: CLASS_NUM[s.cabinClass ?? 'economy'],
    notices: s.notices ?? [],
    priceType: s.priceType ?? 0,
    sprodType: s.sprodType ?? 0,
    hasMemberPrice: s.memberPrice === true,
    vip: s.vip === true,
    specialSale: s.specialSale === true,
    fSpecialSale: s.fSpecialSale === true,
  };
  if (s.bestPriceOnly) delete cabin.price;
  return cabin;
}

const legOf = (l: LegSpec) => ({
  flightNo: l.flightNo,
  airlineCode: l.flightNo.slice(0, 2),
  depAirport: l.dep,
  arrAirport: l.arr,
  depTime: l.depTime,
  arrTime: l.arrTime,
  depTerm: l.depTerm ?? '',
  arrTerm: l.arrTerm ?? '',
});

/** The JSONP object `data` Fliggy's search sends (prices in yuan). */
export function buildFliggyObject(specs: FlightSpec[]): Record<string, unknown> {
  const airportMap: Record<string, string> = {};
  const aircodeNameMap: Record<string, string> = {};
  const flight = specs.map((s) => {
    for (const a of [s.dep, s.arr, ...(s.legs ?? []).flatMap((l) => [l.dep, l.arr])]) airportMap[a] = AIRPORT_NAMES[a] ?? a;
    aircodeNameMap[s.airline] = AIRLINE_NAMES[s.airline] ?? s.airline;
    const common = { airlineCode: s.airline, depAirport: s.dep, arrAirport: s.arr, stop: 0, ...taxFields(s), cabin: cabinOf(s) };
    if (s.legs) return { ...common, isTransfer: true, transferFlight: s.legs.map(legOf) };
    const { depart, arrive } = specInstants(s);
    return {
      ...common,
      flightNo: s.flightNo,
      depTime: fmt(depart),
      arrTime: fmt(arrive),
      depTerm: s.depTerm ?? '',
      arrTerm: s.arrTerm ?? '',
      isTransfer: s.transfer === true,
      flightType: s.aircraft ?? '320',
    };
  });
  const first = specs[0];
  const depCity = first ? cityOf(first.dep) : '';
  const arrCity = first ? cityOf(first.arr) : '';
  // No `status` on success in 2026 (failures carry errorMsg or success:false).
  return {
    data: {
      depCityCode: depCity,
      depCityName: CITY_NAMES[depCity] ?? depCity,
      arrCityCode: arrCity,
      arrCityName: CITY_NAMES[arrCity] ?? arrCity,
      aircodeNameMap,
      airportMap,
      flight,
    },
  };
}

export function buildFliggyJsonp(specs: FlightSpec[], callback = 'jsonp123'): string {
  return `${callback}(${JSON.stringify(buildFliggyObject(specs))});`;
}
