// Decoder for the Taobao Open Platform domestic flight search, taobao.trip.jipiao.nsearch.ow.search
// (seed: shared/seeds/taobao-flight-search-api.txt). One answer carries:
//   - flight_info_map: flights keyed dep city + arr city + flight no ("BJSSHAMU5102"), with epoch-ms
//     times, airports, terminals, and taxes/fees in fen — a JSON *string* in both JSON and XML form;
//   - items[]: products (fares) sold by agents, each with segments[] naming the flight and cabin.
// We join them into one AirOption per flight with its fares. Round trips and multi-segment
// itineraries are not one-way flights: they are reported as 'skipped', never dropped silently.

import type { AirOption, CabinClass, ChinaDate, Fare, FlightSearchResult } from '../model';
import { type DecodeIssue, type DecodeResult, excerpt, fail, guard, ok } from '../result';
import { CHINA_OFFSET_MS, chinaDateOf, DAY_MS, MINUTE_MS } from '../time';
import { AIRLINE_NAMES, airlineOfFlight } from './airlines';
import { cheapestOpen } from './fares';
import { parseXml, XmlError } from './xml';
import { iata, isObj, num, present, str, type Obj } from '../loose';

const NAME = 'TOP flight search';
const ROOT = 'trip_jipiao_nsearch_ow_search_response';


/**
 * TOP wraps lists as `{ at_n_search_item_v_o: [...] }`; XML with one child gives an object instead
 * of an array; `simplify=true` answers give the bare array. Accept all three.
 */
function list(v: unknown, inner: string): unknown[] | undefined {
  if (!present(v)) return [];
  if (Array.isArray(v)) return v;
  if (!isObj(v)) return undefined;
  if (inner in v) {
    const x = v[inner];
    if (Array.isArray(x)) return x;
    if (isObj(x)) return [x];
    return present(x) ? undefined : [];
  }
  return [v];
}

/** The `*_map` fields: JSON strings per the documentation, objects accepted too. */
function readMap(v: unknown): Obj | undefined | 'bad' {
  if (!present(v)) return undefined;
  if (isObj(v)) return v;
  if (typeof v !== 'string') return 'bad';
  try {
    const parsed: unknown = JSON.parse(v);
    return isObj(parsed) ? parsed : 'bad';
  } catch {
    return 'bad';
  }
}

function nameMap(v: unknown, field: string, issues: DecodeIssue[]): Record<string, string> {
  const m = readMap(v);
  if (m === 'bad') {
    issues.push({ code: 'row-bad-field', field, message: `${field} is not a JSON object`, sample: excerpt(String(v), 60) });
    return {};
  }
  const out: Record<string, string> = {};
  if (m) for (const [k, name] of Object.entries(m)) if (typeof name === 'string') out[k] = name;
  return out;
}

// Segment cabin_class per the documentation: 0 first, 1 business, 2 economy (cabin_info_map agrees on 2).
const CABIN_CLASSES: Record<number, CabinClass> = { 0: 'first', 1: 'business', 2: 'economy' };

// TOP gateway error codes that have a clearer explanation than their `msg`.
const GATEWAY: Record<string, [en: string, zh: string]> = {
  '7': ['call limit reached for this app key, try again later', '此 App Key 调用次数超限，请稍后再试'],
  '11': ['this app key lacks the permission for this API', '此 App Key 没有调用该接口的权限'],
  '25': ['invalid signature — check the app secret and sign method', '签名无效，请检查 App Secret 和签名方式'],
  '29': ['invalid app key', 'App Key 无效'],
};

