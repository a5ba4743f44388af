// Flights and fares of a TOP answer: flight_info_map entries → AirOption without fares, and
// items[] (products sold by agents) → fares on those flights, with the issues of each.
import type { AirOption, CabinClass, Fare } from '../../model';
import { excerpt, type DecodeIssue } from '../../result';
import { CHINA_OFFSET_MS, chinaDateOf, DAY_MS, MINUTE_MS } from '../../time';
import { airlineOfFlight } from '../airlines';
import { iata, isObj, num, present, str, type Obj } from '../../loose';
import { list } from './envelope';
import { conditionOf, part, premiumPart, type ConditionPart } from '../fare-condition';

// Segment cabin_class per the documentation: 0 first, 1 business, 2 economy (cabin_info_map agrees on 2).
const CABIN_CLASSES: Record<number, CabinClass> = { 0: 'first', 1: 'business', 2: 'economy' };
// fare_type per the documentation: 0 published, 1 discount, 2 seller, 3 airline — all fares any
// adult may buy. A value beyond those is a product we do not know: not assumed ordinary.
const ORDINARY_FARE_TYPES = new Set([0, 1, 2, 3]);

/** Days since the epoch on China's calendar (cheap day arithmetic on the hot path). */
const chinaDayIndex = (t: number) => Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);

export interface FlightRow {
  option: AirOption;
  taxes?: number;
  fareKeys: Set<string>;
  /** Fares dropped as exact repeats (same class, cabin, price, seats) from other agents. */
  duplicateFares: number;
}

/** flight_info_map entry → AirOption without fares, or an issue. */
export function readFlight(key: string, v: unknown, row: number, issues: DecodeIssue[]): FlightRow | undefined {
  const field = `flight_info_map.${key}`;
  if (!isObj(v)) {
    issues.push({ code: 'row-bad-field', row, field, message: `${field} is not an object` });
    return undefined;
  }
  const flightNo = str(v.flight)?.toUpperCase() ?? (key.length > 6 ? key.slice(6) : undefined);
  const depCode = iata(v.depAirportCode);
  const arrCode = iata(v.arrAirportCode);
  const dep = num(v.depTime);
  const arr = num(v.arrTime);
  const missing = [
    !flightNo && 'flight',
    !depCode && 'depAirportCode',
    !arrCode && 'arrAirportCode',
    dep === undefined && 'depTime',
    arr === undefined && 'arrTime',
  ].filter(Boolean);
  if (missing.length || !flightNo || !depCode || !arrCode || dep === undefined || arr === undefined) {
    issues.push({
      code: 'row-bad-field',
      row,
      field: `${field}.${missing[0]}`,
      message: `${field}: missing or malformed ${missing.join(', ')}`,
      sample: excerpt(JSON.stringify(v), 120),
    });
    return undefined;
  }
  if (arr <= dep) {
    issues.push({
      code: 'row-bad-field',
      row,
      field: `${field}.arrTime`,
      message: `${flightNo}: arrival is not after departure`,
      sample: excerpt(JSON.stringify(v), 120),
    });
    return undefined;
  }
  // The key is dep city + arr city + flight number, the only place TOP names the cities per flight.
  const cities = key.length === 6 + flightNo.length && key.endsWith(flightNo) ? [key.slice(0, 3), key.slice(3, 6)] : [];
  const airline = str(v.airlineCode) ?? airlineOfFlight(flightNo) ?? flightNo.slice(0, 2);
  const carrier = str(v.carrier);
  const date = chinaDateOf(dep);
  const taxParts = [num(v.taxes), num(v.fees)].filter((x): x is number => x !== undefined);
  const option: AirOption = {
    mode: 'air',
    id: `${flightNo}@${date}`,
    flightNo,
    airline,
    date,
    from: { code: depCode },
    to: { code: arrCode },
    depart: dep,
    arrive: arr,
    durationMin: Math.round((arr - dep) / MINUTE_MS),
    arriveDayOffset: Math.max(0, chinaDayIndex(arr) - chinaDayIndex(dep)),
    stops: num(v.stops) ?? 0,
    transfer: false,
    fares: [],
    source: 'top',
  };
  const depTerm = str(v.depTerm);
  const arrTerm = str(v.arrTerm);
  if (depTerm && depTerm !== '--') option.from.terminal = depTerm;
  if (arrTerm && arrTerm !== '--') option.to.terminal = arrTerm;
  if (cities[0]) option.from.city = cities[0];
  if (cities[1]) option.to.city = cities[1];
  // `carrier` names the operating carrier of a codeshare; empty (or the same airline) otherwise.
  if (carrier && carrier !== flightNo && carrier !== airline) option.operatedBy = carrier;
  const aircraft = str(v.flightType);
  if (aircraft) option.aircraft = aircraft;
  const row_: FlightRow = { option, fareKeys: new Set(), duplicateFares: 0 };
  if (taxParts.length) row_.taxes = Math.round(taxParts.reduce((a, b) => a + b, 0));
  return row_;
}

