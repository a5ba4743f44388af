// Decoder for Fliggy's (飞猪) one-way flight search data, two ways in (see shared/SITES.md):
//   1. the JSONP the search page loads from sjipiao.fliggy.com/searchow/search.htm?…&callback=NAME,
//      `NAME({data:{depCityCode, arrCityCode, aircodeNameMap, airportMap, flight[]}})`, prices in YUAN;
//   2. the rendered list (tr.flight-item-tr), read by the content script into FliggyDomRow texts
//      (decoded in ./fliggy/dom.ts, re-exported here).
// The field names come from public reports, not a captured body: we are strict on what a flight
// needs (number, airports, times) and lenient on everything else; a body of an unknown shape is a
// 'schema' error naming the missing field, a flight we cannot read is an issue with its index.

import type { AirOption, FlightSearchResult } from '../model';
import { type DecodeIssue, type DecodeResult, excerpt, fail, guard } from '../result';
import { airlineOfFlight } from './airlines';
import { NAME, baseOption, finish, sameDayMerge, truthy } from './fliggy/common';
import { type CabinRead, readCabin, readTaxes } from './fliggy/cabin';
import { readLegs, readSegment } from './fliggy/segment';
import { isObj, num, present, str } from '../loose';

/** IATA city codes of the search (data.depCityCode / arrCityCode). */
interface Cities {
  dep?: string;
  arr?: string;
}

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


// ───────────────────────────── JSONP ─────────────────────────────

function readFlight(v: unknown, row: number, cities: Cities, issues: DecodeIssue[], bare: { count: number }): AirOption | undefined {
  const field = `flight[${row}]`;
  if (!isObj(v)) {
    issues.push({ code: 'row-bad-field', row, field, message: `${field} is not an object` });
    return undefined;
  }
  // A connection lists its flights in transferFlight[] in place of its own number and times
  // (an item that still has its own number is read as one flight, marked as a transfer).
  const connection = truthy(v.isTransfer) && (present(v.transferFlight) || !present(v.flightNo));
  const legs = connection ? readLegs(v.transferFlight, `${field}.transferFlight`, row, issues) : undefined;
  const seg = connection ? undefined : readSegment(v, field, row, issues);
  const first = legs ? legs[0]! : seg;
  const last = legs ? legs[legs.length - 1]! : seg;
  if (!first || !last) return undefined;
  const flightNo = legs ? legs.map((l) => l.flightNo).join('+') : first.flightNo;
  const airline = str(v.airlineCode)?.toUpperCase() ?? airlineOfFlight(first.flightNo) ?? first.flightNo.slice(0, 2);
  const f = baseOption(flightNo, airline, first.depart, last.arrive, { ...first.from }, { ...last.to });
  if (cities.dep) f.from.city = cities.dep;
  if (cities.arr) f.to.city = cities.arr;
  f.stops = num(v.stop) ?? 0;
  f.transfer = truthy(v.isTransfer);
  if (legs) {
    f.legs = legs;
    f.stops = Math.max(f.stops, legs.length - 1);
  }
  const aircraft = str(v.flightType) ?? str(v.planeType);
  if (aircraft) f.aircraft = aircraft;
  const r: CabinRead = { row, field, flightNo, issues, bare };
  const taxes = readTaxes(v, field, row, flightNo, issues);
  if (taxes !== undefined) r.taxes = taxes;
  const fare = readCabin(v.cabin, r);
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
  const cities: Cities = {};
  if (depCity) cities.dep = depCity;
  if (arrCity) cities.arr = arrCity;
  const bare = { count: 0 };
  const airports = nameMap(data.airportMap);
  const airlines = nameMap(data.aircodeNameMap);
  const byId = new Map<string, AirOption>();
  data.flight.forEach((v, row) => {
    const f = readFlight(v, row, cities, issues, bare);
    if (f && sameDayMerge(byId, f)) {
      issues.push({ code: 'other', row, field: `flight[${row}]`, message: `${f.flightNo} listed again: fares merged into one flight` });
    }
  });
  if (bare.count) {
    // Every 2026 answer carries these fields; without them we cannot tell a 16–25-only or member
    // fare from an ordinary one, so say so rather than pass the fares off silently.
    issues.push({
      code: 'unknown-field',
      field: 'flight[].cabin',
      message: `${bare.count} fare(s) carry no cabinClass or none of notices, priceType, sprodType, hasMemberPrice, vip, specialSale, fSpecialSale: read as ordinary adult economy fares`,
    });
  }
  return finish(byId, airports, airlines, depCity, arrCity, issues);
}

/** Decodes the search JSONP (or its plain JSON) into one AirOption per flight. */
export function decodeFliggySearch(text: string): DecodeResult<FlightSearchResult> {
  return guard(NAME, () => decodeJson(text));
}

export { decodeFliggyDomRows, type FliggyDomOptions, type FliggyDomRow } from './fliggy/dom';
