// Fliggy's rendered result list (tr.flight-item-tr), read by the content script into plain
// FliggyDomRow texts, → the same normalized flights as the JSONP gives.
import type { AirOption, CabinClass, ChinaDate, Fare, FlightSearchResult } from '../../model';
import { type DecodeIssue, type DecodeResult, excerpt, guard } from '../../result';
import { chinaInstant, isChinaDate, parseHm } from '../../time';
import { str } from '../../loose';
import { airlineOfFlight } from '../airlines';
import { NAME, baseOption, finish, normalizeDiscount, sameDayMerge, yuanToFen } from './common';
import { conditionOf, premiumPart, wordsParts } from '../fare-condition';

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
        // The list shows who a fare is for next to it (限16-25周岁, 会员价, 头等舱): the same conditions as the JSONP's.
        const parts = wordsParts(`${r.price ?? ''} ${disc}`);
        if (cabinClass === 'first' || cabinClass === 'business') parts.push(premiumPart(cabinClass));
        const condition = conditionOf(parts);
        if (condition) fare.condition = condition;
        f.fares.push(fare);
      }
      if (sameDayMerge(byId, f)) {
        issues.push({ code: 'other', row, field, message: `${flightNo} listed again (hidden duplicate row?): merged` });
      }
    });
    return finish(byId, airports, airlines, depCity, arrCity, issues);
  });
}
