// Builders of flight search bodies in the real wire formats, from a friendly list of flights:
// Taobao Open Platform (taobao.trip.jipiao.nsearch.ow.search) JSON and XML and its error_response,
// and (re-exported from fliggy-body.ts) Fliggy's search JSONP. Used by the decoder tests, the
// replay server, the demo and the benches.

import { AIRLINE_NAMES } from '../../lib/air/airlines';
import type { ChinaDate } from '../../lib/model';
import { addDays, chinaDateOf, chinaHm, chinaInstant } from '../../lib/time';
import {
  AIRPORT_NAMES,
  AIRPORTS_OF_CITY,
  CITY_NAMES,
  CLASS_LETTER,
  CLASS_NAME,
  CLASS_NUM,
  cityOf,
  fliggyRestricted,
  specInstants,
  splitTaxes,
  type FlightSpec,
} from './flight-spec';

export {
  AIRPORT_NAMES,
  AIRPORTS_OF_CITY,
  CITY_OF_AIRPORT,
  fliggyAmount,
  fliggyRestricted,
  isOrdinaryFare,
  specInstants,
  type FlightSpec,
  type LegSpec,
} from './flight-spec';
export { buildFliggyJsonp, buildFliggyObject } from './fliggy-body';

// ───────────────────────────── TOP ─────────────────────────────

export interface TopBuildOptions {
  /** Put the *_map fields as objects instead of JSON strings. */
  mapsAsObjects?: boolean;
  /** Lists as bare arrays (as `simplify=true` gives) instead of `{at_n_search_item_v_o: [...]}`. */
  unwrapLists?: boolean;
}

/** The response as a plain object (what JSON.parse of buildTopSearchJson gives). */
export function buildTopSearchObject(specs: FlightSpec[], opts: TopBuildOptions = {}): Record<string, unknown> {
  const map = (o: unknown) => (opts.mapsAsObjects ? o : JSON.stringify(o));
  const wrap = (name: string, xs: unknown[]) => (opts.unwrapLists ? xs : { [name]: xs });
  const flightInfo: Record<string, unknown> = {};
  const airports: Record<string, string> = {};
  const airlines: Record<string, string> = {};
  const cities: Record<string, string> = {};
  const cabins: Record<string, unknown> = {};
  const items: unknown[] = [];
  specs.forEach((s, i) => {
    const depCity = cityOf(s.dep);
    const arrCity = cityOf(s.arr);
    cities[depCity] = CITY_NAMES[depCity] ?? depCity;
    cities[arrCity] = CITY_NAMES[arrCity] ?? arrCity;
    airports[s.dep] = AIRPORT_NAMES[s.dep] ?? s.dep;
    airports[s.arr] = AIRPORT_NAMES[s.arr] ?? s.arr;
    airlines[s.airline] = AIRLINE_NAMES[s.airline] ?? s.airline;
    const cls = s.cabinClass ?? 'economy';
    const cabin = s.cabin ?? CLASS_LETTER[cls];
    const legs = s.legs ? s.legs.map((l) => l.flightNo) : s.transfer ? s.flightNo.split('/') : [s.flightNo];
    if (!s.transfer && !s.legs) {
      const { depart, arrive } = specInstants(s);
      const info: Record<string, unknown> = {
        depTime: depart,
        flightType: s.aircraft ?? '320',
        depAirportCode: s.dep,
        depTerm: s.depTerm ?? '',
        flight: s.flightNo,
        stops: 0,
        airlineCode: s.airline,
        meals: 1,
        arrTerm: s.arrTerm ?? '',
        arrTime: arrive,
        carrier: s.operatedBy ?? '',
        arrAirportCode: s.arr,
      };
      if (s.taxesFen !== undefined) {
        const { fees, fuel } = splitTaxes(s.taxesFen);
        info.fees = fees;
        info.taxes = fuel;
      }
      flightInfo[`${depCity}${arrCity}${s.flightNo}`] = info;
    }
    // TOP's open search sells fares any adult may buy (fare_type 0–3) and says nothing of age
    // limits or member prices: a fare that is Fliggy-only (限16-25周岁, 会员价…) is not offered there.
    if (s.priceFen === null || fliggyRestricted(s)) return;
    cabins[`${s.airline}-${cabin}`] = { cabinClass: CLASS_NUM[cls], cabin, name: CLASS_NAME[cls], airline: s.airline };
    const segments = legs.map((no, k) => {
      const seg: Record<string, unknown> = {
        dep_city: k === 0 ? depCity : 'XXX',
        arr_city: k === legs.length - 1 ? arrCity : 'XXX',
        fare_type: 0,
        price: s.priceFen,
        stock_type: 0,
        segment_number: `0${k}`,
        cabin,
        cabin_class: CLASS_NUM[cls],
        cabin_num: 'A',
        invoice_type: 1,
        ticket_price: s.priceFen,
        auto_book: true,
        flag: 0,
        flight_no: no,
      };
      if (s.fullFareFen !== undefined) seg.basic_cabin_price = s.fullFareFen;
      return seg;
    });
    items.push({
      agent_id: 1426 + i,
      price: s.priceFen,
      support_insure_promotion: false,
      trip_type: 0,
      item_type: 0,
      segments: wrap('at_n_search_segment_v_o', segments),
      ticket_price: s.priceFen,
      is_qijian: i % 3 === 0,
      attributes: '{"sit":true}',
      force_insure: false,
    });
  });
  return {
    trip_jipiao_nsearch_ow_search_response: {
      result: {
        city_info_map: map(cities),
        airport_info_map: map(airports),
        airline_info_map: map(airlines),
        flight_type_info_map: map({ small: [], middle: ['320', '738'], large: ['333'] }),
        flight_info_map: map(flightInfo),
        cabin_info_map: map(cabins),
        items: wrap('at_n_search_item_v_o', items),
      },
      request_id: 'z28p1l2kqg9q',
    },
  };
}

