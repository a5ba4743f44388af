// Decoder for Fliggy's (飞猪) one-way flight search data, two ways in (see shared/SITES.md):
//   1. the JSONP the search page loads from sjipiao.fliggy.com/searchow/search.htm?…&callback=NAME,
//      `NAME({data:{depCityCode, arrCityCode, aircodeNameMap, airportMap, flight[]}})`, prices in YUAN;
//   2. the rendered list (tr.flight-item-tr), read by the content script into FliggyDomRow texts
//      (decoded in ./fliggy/dom.ts, re-exported here).
// The field names come from public reports, not a captured body: we are strict on what a flight
// needs (number, airports, times) and lenient on everything else; a body of an unknown shape is a
// 'schema' error naming the missing field, a flight we cannot read is an issue with its index.

import type { AirOption, CabinClass, EpochMs, Fare, FlightSearchResult } from '../model';
import { type DecodeIssue, type DecodeResult, excerpt, fail, guard } from '../result';
import { CHINA_OFFSET_MS, chinaDateOf, chinaInstant, MINUTE_MS, parseChinaDateTime, parseHm } from '../time';
import { airlineOfFlight } from './airlines';
import { NAME, baseOption, finish, normalizeDiscount, sameDayMerge, yuanToFen } from './fliggy/common';
import { iata, isObj, num, present, str } from '../loose';

const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 'true' || v === 'Y' || v === 'y';
/** Terminal text: "T2" kept, "", "--" and "-" are "not given". */
const terminal = (v: unknown) => {
  const t = str(v);
  return t && !/^-+$/.test(t) ? t : undefined;
};

// Fliggy runs on the same Alitrip backend as TOP, whose scale is 0 first / 1 business / 2 economy;
// only 2 = economy is confirmed by public reports for Fliggy itself.
const CABIN_CLASSES: Record<number, CabinClass> = { 0: 'first', 1: 'business', 2: 'economy' };

function nameMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObj(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string') out[k] = x;
    else if (isObj(x)) {
      const n = str(x.name) ?? str(x.shortName) ?? str(x.airportName);
      if (n) out[k] = n;
    }
  }
  return out;
}

const looksLikeHtml = (t: string) => /^<(!doctype\s+html|html|head|body|\?xml)\b/i.test(t) || /^<[a-z!]/i.test(t);

/** Strips a JSONP wrapper: `NAME(...)`, `/**\/NAME(...)`, trailing `;`; plain JSON passes through. */
export function unwrapJsonp(text: string): string {
  const t = text.trim().replace(/^\uFEFF/, '');
  const m = /^(?:\/\*\*\/\s*)?(?:try\s*\{\s*)?[A-Za-z_$][\w$.]*\s*\(([\s\S]*)\)\s*;?\s*(?:\}\s*catch\s*\([^)]*\)\s*\{\s*\}\s*)?$/.exec(t);
  return m ? m[1]! : t;
}


const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits s[i..i+n) as a number, or -1 when any is not a digit (no regex, no allocation). */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** "YYYY-MM-DD HH:mm" China time → instant; the exact form Fliggy sends, fast, else lib/time's parser. */
function parseDateTime(s: string): EpochMs | undefined {
  if (s.length !== 16 || s[4] !== '-' || s[7] !== '-' || s[10] !== ' ' || s[13] !== ':') return parseChinaDateTime(s);
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  if (d > DAYS_IN_MONTH[mo - 1]! + leap) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi) - CHINA_OFFSET_MS;
}

/** Arrival from "YYYY-MM-DD HH:mm", or a bare "HH:mm" on the departure day (next day when earlier). */
function arrivalInstant(v: string, depart: EpochMs): EpochMs | undefined {
  const full = parseDateTime(v);
  if (full !== undefined) return full;
  const hm = parseHm(v);
  if (hm === undefined) return undefined;
  let t = chinaInstant(chinaDateOf(depart), hm);
  while (t <= depart) t += 24 * 60 * MINUTE_MS;
  return t;
}

