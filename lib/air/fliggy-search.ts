// Decoder for Fliggy's (飞猪) one-way flight search data, two ways in (see shared/SITES.md):
//   1. the JSONP the search page loads from sjipiao.fliggy.com/searchow/search.htm?…&callback=NAME,
//      `NAME({data:{depCityCode, arrCityCode, aircodeNameMap, airportMap, flight[]}})`, prices in YUAN;
//   2. the rendered list (tr.flight-item-tr), read by the content script into FliggyDomRow texts.
// The field names come from public reports, not a captured body: we are strict on what a flight
// needs (number, airports, times) and lenient on everything else; a body of an unknown shape is a
// 'schema' error naming the missing field, a flight we cannot read is an issue with its index.

import type { AirOption, CabinClass, ChinaDate, EpochMs, Fare, FlightSearchResult } from '../model';
import { type DecodeIssue, type DecodeResult, excerpt, fail, guard, ok } from '../result';
import { CHINA_OFFSET_MS, chinaDateOf, chinaInstant, DAY_MS, isChinaDate, MINUTE_MS, parseChinaDateTime, parseHm } from '../time';
import { AIRLINE_NAMES, airlineOfFlight } from './airlines';
import { cheapestOpen } from './fares';
import { iata, isObj, num, present, str, type Obj } from '../loose';

const NAME = 'Fliggy flight search';

const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 'true' || v === 'Y' || v === 'y';
const yuanToFen = (y: number) => Math.round(y * 100);
/** Terminal text: "T2" kept, "", "--" and "-" are "not given". */
const terminal = (v: unknown) => {
  const t = str(v);
  return t && !/^-+$/.test(t) ? t : undefined;
};

// Fliggy runs on the same Alitrip backend as TOP, whose scale is 0 first / 1 business / 2 economy;
// only 2 = economy is confirmed by public reports for Fliggy itself.
const CABIN_CLASSES: Record<number, CabinClass> = { 0: 'first', 1: 'business', 2: 'economy' };

/** Discount as 0–10: Fliggy shows "3.5折"; a 0–1 fraction or a 0–100 percentage is rescaled. */
function normalizeDiscount(d: number): number | undefined {
  if (d > 0 && d <= 1) return Math.round(d * 100) / 10;
  if (d > 1 && d <= 10) return d;
  if (d > 10 && d <= 100) return Math.round(d) / 10;
  return undefined;
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

function sameDayMerge(byId: Map<string, AirOption>, f: AirOption): boolean {
  const prev = byId.get(f.id);
  if (!prev) {
    byId.set(f.id, f);
    return false;
  }
  // The same flight listed twice (another cabin, or the page's hidden duplicate row): one option, all fares.
  for (const fare of f.fares) {
    if (!prev.fares.some((p) => p.price === fare.price && p.cabinClass === fare.cabinClass && p.cabin === fare.cabin)) {
      prev.fares.push(fare);
    }
  }
  return true;
}

function finish(
  byId: Map<string, AirOption>,
  airports: Record<string, string>,
  airlines: Record<string, string>,
  depCity: string | undefined,
  arrCity: string | undefined,
  issues: DecodeIssue[],
): DecodeResult<FlightSearchResult> {
  const flights = [...byId.values()];
  for (const f of flights) {
    f.fares.sort((a, b) => a.price - b.price);
    const lowest = cheapestOpen(f.fares);
    if (lowest) f.lowest = lowest;
    else delete f.lowest;
    const name = f.airlineName ?? airlines[f.airline] ?? AIRLINE_NAMES[f.airline];
    if (name) f.airlineName = name;
    if (!f.from.name && airports[f.from.code]) f.from.name = airports[f.from.code];
    if (!f.to.name && airports[f.to.code]) f.to.name = airports[f.to.code];
  }
  flights.sort((a, b) => a.depart - b.depart || a.flightNo.localeCompare(b.flightNo));
  const value: FlightSearchResult = { source: 'fliggy', airports, airlines, flights };
  if (flights[0]) value.date = flights[0].date;
  if (depCity) value.depCity = depCity;
  if (arrCity) value.arrCity = arrCity;
  return ok(value, issues);
}

function baseOption(
  flightNo: string,
  airline: string,
  depart: EpochMs,
  arrive: EpochMs,
  from: AirOption['from'],
  to: AirOption['to'],
): AirOption {
  const date = chinaDateOf(depart);
  return {
    mode: 'air',
    id: `${flightNo}@${date}`,
    flightNo,
    airline,
    date,
    from,
    to,
    depart,
    arrive,
    durationMin: Math.round((arrive - depart) / MINUTE_MS),
    arriveDayOffset: Math.max(0, chinaDayIndex(arrive) - chinaDayIndex(depart)),
    stops: 0,
    transfer: false,
    fares: [],
    source: 'fliggy',
  };
}

/** Days since the epoch on China's calendar: cheap day arithmetic on the hot path. */
const chinaDayIndex = (t: EpochMs) => Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);

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