export function buildTopSearchJson(specs: FlightSpec[], opts: TopBuildOptions = {}): string {
  return JSON.stringify(buildTopSearchObject(specs, opts));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function toXml(name: string, v: unknown, indent: string): string {
  if (Array.isArray(v)) return v.map((x) => toXml(name, x, indent)).join('');
  if (v !== null && typeof v === 'object') {
    const inner = Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => toXml(k, x, `${indent}  `))
      .join('');
    return `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${escapeXml(String(v))}</${name}>\n`;
}

/** The same response as TOP's `format=xml`: one element per field, JSON maps entity-encoded. */
export function buildTopSearchXml(specs: FlightSpec[]): string {
  const obj = buildTopSearchObject(specs);
  const body = (obj.trip_jipiao_nsearch_ow_search_response as Record<string, unknown>).result;
  return `<?xml version="1.0" encoding="utf-8" ?>\n${toXml('trip_jipiao_nsearch_ow_search_response', { result: body }, '')}`;
}

/** TOP's error_response, e.g. buildTopError('isv.remote-service-error:USER_AUTH_FAIL', 'error:USER_AUTH_FAIL', 'json'). */
export function buildTopError(subCode: string, subMsg: string, format: 'json' | 'xml' = 'json', code = 15, msg = 'Remote service error'): string {
  const e = { code, msg, sub_code: subCode, sub_msg: subMsg, request_id: '3ryqh1ejt5yu' };
  return format === 'json' ? JSON.stringify({ error_response: e }) : `<?xml version="1.0" encoding="utf-8" ?>\n${toXml('error_response', e, '')}`;
}

// ───────────────────────────── Generated days ─────────────────────────────

import { rng } from './rng';

export { rng };

// Rough block times in minutes between city pairs (either direction).
const BLOCK_MIN: Record<string, number> = {
  'BJS-SHA': 135, 'BJS-CAN': 195, 'BJS-SZX': 200, 'BJS-CTU': 175, 'BJS-SIA': 125, 'BJS-HGH': 130, 'BJS-KMG': 235,
  'BJS-CKG': 165, 'SHA-CAN': 145, 'SHA-SZX': 150, 'SHA-CTU': 200, 'SHA-CKG': 170, 'SHA-KMG': 210, 'CAN-CTU': 130,
};
const TERMINALS: Record<string, string[]> = {
  PEK: ['T2', 'T3'], PKX: [''], SHA: ['T1', 'T2'], PVG: ['T1', 'T2'], CAN: ['T1', 'T2'], SZX: ['T3'],
  CTU: ['T1', 'T2'], TFU: ['T1', 'T2'],
};
const CARRIERS = ['CA', 'MU', 'CZ', 'HU', '3U', 'ZH', 'MF', 'FM', 'HO', '9C', 'SC', 'KN', 'GS', 'JD'];
const AIRCRAFT = ['320', '321', '32N', '738', '73M', '789', '333'];

/**
 * n flights for one day between two cities: departures spread 06:00–23:30 (the last ones land
 * after midnight), prices ¥400–¥2,500 in ¥10 steps, about one in twelve sold out, a few business
 * fares. Deterministic for a seed.
 */
export function generateFlights(n: number, depCity: string, arrCity: string, date: ChinaDate, seed = 1): FlightSpec[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const deps = AIRPORTS_OF_CITY[depCity] ?? [depCity];
  const arrs = AIRPORTS_OF_CITY[arrCity] ?? [arrCity];
  const block = BLOCK_MIN[`${depCity}-${arrCity}`] ?? BLOCK_MIN[`${arrCity}-${depCity}`] ?? 150;
  const used = new Set<string>();
  const out: FlightSpec[] = [];
  for (let i = 0; i < n; i++) {
    // Even spread with jitter, 5-minute steps; the last two always at 23:00 and 23:30.
    let depMin = n > 1 ? 360 + Math.round((i * (1410 - 360)) / (n - 1)) : 480;
    depMin += Math.round((rand() - 0.5) * 30);
    depMin = Math.min(1410, Math.max(360, Math.round(depMin / 5) * 5));
    if (n >= 4 && i === n - 2) depMin = 1380;
    if (n >= 4 && i === n - 1) depMin = 1410;
    const dur = Math.max(60, Math.round((block + (rand() - 0.3) * 30) / 5) * 5);
    const airline = pick(CARRIERS);
    let flightNo: string;
    do flightNo = `${airline}${1000 + Math.floor(rand() * 9000)}`;
    while (used.has(flightNo));
    used.add(flightNo);
    const dep = pick(deps);
    const arr = pick(arrs);
    const depart = chinaInstant(date, depMin);
    const arrive = depart + dur * 60_000;
    const business = rand() < 0.08;
    const soldOut = rand() < 0.08;
    const priceYuan = business ? 1800 + Math.floor(rand() * 71) * 10 : 400 + Math.floor(rand() * 141) * 10;
    const s: FlightSpec = {
      flightNo,
      airline,
      dep,
      arr,
      depTime: `${date} ${chinaHm(depart)}`,
      arrTime: chinaDateOf(arrive) === date ? chinaHm(arrive) : `${addDays(date, 1)} ${chinaHm(arrive)}`,
      priceFen: soldOut ? null : priceYuan * 100,
      taxesFen: 5000 + (block >= 150 ? 4000 : 2000),
      cabinClass: business ? 'business' : 'economy',
      fullFareFen: business ? 400000 : 250000,
      aircraft: pick(AIRCRAFT),
    };
    const dt = pick(TERMINALS[dep] ?? ['T1', 'T2']);
    const at = pick(TERMINALS[arr] ?? ['T1', 'T2']);
    if (dt) s.depTerm = dt;
    if (at) s.arrTerm = at;
    out.push(s);
  }
  // A day of any size shows a sold-out flight: the UI and the tests need one.
  if (n >= 8 && !out.some((s) => s.priceFen === null)) out[Math.floor(n / 3)]!.priceFen = null;
  return out.sort((a, b) => a.depTime.localeCompare(b.depTime) || a.flightNo.localeCompare(b.flightNo));
}