// ───────────────────────────── JSONP ─────────────────────────────

function readCabin(cabin: unknown, flightNo: string, row: number, taxes: number | undefined, issues: DecodeIssue[]): Fare | undefined {
  if (!present(cabin)) return undefined; // no cabin on sale: listed without a fare (sold out)
  if (!isObj(cabin)) {
    issues.push({ code: 'row-bad-field', row, field: `flight[${row}].cabin`, message: `${flightNo}: cabin is not an object` });
    return undefined;
  }
  const raw = present(cabin.price) ? cabin.price : present(cabin.bestPrice) ? cabin.bestPrice : cabin.ticketPrice;
  const yuan = num(raw);
  if (yuan === undefined || yuan <= 0) {
    issues.push({
      code: 'row-bad-price',
      row,
      field: `flight[${row}].cabin.price`,
      message: `${flightNo}: unusable price`,
      sample: excerpt(String(raw), 40),
    });
    return undefined;
  }
  const clsNum = num(cabin.cabinClass);
  let cabinClass: CabinClass = 'unknown';
  if (clsNum !== undefined) {
    const known = CABIN_CLASSES[clsNum];
    if (known) cabinClass = known;
    else issues.push({ code: 'unknown-field', row, field: `flight[${row}].cabin.cabinClass`, message: `${flightNo}: unknown cabinClass ${clsNum}` });
  }
  const fare: Fare = { cabinClass, price: yuanToFen(yuan) };
  const code = str(cabin.cabin) ?? str(cabin.cabinCode);
  if (code && /^[A-Z]\d?$/.test(code)) fare.cabin = code;
  const d = num(cabin.discount);
  if (d !== undefined) {
    const n = normalizeDiscount(d);
    if (n !== undefined) fare.discount = n;
  }
  const seats = num(cabin.cabinNum) ?? num(cabin.seatNum);
  // 1–9 is a count, 0 is sold out at this fare; larger numbers mean "plenty" (no count).
  if (seats !== undefined && Number.isInteger(seats) && seats >= 0 && seats < 10) fare.seatsLeft = seats;
  if (taxes !== undefined) {
    fare.taxes = taxes;
    fare.total = fare.price + taxes;
  }
  return fare;
}

function readFlight(v: unknown, row: number, depCity: string | undefined, arrCity: string | undefined, issues: DecodeIssue[]): AirOption | undefined {
  const field = `flight[${row}]`;
  if (!isObj(v)) {
    issues.push({ code: 'row-bad-field', row, field, message: `${field} is not an object` });
    return undefined;
  }
  const flightNo = str(v.flightNo)?.toUpperCase();
  const dep = iata(v.depAirport);
  const arr = iata(v.arrAirport);
  const depText = str(v.depTime);
  const arrText = str(v.arrTime);
  const depart = depText ? parseDateTime(depText) : undefined;
  const arrive = arrText && depart !== undefined ? arrivalInstant(arrText, depart) : undefined;
  const bad = [
    !flightNo && 'flightNo',
    !dep && 'depAirport',
    !arr && 'arrAirport',
    depart === undefined && 'depTime',
    arrive === undefined && 'arrTime',
  ].filter((x): x is string => Boolean(x));
  if (bad.length || !flightNo || !dep || !arr || depart === undefined || arrive === undefined) {
    issues.push({
      code: 'row-bad-field',
      row,
      field: `${field}.${bad[0]}`,
      message: `${field}${flightNo ? ` (${flightNo})` : ''}: missing or malformed ${bad.join(', ')}`,
      sample: excerpt(JSON.stringify(v), 120),
    });
    return undefined;
  }
  if (arrive <= depart) {
    issues.push({ code: 'row-bad-field', row, field: `${field}.arrTime`, message: `${flightNo}: arrival is not after departure` });
    return undefined;
  }
  const airline = str(v.airlineCode)?.toUpperCase() ?? airlineOfFlight(flightNo) ?? flightNo.slice(0, 2);
  const f = baseOption(flightNo, airline, depart, arrive, { code: dep }, { code: arr });
  const depTerm = terminal(v.depTerm);
  const arrTerm = terminal(v.arrTerm);
  if (depTerm) f.from.terminal = depTerm;
  if (arrTerm) f.to.terminal = arrTerm;
  if (depCity) f.from.city = depCity;
  if (arrCity) f.to.city = arrCity;
  f.stops = num(v.stop) ?? 0;
  f.transfer = truthy(v.isTransfer);
  const aircraft = str(v.flightType) ?? str(v.planeType);
  if (aircraft) f.aircraft = aircraft;
  // buildPrice (airport construction fee) + oilPrice (fuel surcharge), yuan.
  const taxParts = [num(v.buildPrice), num(v.oilPrice)].filter((x): x is number => x !== undefined && x >= 0);
  const taxes = taxParts.length ? yuanToFen(taxParts.reduce((a, b) => a + b, 0)) : undefined;
  const fare = readCabin(v.cabin, flightNo, row, taxes, issues);
  if (fare) f.fares.push(fare);
  return f;
}

