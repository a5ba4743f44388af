// Everything RailAir knows about 12306's ticket search page: its URLs, its cookies, its DOM.
// When 12306 changes its page, this is the one file to change; test/lib/sites/12306-page.test.ts
// checks every reader against our own small pages and, when present, the saved real pages in
// ../shared/fixtures/pages (2019; structure confirmed for 2026 by SITES.md's sources).
//
// Example URLs where these must match:
//   search page  https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC,BJP&ts=%E4%B8%8A%E6%B5%B7,SHH&date=2026-11-23&flag=N,N,Y
//   query        https://kyfw.12306.cn/otn/leftTicket/queryG?leftTicketDTO.train_date=2026-11-23&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT
//   stations     https://kyfw.12306.cn/otn/resources/js/framework/station_name.js?station_version=1.9383
import type { ChinaDate, SeatClassId } from '../model';
import { isChinaDate } from '../time';

/** Content-script match patterns for the search page (the tap must also see the init page itself). */
export const SEARCH_PAGE_MATCHES = ['https://kyfw.12306.cn/otn/leftTicket/*'];

export const SELECTORS = {
  /** The bar above the results ("北京 --> 上海（11月23日）共计 N 个车次"): the panel goes after it. */
  resultBar: '#sear-result',
  /** The results container; its table's tbody is replaced on every query, so watch this. */
  resultList: '#t-list',
  resultBody: '#queryLeftTable',
  /** First row of a train (the second, `price_…`, is hidden). 2019: ticket_<no>; 2026: ticket_<no>_<from>_<to>. */
  trainRow: 'tr[id^="ticket_"]',
  trainCode: 'a.number',
  form: {
    fromCode: '#fromStation',
    fromName: '#fromStationText',
    toCode: '#toStation',
    toName: '#toStationText',
    date: '#train_date',
  },
} as const;

/** Seat cell id prefixes (cell id = prefix + train_no), in table order. */
export const SEAT_CELL_PREFIXES: ReadonlyArray<readonly [string, SeatClassId]> = [
  ['SWZ_', 'swz'],
  ['TZ_', 'tz'],
  ['GG_', 'gg'],
  ['ZY_', 'zy'],
  ['ZE_', 'ze'],
  ['GR_', 'gr'],
  ['RW_', 'rw'],
  ['SRRB_', 'srrb'],
  ['YW_', 'yw'],
  ['RZ_', 'rz'],
  ['YZ_', 'yz'],
  ['WZ_', 'wz'],
  ['QT_', 'qt'],
];

export interface StationRef {
  name?: string;
  telecode?: string;
}

export interface RailSearch {
  date?: ChinaDate;
  from?: StationRef;
  to?: StationRef;
}

/**
 * Decodes JavaScript `escape()` output as 12306 stores it in cookies: `%u5317%u4EAC%2CBJP` → 北京,BJP.
 * Malformed escapes are left as they are (never throws).
 */
export function unescapeCookie(s: string): string {
  return s.replace(/%u([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})/g, (_, u: string | undefined, b: string | undefined) =>
    String.fromCharCode(parseInt((u ?? b)!, 16)),
  );
}

/** "北京,BJP" → {name: 北京, telecode: BJP}; tolerates a missing part. */
export function parseStationPair(v: string | null | undefined): StationRef | undefined {
  if (!v) return undefined;
  const i = v.lastIndexOf(',');
  const name = (i < 0 ? v : v.slice(0, i)).trim();
  const code = i < 0 ? '' : v.slice(i + 1).trim();
  const ref: StationRef = {};
  if (name) ref.name = name;
  if (/^[A-Z]{3}$/.test(code)) ref.telecode = code;
  return ref.name || ref.telecode ? ref : undefined;
}

function date(v: string | null | undefined): ChinaDate | undefined {
  const d = v?.trim().slice(0, 10);
  return d && isChinaDate(d) ? d : undefined;
}

