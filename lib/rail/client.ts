// The live 12306 left-ticket client, shared by the popup, the overlays and the watches (one
// instance in the background, so its cache, single-flight and back-off cover every caller).
//
// What it sends is what 12306's own search page sends (its 2026 checks refuse anything else with
// a 302 to error.html):
// - Cookies: the page's (JSESSIONID, BIGipServerotn, route…). In the extension's service worker,
//   fetches to a host we hold a host permission for run with `credentials: 'include'`, so the
//   browser itself stores the Set-Cookie of the warm-up `GET /otn/leftTicket/init` and sends the
//   cookies with the queries that follow; the client never sees or handles a cookie.
// - Referer: the search page for the route. A worker's fetch cannot set it: `PageHeaders`
//   (lib/background/page-headers.ts, declarativeNetRequest session rules) sets it on the wire.
// - X-Requested-With, Accept, If-Modified-Since and Cache-Control as the page's jQuery sends them.
// When 12306 still turns the worker away and a search tab is open, the tab runs the query (the
// relay, lib/rail/relay.ts); the state says which path answered last.
import type { ChinaDate, EpochMs, LeftTicketResult } from '../model';
import type { DecodeError, DecodeResult } from '../result';
import { isChinaDate } from '../time';
import { createBackoff, type Backoff } from '../net/backoff';
import { createTtlCache, type TtlCache } from '../net/cache';
import { httpRequest, queryString, type FetchLike, type HttpResult } from '../net/http';
import { plainHeaders, type PageHeaders } from '../net/page-headers';
import { PAGE_QUERY_HEADERS, RAIL_ORIGIN, searchPageUrl } from '../sites/12306-page';
import {
  createEndpointMemory,
  endpointOfUrl,
  parseCLeftTicketUrl,
  parseStationVersion,
  type EndpointMemory,
  type EndpointState,
} from './endpoint';
import { inServiceWindow, maintenanceError } from './service-window';
import { classify, rateLimited, waitingError, type Classified } from './faces';
import type { RailPath, RailPathName, RailRelay } from './relay';
import type { RailClientState } from '../store/rail-client';
import type { StoredValue } from '../store/item';

export const RAIL_BASE = RAIL_ORIGIN;
export const RAIL_CACHE_TTL_MS = 60_000;
/** Cookies from the warm-up are refreshed after this long. */
export const WARM_TTL_MS = 20 * 60_000;

export interface RailQuery {
  date: ChinaDate | string;
  /** Telecodes, e.g. BJP, SHH. */
  from: string;
  to: string;
  /** Student tickets: purpose_codes 0X00 instead of ADULT. */
  student?: boolean;
}

export type RailQueryResult = DecodeResult<LeftTicketResult> & {
  fromCache?: boolean;
  fetchedAt: EpochMs;
  /** The endpoint name the answer came from. */
  endpoint?: string;
  /** Which path answered: the worker's own query, or a search tab's (the relay). */
  path?: RailPathName;
};

/** The headers 12306's page sends with its left-ticket query. */
export const QUERY_HEADERS = PAGE_QUERY_HEADERS;

export type { RailClientState };

export interface RailClientDeps {
  fetch: FetchLike;
  now: () => EpochMs;
  /** Persisted state (lib/storage.ts railClientItem): survives the service worker being stopped. */
  storage?: StoredValue<RailClientState | null | undefined>;
  base?: string;
  timeoutMs?: number;
  cacheTtlMs?: number;
  backoff?: { baseMs?: number; maxMs?: number };
  /** Called with the station list version the init page names (lets the station store refresh). */
  onStationVersion?: (version: string) => void;
  /** Sets the search page's Referer on the worker's queries (default: none, as under Node). */
  headers?: PageHeaders;
  /** Runs a refused query from an open 12306 search tab (default: none). */
  relay?: RailRelay;
}

export interface RailClient {
  queryTrains(q: RailQuery): Promise<RailQueryResult>;
  /** The current endpoint name and how it was learnt, and which path answered last (diagnostics). */
  endpoint(): Promise<EndpointState & { lastPath?: RailPath }>;
  /** undefined when requests may go now; else the instant they may. */
  blockedUntil(): Promise<EpochMs | undefined>;
  /** The URL of 12306's own search page for this query (the "buy" link). */
  searchPageUrl(q: RailQuery & { fromName?: string; toName?: string }): string;
}

const TELECODE_RE = /^[A-Z]{3}$/;
/** How many endpoint changes (c_url / redirect) one query follows. */
const MAX_HOPS = 2;

export function purposeCode(student?: boolean): 'ADULT' | '0X00' {
  return student ? '0X00' : 'ADULT';
}

/** The left-ticket query URL for an endpoint name (train_date always zero-padded). */
export function leftTicketUrl(base: string, endpoint: string, q: RailQuery): string {
  return `${base}/otn/${endpoint}?${queryString({
    'leftTicketDTO.train_date': padDate(q.date),
    'leftTicketDTO.from_station': q.from,
    'leftTicketDTO.to_station': q.to,
    purpose_codes: purposeCode(q.student),
  })}`;
}

