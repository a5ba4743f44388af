// Decoder for the Taobao Open Platform domestic flight search, taobao.trip.jipiao.nsearch.ow.search
// (seed: shared/seeds/taobao-flight-search-api.txt). One answer carries:
//   - flight_info_map: flights keyed dep city + arr city + flight no ("BJSSHAMU5102"), with epoch-ms
//     times, airports, terminals, and taxes/fees in fen — a JSON *string* in both JSON and XML form;
//   - items[]: products (fares) sold by agents, each with segments[] naming the flight and cabin.
// We join them into one AirOption per flight with its fares. Round trips and multi-segment
// itineraries are not one-way flights: they are reported as 'skipped', never dropped silently.
// The answer's envelope and errors are read in ./top/envelope.ts, flights and fares in ./top/rows.ts.

import type { AirOption, ChinaDate, FlightSearchResult } from '../model';
import { type DecodeIssue, type DecodeResult, excerpt, fail, guard, ok } from '../result';
import { AIRLINE_NAMES } from './airlines';
import { cheapestOpen } from './fares';
import { isObj, present, type Obj } from '../loose';
import { NAME, ROOT, list, nameMap, parseBody, readMap, topError } from './top/envelope';
import { readFlight, readItem, type FlightRow } from './top/rows';

function decode(text: string): DecodeResult<FlightSearchResult> {
  const parsed = parseBody(text);
  if ('error' in parsed) return parsed.error;
  const root = parsed.body;
  if (isObj(root.error_response)) return topError(root.error_response);

  const issues: DecodeIssue[] = [];
  let result: Obj | undefined;
  const wrapper = root[ROOT];
  if (isObj(wrapper)) {
    if (isObj(wrapper.result)) result = wrapper.result;
    else if (!present(wrapper.result)) {
      // TOP leaves out empty fields: a response without a result is a search that found nothing.
      issues.push({ code: 'other', field: `${ROOT}.result`, message: 'response has no result (no flights found)' });
      result = {};
    }
  } else if (isObj(root.result)) result = root.result;
  else if ('flight_info_map' in root) result = root;
  if (!result) {
    return fail(
      'schema',
      `${NAME}: missing ${ROOT}.result`,
      `${NAME}：缺少 ${ROOT}.result`,
      { sample: excerpt(JSON.stringify(root), 160) },
    );
  }

  const airports = nameMap(result.airport_info_map, 'airport_info_map', issues);
  const airlines = nameMap(result.airline_info_map, 'airline_info_map', issues);
  const cabinMap = readMap(result.cabin_info_map);
  if (cabinMap === 'bad') issues.push({ code: 'row-bad-field', field: 'cabin_info_map', message: 'cabin_info_map is not a JSON object' });
  const cabinInfo: Obj = cabinMap && cabinMap !== 'bad' ? cabinMap : {};

  const flightMap = readMap(result.flight_info_map);
  if (flightMap === 'bad') {
    return fail(
      'schema',
      `${NAME}: flight_info_map is not a JSON object`,
      `${NAME}：flight_info_map 不是 JSON 对象`,
      { sample: excerpt(String(result.flight_info_map), 80) },
    );
  }

  const flights = new Map<string, FlightRow>();
  let row = 0;
  for (const [key, v] of Object.entries(flightMap ?? {})) {
    const f = readFlight(key, v, row++, issues);
    if (!f) continue;
    const dup = flights.get(f.option.flightNo);
    if (dup) {
      issues.push({ code: 'skipped', row: row - 1, field: `flight_info_map.${key}`, message: `duplicate flight ${f.option.flightNo}` });
      continue;
    }
    flights.set(f.option.flightNo, f);
  }

  const items = list(result.items, 'at_n_search_item_v_o');
  if (!items) {
    issues.push({ code: 'row-bad-field', field: 'items', message: 'items is not a list', sample: excerpt(String(result.items), 60) });
  } else {
    items.forEach((item, i) => readItem(item, i, flights, cabinInfo, issues));
  }

  const out: AirOption[] = [];
  let duplicates = 0;
  for (const { option, duplicateFares } of flights.values()) {
    duplicates += duplicateFares;
    option.fares.sort((a, b) => a.price - b.price);
    const lowest = cheapestOpen(option.fares);
    if (lowest) option.lowest = lowest;
    const name = airlines[option.airline] ?? AIRLINE_NAMES[option.airline];
    if (name) option.airlineName = name;
    const fromName = airports[option.from.code];
    const toName = airports[option.to.code];
    if (fromName) option.from.name = fromName;
    if (toName) option.to.name = toName;
    out.push(option);
  }
  out.sort((a, b) => a.depart - b.depart || a.flightNo.localeCompare(b.flightNo));
  if (duplicates > 0) {
    issues.push({ code: 'skipped', field: 'items', message: `${duplicates} fare(s) repeated by other agents merged` });
  }

  const value: FlightSearchResult = { source: 'top', airports, airlines, flights: out };
  const first = out[0];
  if (first) {
    value.date = first.date as ChinaDate;
    if (first.from.city) value.depCity = first.from.city;
    if (first.to.city) value.arrCity = first.to.city;
  }
  return ok(value, issues);
}

/** Decodes a taobao.trip.jipiao.nsearch.ow.search answer (JSON or XML) into one AirOption per flight. */
export function decodeTopSearch(text: string): DecodeResult<FlightSearchResult> {
  return guard(NAME, () => decode(text));
}