function clean(s: RailSearch): RailSearch {
  const out: RailSearch = {};
  if (s.date) out.date = s.date;
  if (s.from) out.from = s.from;
  if (s.to) out.to = s.to;
  return out;
}

/** The route the search page was opened for (`fs`, `ts`, `date`). */
export function readSearchFromUrl(url: string): RailSearch {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return {};
  }
  return clean({
    date: date(params.get('date')),
    from: parseStationPair(params.get('fs')),
    to: parseStationPair(params.get('ts')),
  });
}

/** The route 12306 saved in its cookies (`_jc_save_fromStation=%u5317%u4EAC%2CBJP` …). */
export function readSearchFromCookies(cookie: string): RailSearch {
  const jar = new Map<string, string>();
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) jar.set(part.slice(0, eq).trim(), unescapeCookie(part.slice(eq + 1).trim()));
  }
  return clean({
    date: date(jar.get('_jc_save_fromDate')),
    from: parseStationPair(jar.get('_jc_save_fromStation')),
    to: parseStationPair(jar.get('_jc_save_toStation')),
  });
}

/** The route in the search form as it is now (the user may have changed it since the page loaded). */
export function readSearchFromForm(doc: ParentNode): RailSearch {
  const val = (sel: string) => (doc.querySelector(sel) as HTMLInputElement | null)?.value?.trim() || undefined;
  const station = (nameSel: string, codeSel: string): StationRef | undefined => {
    const name = val(nameSel);
    const code = val(codeSel);
    return parseStationPair(name || code ? `${name ?? ''},${code ?? ''}` : undefined);
  };
  const f = SELECTORS.form;
  return clean({ date: date(val(f.date)), from: station(f.fromName, f.fromCode), to: station(f.toName, f.toCode) });
}

/** The route a left-ticket query URL asked for (the most exact source: what was actually queried). */
export function readSearchFromQueryUrl(url: string): RailSearch {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return {};
  }
  const code = (k: string): StationRef | undefined => {
    const v = params.get(k)?.trim();
    return v && /^[A-Z]{3}$/.test(v) ? { telecode: v } : undefined;
  };
  return clean({
    date: date(params.get('leftTicketDTO.train_date')),
    from: code('leftTicketDTO.from_station'),
    to: code('leftTicketDTO.to_station'),
  });
}

function mergeStation(a: StationRef | undefined, b: StationRef | undefined): StationRef | undefined {
  if (!a) return b;
  if (!b) return a;
  // Only borrow a name for the same station (or when one side has no code).
  if (a.telecode && b.telecode && a.telecode !== b.telecode) return a;
  return { name: a.name ?? b.name, telecode: a.telecode ?? b.telecode };
}

/** Merges route sources, earlier ones winning; later ones only fill what is missing. */
export function mergeSearch(...sources: RailSearch[]): RailSearch {
  let out: RailSearch = {};
  for (const s of sources) {
    out = clean({
      date: out.date ?? s.date,
      from: mergeStation(out.from, s.from),
      to: mergeStation(out.to, s.to),
    });
  }
  return out;
}

const complete = (s: RailSearch) => !!(s.date && s.from?.name && s.from.telecode && s.to?.name && s.to.telecode);

/**
 * The page's idea of the current route: the form, then the cookies, then the URL it was opened
 * with. Each later source is read only while something is still missing: reading
 * `document.cookie` is a synchronous round trip to the browser, too dear for the page's thread
 * when the form already says it all. `cookie` may be the string or a function that reads it.
 */
export function readPageSearch(doc: Document, url: string, cookie: string | (() => string)): RailSearch {
  let out = readSearchFromForm(doc);
  if (!complete(out)) out = mergeSearch(out, readSearchFromCookies(typeof cookie === 'function' ? cookie() : cookie));
  if (!complete(out)) out = mergeSearch(out, readSearchFromUrl(url));
  return out;
}

export const RAIL_ORIGIN = 'https://kyfw.12306.cn';

/** A station as the search page's `fs`/`ts` parameters name it (the telecode stands in for a missing name). */
export interface StationLink {
  name?: string;
  telecode: string;
}