/** One item (product) → a fare on its flight, or an issue. */
export function readItem(
  item: unknown,
  row: number,
  flights: Map<string, FlightRow>,
  cabinInfo: Obj,
  issues: DecodeIssue[],
): void {
  const field = `items[${row}]`;
  if (!isObj(item)) {
    issues.push({ code: 'row-bad-field', row, field, message: `${field} is not an object` });
    return;
  }
  const tripType = num(item.trip_type);
  const itemType = num(item.item_type);
  if ((tripType !== undefined && tripType !== 0) || (itemType !== undefined && itemType !== 0)) {
    issues.push({
      code: 'skipped',
      row,
      field: `${field}.trip_type`,
      message: `${field}: round-trip product (trip_type ${tripType ?? '?'}, item_type ${itemType ?? '?'}), not a one-way fare`,
    });
    return;
  }
  const segments = list(item.segments, 'at_n_search_segment_v_o');
  if (!segments || segments.length === 0) {
    issues.push({ code: 'row-bad-field', row, field: `${field}.segments`, message: `${field}: no segments` });
    return;
  }
  if (segments.length > 1) {
    const nos = segments.map((s) => (isObj(s) ? str(s.flight_no) : undefined) ?? '?').join('+');
    issues.push({
      code: 'skipped',
      row,
      field: `${field}.segments`,
      message: `${field}: ${segments.length}-segment itinerary ${nos}, not a one-way direct fare`,
    });
    return;
  }
  const seg = segments[0];
  if (!isObj(seg)) {
    issues.push({ code: 'row-bad-field', row, field: `${field}.segments[0]`, message: `${field}: segment is not an object` });
    return;
  }
  const flightNo = str(seg.flight_no)?.toUpperCase();
  const flight = flightNo ? flights.get(flightNo) : undefined;
  if (!flightNo || !flight) {
    issues.push({
      code: 'row-bad-field',
      row,
      field: `${field}.segments[0].flight_no`,
      message: flightNo ? `${field}: flight ${flightNo} is not in flight_info_map` : `${field}: segment has no flight_no`,
    });
    return;
  }
  // The item's price is what the buyer pays for the product; for a one-segment item it equals the
  // segment's, which stands in when the item omits it.
  const rawPrice = present(item.price) ? item.price : seg.price;
  const price = num(rawPrice);
  if (price === undefined || price <= 0) {
    issues.push({
      code: 'row-bad-price',
      row,
      field: `${field}.price`,
      message: `${field} (${flightNo}): unusable price`,
      sample: excerpt(String(rawPrice), 40),
    });
    return;
  }
  const cabin = str(seg.cabin);
  const airline = flight.option.airline;
  const info = cabin ? cabinInfo[`${airline}-${cabin}`] : undefined;
  const clsNum = num(seg.cabin_class) ?? (isObj(info) ? num(info.cabinClass) : undefined);
  let cabinClass: CabinClass = 'unknown';
  const parts: ConditionPart[] = [];
  if (clsNum !== undefined) {
    const known = CABIN_CLASSES[clsNum];
    if (known) cabinClass = known;
    else issues.push({ code: 'unknown-field', row, field: `${field}.cabin_class`, message: `unknown cabin_class ${clsNum}` });
    // First and business (and any class but economy) are fares for those who choose to pay for them.
    if (clsNum !== 2) parts.push(premiumPart(cabinClass));
  }
  const fareTypeRaw = present(seg.fare_type) ? seg.fare_type : item.fare_type;
  const fareType = num(fareTypeRaw);
  if (present(fareTypeRaw) && (fareType === undefined || !ORDINARY_FARE_TYPES.has(fareType))) {
    issues.push({ code: 'unknown-field', row, field: `${field}.segments[0].fare_type`, message: `${flightNo}: unknown fare_type ${excerpt(String(fareTypeRaw), 12)}` });
    parts.push(part('special'));
  }
  const fare: Fare = { cabinClass, price: Math.round(price) };
  if (cabin) fare.cabin = cabin;
  const condition = conditionOf(parts);
  if (condition) fare.condition = condition;
  if (flight.taxes !== undefined) {
    fare.taxes = flight.taxes;
    fare.total = fare.price + flight.taxes;
  }
  // Discount against the full (Y) fare, as 0–10: ticket price over the base cabin price.
  const ticket = num(seg.ticket_price) ?? num(item.ticket_price);
  const base = num(seg.basic_cabin_price) ?? num(item.basic_cabin_price);
  if (ticket !== undefined && base !== undefined && ticket > 0 && base > 0 && ticket <= base * 3) {
    fare.discount = Math.round((ticket / base) * 100) / 10;
  }
  // cabin_num, the airline seat-status code: 1–9 = seats left, A = 10 or more; L (waitlist),
  // Q (on request), S and C (closed) cannot be bought now, so they count as no seats at this fare.
  const seats = str(seg.cabin_num);
  if (seats && /^[1-9]$/.test(seats)) fare.seatsLeft = Number(seats);
  else if (seats && /^[LQSC]$/.test(seats)) fare.seatsLeft = 0;
  else if (seats && seats !== 'A') {
    issues.push({ code: 'unknown-field', row, field: `${field}.cabin_num`, message: `unknown cabin_num ${excerpt(seats, 8)}` });
  }
  // A conditional fare (unknown fare_type, first/business) never merges into an ordinary one.
  const key = `${fare.cabinClass}|${fare.cabin ?? ''}|${fare.price}|${fare.taxes ?? ''}|${fare.seatsLeft ?? ''}|${fare.condition?.kinds.join() ?? ''}`;
  if (flight.fareKeys.has(key)) {
    // The same fare from another agent adds nothing to compare; counted, not silently dropped.
    flight.duplicateFares++;
    return;
  }
  flight.fareKeys.add(key);
  flight.option.fares.push(fare);
}
