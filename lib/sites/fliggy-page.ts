// Everything RailAir knows about Fliggy's (飞猪) flight search page: its URLs and its DOM.
// Less is public about Fliggy than about 12306 (see SITES.md): the JSONP is preferred, the
// rendered list is read only when no JSONP came. One file to change when Fliggy changes.
//
// Example URLs where these must match:
//   search page  https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=2026-11-23
//   (2026)       https://sjipiao.fliggy.com/homeow/trip_flight_search.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=2026-11-23
//   data (JSONP) https://sjipiao.fliggy.com/searchow/search.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=2026-11-23&searchSource=99&_input_charset=utf-8&openCb=false&callback=jsonp123
import type { ChinaDate } from '../model';
import type { FliggyDomRow } from '../air/fliggy-search';
import { isChinaDate } from '../time';

export const SEARCH_PAGE_MATCHES = [
  'https://sjipiao.fliggy.com/flight_search_result.htm*',
  'https://sjipiao.fliggy.com/homeow/*',
];

export const SELECTORS = {
  /** The flight list; the panel goes before it. */
  list: '#J_FlightListBox',
  item: '.flight-list-item.J_FlightItem',
  row: 'tr.flight-item-tr',
  cells: {
    line: 'td.flight-line',
    flightNo: '.J_line',
    type: '.J_FlightType',
    time: 'td.flight-time',
    depTime: '.flight-time-deptime',
    arrTime: '.s-time',
    port: 'td.flight-port',
    depPort: '.port-dep',
    arrPort: '.port-arr',
    total: 'td.flight-total-time',
    price: 'td.flight-price',
    priceValue: '.J_FlightListPrice',
    discount: 'span.discount',
  },
  transfer: '.transferItem, [data-is-transfer="1"]',
} as const;

export interface FliggySearch {
  date?: ChinaDate;
  /** IATA city codes (BJS, SHA). */
  depCity?: string;
  arrCity?: string;
}

const CITY_RE = /^[A-Z]{3}$/;

/** The search in the page URL (`depCity`, `arrCity`, `depDate`). */
export function readSearchFromUrl(url: string): FliggySearch {
  let p: URLSearchParams;
  try {
    p = new URL(url).searchParams;
  } catch {
    return {};
  }
  const out: FliggySearch = {};
  const d = p.get('depDate')?.trim().slice(0, 10);
  if (d && isChinaDate(d)) out.date = d;
  const dep = p.get('depCity')?.trim().toUpperCase();
  const arr = p.get('arrCity')?.trim().toUpperCase();
  if (dep && CITY_RE.test(dep)) out.depCity = dep;
  if (arr && CITY_RE.test(arr)) out.arrCity = arr;
  return out;
}

/**
 * The search page URL Fliggy expects for a one-way search between two city codes; the city
 * names, when given, fill the page's form as a person's search would.
 */
export function searchPageUrl(s: { date: string; depCity: string; arrCity: string; depCityName?: string; arrCityName?: string }): string {
  const p = new URLSearchParams({ tripType: '0', depCity: s.depCity, arrCity: s.arrCity, depDate: s.date });
  if (s.depCityName) p.set('depCityName', s.depCityName);
  if (s.arrCityName) p.set('arrCityName', s.arrCityName);
  return `https://sjipiao.fliggy.com/flight_search_result.htm?${p}`;
}

export const FLIGGY_ORIGIN = 'https://sjipiao.fliggy.com';

/** A one-way search for the live client: IATA city codes and a China date. */
export interface FliggyLiveSearch {
  date: string;
  depCity: string;
  arrCity: string;
}

/**
 * The JSONP search the page's own loader sends (SITES.md, 2026 update). Parameters in exactly the
 * page's order, empty ones included: an anonymous request that differs from the page's in shape
 * is what a bot detector looks for first.
 */