/**
 * The search page URL 12306 expects for a one-way search (`flag=N,N,Y`; `N,N,N` for a student
 * search). The one builder for links, notifications and the Referer of live queries; `origin`
 * lets tests point it at the replay.
 */
export function searchPageUrl(
  s: { date: string; from: StationLink; to: StationLink; student?: boolean },
  origin: string = RAIL_ORIGIN,
): string {
  const pair = (x: StationLink) => `${encodeURIComponent(x.name ?? x.telecode)},${x.telecode}`;
  return `${origin}/otn/leftTicket/init?linktypeid=dc&fs=${pair(s.from)}&ts=${pair(s.to)}&date=${s.date}&flag=N,N,${s.student ? 'N' : 'Y'}`;
}

// ── results table ──────────────────────────────────────────────────────────

export interface TrainRow {
  row: HTMLTableRowElement;
  /** 12306's internal train number (240000G1010D). */
  trainNo: string;
  /** The code people use (G101). */
  code: string;
  /** The cell holding the train number (the note goes there). */
  infoCell: HTMLTableCellElement | null;
  seatCells: Array<{ cls: SeatClassId; cell: HTMLTableCellElement; text: string; soldOut: boolean }>;
}

/** 无 (none) and 候补 (waiting list only) are sold out for a traveller; `--` means no such class. */
export function isSoldOutText(text: string): boolean {
  const t = text.trim();
  return t === '无' || t === '候补';
}

/** The train rows of the results table, as the page currently shows them. */
export function readTrainRows(root: ParentNode): TrainRow[] {
  const out: TrainRow[] = [];
  for (const row of Array.from(root.querySelectorAll<HTMLTableRowElement>(SELECTORS.trainRow))) {
    const trainNo = /^ticket_([0-9A-Za-z]+)/.exec(row.id)?.[1];
    if (!trainNo) continue;
    const code =
      row.querySelector(SELECTORS.trainCode)?.textContent?.trim() ||
      row.getAttribute('datatran') ||
      row.nextElementSibling?.getAttribute('datatran') ||
      '';
    const seatCells: TrainRow['seatCells'] = [];
    for (const cell of Array.from(row.cells)) {
      const hit = SEAT_CELL_PREFIXES.find(([p]) => cell.id === p + trainNo);
      if (!hit) continue;
      // Our own bell sits in the cell (inside a shadow root, so it adds no text).
      const text = (cell.textContent ?? '').trim();
      seatCells.push({ cls: hit[1], cell, text, soldOut: isSoldOutText(text) });
    }
    const infoCell = (row.querySelector('.ticket-info')?.closest('td') ?? row.cells[0] ?? null) as HTMLTableCellElement | null;
    out.push({ row, trainNo, code, infoCell, seatCells });
  }
  return out;
}

/**
 * A left-ticket query URL on 12306 itself (https://kyfw.12306.cn/otn/leftTicket/query…?…), the
 * only URL a search tab may be asked to run for the worker (the relay). Never throws.
 */
export function isLeftTicketQueryUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === 'https:' &&
    u.hostname === 'kyfw.12306.cn' &&
    !u.port &&
    !u.username &&
    !u.password &&
    /^\/otn\/leftTicket\/query[A-Za-z0-9]{0,3}$/.test(u.pathname) &&
    u.searchParams.has('leftTicketDTO.train_date')
  );
}

/**
 * The headers 12306's page sends with its left-ticket query (its jQuery $.ajax): the live client
 * and a relaying search tab send the same.
 */
export const PAGE_QUERY_HEADERS: Readonly<Record<string, string>> = {
  'X-Requested-With': 'XMLHttpRequest',
  Accept: '*/*',
  'If-Modified-Since': '0',
  'Cache-Control': 'no-cache',
};

/** Match pattern of 12306's search page (the tabs a relayed query may run in). */
export const SEARCH_PAGE_TAB_PATTERN = `${RAIL_ORIGIN}/otn/leftTicket/init*`;