// ───────────────────────────── Rendered list ─────────────────────────────

/**
 * The texts a DOM reader pulls from one `tr.flight-item-tr` (plus the search's date and cities,
 * which the row does not show). Plain data: the DOM itself stays out of lib/.
 */
export interface FliggyDomRow {
  /** Departure date of the search, yyyy-MM-dd (from the page URL's depDate). */
  date: string;
  /** "MU5101" (`.J_line` text; may carry the airline name in front, we take the flight number). */
  flightNo: string;
  /** "东方航空". */
  airlineName?: string;
  /** Aircraft text (`.J_FlightType`), e.g. "空客321(中)". */
  aircraft?: string;
  /** "07:00". */
  depTime: string;
  /** "09:15", may carry "+1" / "+1天" / "次日" for the next day. */
  arrTime: string;
  /** "首都机场T3" / "首都国际机场 T3" (`.port-dep`). */
  depAirport: string;
  arrAirport: string;
  /** IATA codes when the row carries them (data attributes); otherwise `airportCode` resolves names. */
  depAirportCode?: string;
  arrAirportCode?: string;
  /** "¥680", "680起", "￥1,280", "售完". */
  price: string;
  /** "3.5折", "经济舱4.2折", "全价". */
  discount?: string;
  transfer?: boolean;
  /** Codeshare note, e.g. "实际乘坐航班：CA1234" (`[data-content*="实际乘坐航班"]`). */
  codeshare?: string;
  /** City codes of the search (BJS, SHA…), from the page URL. */
  depCity?: string;
  arrCity?: string;
}

export interface FliggyDomOptions {
  /** Airport name ("首都国际机场") → IATA code, e.g. from lib/air/cities. */
  airportCode?: (name: string) => string | undefined;
}

/** A flight number inside a text: two-character airline code with a letter (MU, 3U, G5), 2–4 digits. */
const FLIGHT_NO_RE = /(?<![A-Z0-9])((?:[A-Z]{2}|[A-Z]\d|\d[A-Z])\d{2,4}[A-Z]?)(?![0-9])/;

/** "首都国际机场 T3" → { name: "首都国际机场", terminal: "T3" }. */
function splitAirport(text: string): { name: string; terminal?: string } {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = /^(.*?)\s*((?:T|航站楼)\s*\d[A-Z]?|T[A-Z]|[A-Z]\d?航站楼)$/i.exec(t);
  if (m && m[1]) return { name: m[1].trim(), terminal: m[2]!.replace(/\s+/g, '').toUpperCase() };
  return { name: t };
}

function dayOffsetMark(s: string): number | undefined {
  const plus = /\+\s*(\d)/.exec(s);
  if (plus) return Number(plus[1]);
  if (/次日/.test(s)) return 1;
  return undefined;
}

/** Price text → fen; undefined for sold out, NaN for unreadable text. */
function domPrice(s: string): number | undefined {
  const t = s.replace(/\s+/g, '');
  if (!t || /售完|售罄|无票|已满|sold/i.test(t)) return undefined;
  const m = /(\d[\d,]*(?:\.\d+)?)/.exec(t);
  if (!m) return NaN;
  const yuan = Number(m[1]!.replace(/,/g, ''));
  return yuan > 0 ? yuanToFen(yuan) : NaN;
}