export function searchJsonpUrl(s: FliggyLiveSearch, callback: string, origin = FLIGGY_ORIGIN): string {
  const params: [string, string][] = [
    ['tripType', '0'],
    ['depCity', s.depCity],
    ['depCityName', ''],
    ['arrCity', s.arrCity],
    ['arrCityName', ''],
    ['depDate', s.date],
    ['searchSource', '99'],
    ['sKey', ''],
    ['qid', ''],
    ['needMemberPrice', 'true'],
    ['_input_charset', 'utf-8'],
    ['ua', ''],
    ['itemId', ''],
    ['openCb', 'false'],
    ['callback', callback],
  ];
  return `${origin}/searchow/search.htm?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/**
 * The 2026 search page (flight_search_result.htm redirects there): the Referer the JSONP carries
 * when the page loads it, and where a user solves Fliggy's verification for this search.
 */
export function searchRefererUrl(s: FliggyLiveSearch, origin = FLIGGY_ORIGIN): string {
  const q = `depCity=${encodeURIComponent(s.depCity)}&arrCity=${encodeURIComponent(s.arrCity)}&depDate=${encodeURIComponent(s.date)}&tripType=0`;
  return `${origin}/homeow/trip_flight_search.htm?${q}`;
}

/** Where the panel goes: before the flight list when it exists, else at the top of the body. */
export function panelAnchor(doc: Document): { anchor: Element; append: 'before' | 'first' } | undefined {
  const list = doc.querySelector(SELECTORS.list);
  if (list) return { anchor: list, append: 'before' };
  return doc.body ? { anchor: doc.body, append: 'first' } : undefined;
}

// ── rendered list (read only when no JSONP came) ───────────────────────────

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function hidden(el: Element): boolean {
  const h = el as HTMLElement;
  return h.hidden || h.style?.display === 'none' || h.getAttribute('aria-hidden') === 'true';
}

/** The list item showing flight `flightNo` (as a RailAir link names it), if the list has one. */
export function findFlightItem(root: ParentNode, flightNo: string): Element | undefined {
  const want = flightNo.toUpperCase();
  for (const item of Array.from(root.querySelectorAll(SELECTORS.item))) {
    if (hidden(item)) continue;
    const line = text(item.querySelector(`${SELECTORS.row} ${SELECTORS.cells.flightNo}`)).toUpperCase();
    if (/([A-Z0-9]{2}\d{2,4}[A-Z]?)\s*$/.exec(line)?.[1] === want) return item;
  }
  return undefined;
}

/**
 * The flights of the rendered list as plain texts (lib/air/fliggy-search.ts decodes them into
 * the same flights as the JSONP). Hidden duplicate rows are skipped; the date and cities, which
 * rows do not show, come from the search.
 */
export function readFlightRows(root: ParentNode, search: FliggySearch): FliggyDomRow[] {
  if (!search.date) return [];
  const out: FliggyDomRow[] = [];
  const c = SELECTORS.cells;
  for (const item of Array.from(root.querySelectorAll(SELECTORS.item))) {
    if (hidden(item)) continue;
    const tr = item.querySelector(SELECTORS.row);
    if (!tr || hidden(tr)) continue;
    const line = text(tr.querySelector(c.flightNo));
    const flightNo = /([A-Z0-9]{2}\d{2,4}[A-Z]?)\s*$/.exec(line.toUpperCase())?.[1] ?? line;
    const airlineName = line.slice(0, Math.max(0, line.toUpperCase().lastIndexOf(flightNo))).trim();
    const priceCell = tr.querySelector(c.price);
    const row: FliggyDomRow = {
      date: search.date,
      flightNo,
      depTime: text(tr.querySelector(c.depTime)),
      arrTime: text(tr.querySelector(c.arrTime)),
      depAirport: text(tr.querySelector(c.depPort)),
      arrAirport: text(tr.querySelector(c.arrPort)),
      price: text(priceCell?.querySelector(c.priceValue)) || text(priceCell),
    };
    if (airlineName) row.airlineName = airlineName;
    const aircraft = text(tr.querySelector(c.type));
    if (aircraft) row.aircraft = aircraft;
    const discount = text(priceCell?.querySelector(c.discount));
    if (discount) row.discount = discount;
    if (item.matches(SELECTORS.transfer) || item.querySelector(SELECTORS.transfer)) row.transfer = true;
    const codeshare = item.querySelector('[data-content*="实际乘坐航班"]')?.getAttribute('data-content');
    if (codeshare) row.codeshare = codeshare;
    if (search.depCity) row.depCity = search.depCity;
    if (search.arrCity) row.arrCity = search.arrCity;
    out.push(row);
  }
  return out;
}