function topError(e: Obj): DecodeResult<FlightSearchResult> {
  const code = str(e.code) ?? '';
  const msg = str(e.msg) ?? '';
  const subCode = str(e.sub_code) ?? '';
  const subMsg = str(e.sub_msg) ?? '';
  const detail = [subCode, subMsg].filter(Boolean).join(': ') || [code, msg].filter(Boolean).join(' ');
  const sample = excerpt(JSON.stringify(e), 200);
  if (/USER_AUTH_FAIL/i.test(`${subCode} ${subMsg} ${msg}`)) {
    return fail(
      'rejected',
      `Taobao Open Platform: this app key is not authorised for flight search (${detail})`,
      `淘宝开放平台：此 App Key 未获授权使用机票搜索（${detail}）`,
      { sample },
    );
  }
  const known = GATEWAY[code];
  const why = known ? `${known[0]} (code ${code}${detail ? `, ${detail}` : ''})` : `${detail || 'no reason given'}${code ? ` (code ${code})` : ''}`;
  const whyZh = known ? `${known[1]}（错误码 ${code}${detail ? `，${detail}` : ''}）` : `${detail || '未说明原因'}${code ? `（错误码 ${code}）` : ''}`;
  return fail('rejected', `Taobao Open Platform refused the request: ${why}`, `淘宝开放平台拒绝了请求：${whyZh}`, {
    sample,
  });
}

const looksLikeHtml = (t: string) => /^<(!doctype\s+html|html|head|body)\b/i.test(t);

type Parsed = { body: Obj } | { error: DecodeResult<FlightSearchResult> };

/** Raw text → the response object, or a typed error. */
function parseBody(text: string): Parsed {
  const t = text.trim().replace(/^\uFEFF/, '');
  if (!t) return { error: fail('empty', `${NAME}: empty response`, `${NAME}：响应为空`) };
  if (t[0] === '<') {
    if (looksLikeHtml(t)) {
      return {
        error: fail('html-page', `${NAME}: the server answered with an HTML page`, `${NAME}：服务器返回了网页而不是数据`, {
          sample: excerpt(t),
        }),
      };
    }
    try {
      return { body: parseXml(t) };
    } catch (e) {
      const why = e instanceof XmlError ? e.message : String(e);
      return { error: fail('not-json', `${NAME}: malformed XML (${why})`, `${NAME}：XML 格式错误（${why}）`, { sample: excerpt(t) }) };
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { error: fail('not-json', `${NAME}: not JSON or XML (${why})`, `${NAME}：不是 JSON 或 XML（${why}）`, { sample: excerpt(t) }) };
  }
  if (!isObj(parsed)) {
    return { error: fail('schema', `${NAME}: expected an object with ${ROOT}`, `${NAME}：应为含 ${ROOT} 的对象`, { sample: excerpt(t) }) };
  }
  return { body: parsed };
}

/** Days since the epoch on China's calendar (cheap day arithmetic on the hot path). */
const chinaDayIndex = (t: number) => Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);

interface FlightRow {
  option: AirOption;
  taxes?: number;
  fareKeys: Set<string>;
  /** Fares dropped as exact repeats (same class, cabin, price, seats) from other agents. */
  duplicateFares: number;
}

/** flight_info_map entry → AirOption without fares, or an issue. */
function readFlight(key: string, v: unknown, row: number, issues: DecodeIssue[]): FlightRow | undefined {
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
function readItem(
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
  if (clsNum !== undefined) {
    const known = CABIN_CLASSES[clsNum];
    if (known) cabinClass = known;
    else issues.push({ code: 'unknown-field', row, field: `${field}.cabin_class`, message: `unknown cabin_class ${clsNum}` });
  }
  const fare: Fare = { cabinClass, price: Math.round(price) };
  if (cabin) fare.cabin = cabin;
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
  const key = `${fare.cabinClass}|${fare.cabin ?? ''}|${fare.price}|${fare.seatsLeft ?? ''}`;
  if (flight.fareKeys.has(key)) {
    // The same fare from another agent adds nothing to compare; counted, not silently dropped.
    flight.duplicateFares++;
    return;
  }
  flight.fareKeys.add(key);
  flight.option.fares.push(fare);
}

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