/** "2026-3-5" → "2026-03-05"; 12306 redirects unpadded dates to its error page. */
export function padDate(d: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(d.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : d;
}

/** 12306's search page for a query (a link for the user, and the Referer 12306 expects). */
export function railSearchPageUrl(base: string, q: RailQuery & { fromName?: string; toName?: string }): string {
  return searchPageUrl(
    {
      date: padDate(q.date),
      from: { telecode: q.from, ...(q.fromName ? { name: q.fromName } : {}) },
      to: { telecode: q.to, ...(q.toName ? { name: q.toName } : {}) },
      ...(q.student ? { student: true } : {}),
    },
    base,
  );
}

export function createRailClient(deps: RailClientDeps): RailClient {
  const base = deps.base ?? RAIL_BASE;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  let state: RailClientState = {};
  let loaded: Promise<void> | undefined;
  let backoff: Backoff | undefined;
  let warmAt = 0;

  const persist = () => void deps.storage?.setValue(state).catch(() => undefined);
  const load = () =>
    (loaded ??= (async () => {
      const s = await deps.storage?.getValue().catch(() => undefined);
      if (s) state = { ...s };
      backoff = createBackoff({
        now: deps.now,
        ...deps.backoff,
        initial: state.backoff,
        onChange: (b) => {
          state = { ...state, backoff: b };
          persist();
        },
      });
    })());
  const memory: EndpointMemory = createEndpointMemory({
    now: deps.now,
    store: {
      get: async () => state.endpoint,
      set: async (e) => {
        state = { ...state, endpoint: e };
        persist();
      },
    },
  });

  const cache: TtlCache<RailQueryResult> = createTtlCache<RailQueryResult>({
    ttlMs: deps.cacheTtlMs ?? RAIL_CACHE_TTL_MS,
    now: deps.now,
    keep: (r) => r.ok,
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    httpRequest(deps.fetch, { url, timeoutMs, credentials: 'include', headers });

  // One warm-up at a time, whichever routes are being queried.
  let warming: Promise<void> | undefined;
  const warmUp = () =>
    (warming ??= doWarmUp().finally(() => {
      warming = undefined;
    }));

  /** GET the search page: sets cookies, names the current endpoint and station list version. */
  async function doWarmUp(): Promise<void> {
    const r = await get(`${base}/otn/leftTicket/init`);
    if (!r.ok || r.res.status !== 200) return; // the query itself will report what is wrong
    warmAt = deps.now();
    const name = parseCLeftTicketUrl(r.res.text);
    if (name) await memory.learn(name, 'init');
    const v = parseStationVersion(r.res.text);
    if (v) deps.onStationVersion?.(v);
  }

  /**
   * Whether 12306 answers its search page now (the warm-up, which a refused query asks for
   * anyway): what tells a query redirected off-site from a dead connection without querying again.
   */
  async function answersPages(): Promise<boolean> {
    const before = warmAt;
    warmAt = 0;
    await warmUp();
    if (warmAt !== 0) return true;
    warmAt = before;
    return false;
  }

  const headers = deps.headers ?? plainHeaders;
  /** One query as the page sends it: its headers here, its Referer on the wire (PageHeaders). */
  async function send(url: string, referer: string): Promise<HttpResult> {
    const request = () => httpRequest(deps.fetch, { url, timeoutMs, credentials: 'include', headers: { ...QUERY_HEADERS } });
    try {
      return await headers.around(url, referer, request);
    } catch {
      // Refused by PageHeaders (a base outside its hosts, as in tests): the query goes as it is.
      return request();
    }
  }

  function notePath(via: RailPathName, at: EpochMs): void {
    state = { ...state, lastPath: { via, at } };
    persist();
  }

  /** The same query from an open search tab, classified like the worker's own answer. */
  async function viaTab(url: string, endpoint: string, q: RailQuery): Promise<Classified | undefined> {
    const answer = await deps.relay?.(url).catch(() => undefined);
    if (!answer) return undefined;
    const res = { status: answer.status, finalUrl: answer.finalUrl, redirected: answer.finalUrl !== url, contentType: '', text: answer.text };
    const c = classify(res, endpoint, deps.now(), String(q.date), q.student ? 'student' : 'adult');
    return c.result.ok ? c : undefined;
  }

  async function fetchOnce(q: RailQuery): Promise<RailQueryResult> {
    await load();
    const bo = backoff!;
    const now0 = deps.now();
    const wait = bo.blockedUntil();
    if (wait !== undefined) {
      // Nothing is sent while backing off: every caller gets the same "retry at", and the reason
      // that started the wait (blocked, maintenance…), not a blanket "rate-limited".
      return { ok: false, error: waitingError(bo.cause(), wait, now0), fetchedAt: now0 };
    }
    if (deps.now() - warmAt > WARM_TTL_MS || warmAt === 0) await warmUp();

    const referer = railSearchPageUrl(base, q);
    let endpoint = (await memory.current()).name;
    const seen = new Set<string>([endpoint]);
    for (let hop = 0; ; hop++) {
      const url = leftTicketUrl(base, endpoint, q);
      let r = await send(url, referer);
      const offSite = !r.ok && r.error.code === 'network' && (await answersPages());
      if (offSite) {
        // A redirect to www.12306.cn's error page fails CORS in the worker and looks like a
        // network error. 12306 answering its search page says it was that redirect: the query is
        // not sent again (a second query per refusal doubles what 12306 counts against the user).
        r = { ok: true, res: { status: 0, finalUrl: url, redirected: false, location: '', contentType: '', text: '' } };
      }
      const now = deps.now();
      if (!r.ok) {
        // A timeout or a dead connection is not 12306 saying "maintenance", even at night: it
        // stays `timeout`/`network` so callers retry soon instead of waiting until 06:00; and
        // `offline` is the device's state, not 12306's: no back-off either.
        return { ok: false, error: r.error, fetchedAt: now };
      }
      // A followed redirect to a new name: the body already is the answer from there.
      const landed = r.res.redirected ? endpointOfUrl(r.res.finalUrl) : undefined;
      if (landed && landed !== endpoint) {
        await memory.learn(landed, 'redirect');
        endpoint = landed;
      }
      const c = classify(r.res, endpoint, now, String(q.date), q.student ? 'student' : 'adult');
      if (c.next && hop < MAX_HOPS && !seen.has(c.next)) {
        seen.add(c.next);
        await memory.learn(c.next, c.via ?? 'redirect');
        endpoint = c.next;
        continue;
      }
      // Cookies may be what was missing: warm up before the next query (just done when off-site).
      if (c.rewarm && !offSite) warmAt = 0;
      const nightly = !c.result.ok && c.result.error.code === 'blocked' && inServiceWindow(now);
      if (c.refused) {
        // Turned away: a search tab the user has open may still be answered (its cookies, its page).
        // At night too: the refusal may be the header checks rather than maintenance, and a tab
        // that answers shows 12306 is serving queries (one request; if it fails, maintenance).
        const tab = await viaTab(url, endpoint, q);
        if (tab?.result.ok) {
          const at = deps.now();
          notePath('tab', at);
          return { ...tab.result, fetchedAt: at, endpoint, path: 'tab' };
        }
      }
      if (c.penalise !== undefined && !c.result.ok) {
        const e = c.result.error;
        // In the night window an error page or HTML answer is 12306's own maintenance answer.
        const cause = nightly ? maintenanceError(now, e.sample) : e;
        const retryAt = bo.failure(c.penalise, cause);
        if (nightly) return { ok: false, error: cause, fetchedAt: now, endpoint };
        const withRetry: DecodeError = e.code === 'rate-limited' ? rateLimited(retryAt, now) : { ...e, retryAt };
        return { ok: false, error: withRetry, fetchedAt: now, endpoint };
      }
      if (!c.result.ok && c.result.error.code === 'maintenance') {
        // 12306's JSON says it is in maintenance: the same user-facing message as the pages.
        return { ok: false, error: maintenanceError(now, c.result.error.message.en), fetchedAt: now, endpoint };
      }
      if (c.result.ok) {
        bo.success();
        notePath('worker', now);
        return { ...c.result, fetchedAt: now, endpoint, path: 'worker' };
      }
      return { ...c.result, fetchedAt: now, endpoint };
    }
  }

  return {
    async queryTrains(q) {
      const now = deps.now();
      const date = padDate(String(q.date));
      if (!isChinaDate(date)) {
        return {
          ok: false,
          error: { code: 'bad-input', message: { zh: `日期无效：${q.date}`, en: `Not a date: ${q.date}` } },
          fetchedAt: now,
        };
      }
      if (!TELECODE_RE.test(q.from) || !TELECODE_RE.test(q.to)) {
        return {
          ok: false,
          error: {
            code: 'bad-input',
            message: { zh: `车站代码无效：${q.from} → ${q.to}`, en: `Unknown station code ${q.from} → ${q.to}` },
          },
          fetchedAt: now,
        };
      }
      const norm: RailQuery = { date, from: q.from, to: q.to, student: !!q.student };
      const key = `${date}|${q.from}|${q.to}|${purposeCode(q.student)}`;
      const c = await cache.run(key, () => fetchOnce(norm));
      return { ...c.value, fromCache: c.fromCache };
    },
    endpoint: async () => {
      await load();
      const e = await memory.current();
      return state.lastPath ? { ...e, lastPath: state.lastPath } : e;
    },
    async blockedUntil() {
      await load();
      return backoff!.blockedUntil();
    },
    searchPageUrl: (q) => railSearchPageUrl(base, q),
  };
}