/** Builds the same normalized flights from the rendered list as from the JSONP. */
export function decodeFliggyDomRows(rows: FliggyDomRow[], opts: FliggyDomOptions = {}): DecodeResult<FlightSearchResult> {
  return guard(`${NAME} (page)`, () => {
    const issues: DecodeIssue[] = [];
    const byId = new Map<string, AirOption>();
    const airports: Record<string, string> = {};
    const airlines: Record<string, string> = {};
    let depCity: string | undefined;
    let arrCity: string | undefined;
    rows.forEach((r, row) => {
      const field = `row[${row}]`;
      const flightNo = FLIGHT_NO_RE.exec((r.flightNo ?? '').toUpperCase())?.[1];
      const date = r.date;
      const depMin = parseHm((r.depTime ?? '').replace(/[^\d:]/g, '').slice(0, 5));
      const arrHmText = /(\d{1,2}:\d{2})/.exec(r.arrTime ?? '')?.[1];
      const arrMin = arrHmText ? parseHm(arrHmText) : undefined;
      const bad = [
        !flightNo && 'flightNo',
        !(typeof date === 'string' && isChinaDate(date)) && 'date',
        depMin === undefined && 'depTime',
        arrMin === undefined && 'arrTime',
        !str(r.depAirport) && !str(r.depAirportCode) && 'depAirport',
        !str(r.arrAirport) && !str(r.arrAirportCode) && 'arrAirport',
      ].filter((x): x is string => Boolean(x));
      if (bad.length || !flightNo || depMin === undefined || arrMin === undefined || !isChinaDate(date)) {
        issues.push({
          code: 'row-bad-field',
          row,
          field: `${field}.${bad[0]}`,
          message: `${field}${flightNo ? ` (${flightNo})` : ''}: missing or malformed ${bad.join(', ')}`,
          sample: excerpt(JSON.stringify(r), 120),
        });
        return;
      }
      const depart = chinaInstant(date as ChinaDate, depMin);
      const mark = dayOffsetMark(r.arrTime);
      const offset = mark ?? (arrMin <= depMin ? 1 : 0);
      const arrive = chinaInstant(date as ChinaDate, arrMin + offset * 24 * 60);
      if (arrive <= depart) {
        issues.push({ code: 'row-bad-field', row, field: `${field}.arrTime`, message: `${flightNo}: arrival is not after departure` });
        return;
      }
      const ends = (['dep', 'arr'] as const).map((side) => {
        const text = (side === 'dep' ? r.depAirport : r.arrAirport) ?? '';
        const given = str(side === 'dep' ? r.depAirportCode : r.arrAirportCode)?.toUpperCase();
        const { name, terminal: term } = splitAirport(text);
        const code = given ?? (name ? opts.airportCode?.(name) : undefined);
        if (!code) {
          issues.push({
            code: 'unknown-field',
            row,
            field: `${field}.${side}Airport`,
            message: `${flightNo}: no IATA code known for airport "${name}"`,
          });
        }
        const a: AirOption['from'] = { code: code ?? '' };
        if (name) a.name = name;
        if (term) a.terminal = term;
        if (code && name) airports[code] = name;
        return a;
      });
      const airline = airlineOfFlight(flightNo) ?? flightNo.slice(0, 2);
      const f = baseOption(flightNo, airline, depart, arrive, ends[0]!, ends[1]!);
      if (r.depCity) f.from.city = depCity = r.depCity.toUpperCase();
      if (r.arrCity) f.to.city = arrCity = r.arrCity.toUpperCase();
      const airlineName = str(r.airlineName);
      if (airlineName) {
        f.airlineName = airlineName;
        airlines[airline] = airlineName;
      }
      const aircraft = str(r.aircraft);
      if (aircraft) f.aircraft = aircraft;
      f.transfer = r.transfer === true;
      if (f.transfer) f.stops = Math.max(f.stops, 1);
      const share = str(r.codeshare);
      if (share) f.operatedBy = FLIGHT_NO_RE.exec(share.toUpperCase())?.[1] ?? share;
      const price = domPrice(r.price ?? '');
      if (price !== undefined && Number.isNaN(price)) {
        issues.push({ code: 'row-bad-price', row, field: `${field}.price`, message: `${flightNo}: unreadable price`, sample: excerpt(r.price ?? '', 40) });
      } else if (price !== undefined) {
        const disc = r.discount ?? '';
        const cabinClass: CabinClass = /头等/.test(disc) ? 'first' : /商务|公务/.test(disc) ? 'business' : /经济/.test(disc) ? 'economy' : 'unknown';
        const fare: Fare = { cabinClass, price };
        const dm = /(\d+(?:\.\d+)?)\s*折/.exec(disc);
        if (dm) {
          const n = normalizeDiscount(Number(dm[1]));
          if (n !== undefined) fare.discount = n;
        } else if (/全价/.test(disc)) fare.discount = 10;
        f.fares.push(fare);
      }
      if (sameDayMerge(byId, f)) {
        issues.push({ code: 'other', row, field, message: `${flightNo} listed again (hidden duplicate row?): merged` });
      }
    });
    return finish(byId, airports, airlines, depCity, arrCity, issues);
  });
}