function decodeJson(text: string): DecodeResult<FlightSearchResult> {
  const t = text.trim().replace(/^\uFEFF/, '');
  if (!t) return fail('empty', `${NAME}: empty response`, `${NAME}：响应为空`);
  if (t[0] === '<' && looksLikeHtml(t)) {
    return fail('html-page', `${NAME}: the server answered with an HTML page (login or verification?)`, `${NAME}：服务器返回了网页（可能需要登录或验证）`, {
      sample: excerpt(t),
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(unwrapJsonp(t));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail('not-json', `${NAME}: not JSON or JSONP (${why})`, `${NAME}：不是 JSON 或 JSONP（${why}）`, { sample: excerpt(t) });
  }
  if (!isObj(parsed)) {
    return fail('schema', `${NAME}: missing data (body is not an object)`, `${NAME}：缺少 data（响应不是对象）`, { sample: excerpt(t) });
  }
  const data = parsed.data;
  if (!isObj(data)) {
    const said = str(parsed.error) ?? str(parsed.message) ?? str(parsed.msg) ?? str(parsed.errorMsg);
    if (said) return fail('rejected', `${NAME}: Fliggy said: ${said}`, `${NAME}：飞猪返回：${said}`, { sample: excerpt(t) });
    return fail('schema', `${NAME}: missing data`, `${NAME}：缺少 data 字段`, { sample: excerpt(t) });
  }
  if (!Array.isArray(data.flight)) {
    return fail(
      'schema',
      `${NAME}: missing data.flight${present(data.flight) ? ' (not a list)' : ''}`,
      `${NAME}：缺少 data.flight${present(data.flight) ? '（不是列表）' : ''}`,
      { sample: excerpt(t) },
    );
  }
  const issues: DecodeIssue[] = [];
  const depCity = str(data.depCityCode)?.toUpperCase();
  const arrCity = str(data.arrCityCode)?.toUpperCase();
  const airports = nameMap(data.airportMap);
  const airlines = nameMap(data.aircodeNameMap);
  const byId = new Map<string, AirOption>();
  data.flight.forEach((v, row) => {
    const f = readFlight(v, row, depCity, arrCity, issues);
    if (f && sameDayMerge(byId, f)) {
      issues.push({ code: 'other', row, field: `flight[${row}]`, message: `${f.flightNo} listed again: fares merged into one flight` });
    }
  });
  return finish(byId, airports, airlines, depCity, arrCity, issues);
}

/** Decodes the search JSONP (or its plain JSON) into one AirOption per flight. */
export function decodeFliggySearch(text: string): DecodeResult<FlightSearchResult> {
  return guard(NAME, () => decodeJson(text));
}

export { decodeFliggyDomRows, type FliggyDomOptions, type FliggyDomRow } from './fliggy/dom';
