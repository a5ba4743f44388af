// The live 12306 left-ticket client, shared by the popup, the overlays and the watches (one
// instance in the background, so its cache, single-flight and back-off cover every caller).
//
// Cookies: 12306 wants the cookies its search page sets (JSESSIONID, BIGipServerotn, route…).
// In the extension's service worker, fetches to a host we hold a host permission for run with
// `credentials: 'include'`, so the browser itself stores the Set-Cookie of the warm-up
// `GET /otn/leftTicket/init` and sends the cookies with the queries that follow; the client never
// sees or handles a cookie. (Under Node or in tests, cookies are the fetch's business.)
// The Referer 12306's page sends cannot be set from an extension fetch; the queries work without.
import type { ChinaDate, EpochMs, LeftTicketResult } from '../model';
import { excerpt, type DecodeError, type DecodeResult, type ErrorCode } from '../result';
import { isChinaDate } from '../time';
import { createBackoff, type Backoff, type BackoffCause, type BackoffState } from '../net/backoff';
import { createTtlCache, type TtlCache } from '../net/cache';
import { httpRequest, queryString, type FetchLike, type HttpResponse } from '../net/http';
import { RAIL_ORIGIN, searchPageUrl } from '../sites/12306-page';
import {
  createEndpointMemory,
  endpointOfUrl,
  parseCLeftTicketUrl,
  parseStationVersion,
  type EndpointMemory,
  type EndpointState,
} from './endpoint';
import { inServiceWindow, maintenanceError, saysMaintenance } from './service-window';
import { decodeLeftTicket } from './left-ticket';
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
};

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
}

export interface RailClient {
  queryTrains(q: RailQuery): Promise<RailQueryResult>;
  /** The current endpoint name and how it was learnt. */
  endpoint(): Promise<EndpointState>;
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

const err = (e: DecodeError): DecodeResult<LeftTicketResult> => ({ ok: false, error: e });

function rateLimited(retryAt: EpochMs, now: EpochMs): DecodeError {
  const s = Math.max(1, Math.ceil((retryAt - now) / 1000));
  return {
    code: 'rate-limited',
    message: { zh: `12306 请求过于频繁，${s} 秒后重试`, en: `12306 is limiting requests; retry in ${s} s` },
    retryAt,
  };
}

function blocked(retryAt: EpochMs, why: string, sample?: string): DecodeError {
  return {
    code: 'blocked',
    message: { zh: `12306 拒绝了查询（${why}）`, en: `12306 refused the query (${why})` },
    retryAt,
    ...(sample ? { sample } : {}),
  };
}

/** The answer for a caller turned away during a shared back-off: the cause's code, the wait's end. */
function waitingError(cause: BackoffCause | undefined, retryAt: EpochMs, now: EpochMs): DecodeError {
  if (!cause || cause.code === 'rate-limited' || !isBackoffCause(cause.code)) return rateLimited(retryAt, now);
  return { code: cause.code, message: cause.message, retryAt };
}

const BACKOFF_CAUSES: ReadonlySet<string> = new Set<ErrorCode>(['blocked', 'maintenance', 'html-page', 'rate-limited']);
const isBackoffCause = (c: string): c is ErrorCode => BACKOFF_CAUSES.has(c);

const isErrorPage = (url: string) => /error\.html|\/mormhweb\/logFiles\//i.test(url);
const looksHtml = (text: string, contentType: string) =>
  /text\/html/i.test(contentType) || /^\s*(<!doctype|<html|<head|<body)/i.test(text);

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

  /** Classifies one answer; `next` = follow this endpoint name. */
  function classify(
    res: HttpResponse,
    endpoint: string,
    now: EpochMs,
    date: string,
    purpose: 'adult' | 'student',
  ): {
    result: DecodeResult<LeftTicketResult>;
    next?: string;
    via?: 'c_url' | 'redirect';
    penalise?: number;
    rewarm?: boolean;
  } {
    if (res.status === 403 || res.status === 429) {
      return { result: err(rateLimited(0, now)), penalise: res.retryAfterMs ?? 0 };
    }
    if (res.location !== undefined) {
      if (isErrorPage(res.location)) return { result: err(blocked(0, 'error.html')), penalise: 0, rewarm: true };
      const moved = endpointOfUrl(res.location);
      if (moved && moved !== endpoint) return { result: err(movedError(moved)), next: moved, via: 'redirect' };
      // An opaque redirect (the worker cannot read where) on a query is 12306's error page:
      // rotations to a new name stay on kyfw.12306.cn and are followed above.
      const where = res.location ? excerpt(res.location, 80) : 'error page';
      return { result: err(blocked(0, `redirect to ${where}`)), penalise: 0, rewarm: true };
    }
    if (res.redirected && isErrorPage(res.finalUrl)) {
      return { result: err(blocked(0, 'error.html')), penalise: 0, rewarm: true };
    }
    if (res.status >= 500) {
      return {
        result: err({
          code: 'network',
          message: { zh: `12306 服务器错误（HTTP ${res.status}）`, en: `12306 answered HTTP ${res.status}` },
          sample: excerpt(res.text),
        }),
      };
    }
    if (res.text.trim() === '') {
      return { result: err({ code: 'empty', message: { zh: '12306 返回了空内容', en: '12306 sent an empty answer' } }) };
    }
    if (saysMaintenance(res.text) && looksHtml(res.text, res.contentType)) {
      return { result: err(maintenanceError(now, excerpt(res.text))) };
    }
    const decoded = decodeLeftTicket(res.text, isChinaDate(date) ? { date, purpose } : { purpose });
    if (!decoded.ok) {
      const e = decoded.error;
      if (e.code === 'endpoint-moved' && e.endpoint && e.endpoint !== endpoint) {
        return { result: decoded, next: e.endpoint, via: 'c_url' };
      }
      if (e.code === 'html-page') return { result: decoded, penalise: 0, rewarm: true };
    }
    return { result: decoded };
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

    let endpoint = (await memory.current()).name;
    const seen = new Set<string>([endpoint]);
    for (let hop = 0; ; hop++) {
      const url = leftTicketUrl(base, endpoint, q);
      const headers = { 'If-Modified-Since': '0', 'Cache-Control': 'no-cache', 'X-Requested-With': 'XMLHttpRequest' };
      let r = await get(url, headers);
      if (!r.ok && r.error.code === 'network') {
        // A redirect to www.12306.cn's error page fails CORS in the worker and looks like a
        // network error; asking again without following tells the two apart.
        const probe = await httpRequest(deps.fetch, { url, timeoutMs, headers, redirect: 'manual' });
        if (probe.ok && probe.res.location !== undefined) r = probe;
      }
      const now = deps.now();
      if (!r.ok) {
        // A timeout or a dead connection is not 12306 saying "maintenance", even at night: it
        // stays `timeout`/`network` so callers retry soon instead of waiting until 06:00.
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
      if (c.rewarm) warmAt = 0;
      if (c.penalise !== undefined && !c.result.ok) {
        const e = c.result.error;
        // In the night window an error page or HTML answer is 12306's own maintenance answer.
        const nightly = (e.code === 'html-page' || e.code === 'blocked') && inServiceWindow(now);
        const cause = nightly ? maintenanceError(now, e.sample) : e;
        const retryAt = bo.failure(c.penalise, cause);
        if (nightly) return { ok: false, error: cause, fetchedAt: now, endpoint };
        const withRetry: DecodeError =
          e.code === 'rate-limited' ? rateLimited(retryAt, now) : { ...e, retryAt };
        return { ok: false, error: withRetry, fetchedAt: now, endpoint };
      }
      if (!c.result.ok && c.result.error.code === 'maintenance') {
        // 12306's JSON says it is in maintenance: the same user-facing message as the pages.
        return { ok: false, error: maintenanceError(now, c.result.error.message.en), fetchedAt: now, endpoint };
      }
      if (c.result.ok) bo.success();
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
    endpoint: () => load().then(() => memory.current()),
    async blockedUntil() {
      await load();
      return backoff!.blockedUntil();
    },
    searchPageUrl: (q) => railSearchPageUrl(base, q),
  };
}

function movedError(endpoint: string): DecodeError {
  return {
    code: 'endpoint-moved',
    message: { zh: `12306 查询接口已改为 ${endpoint}`, en: `12306 moved the query to ${endpoint}` },
    endpoint,
  };
}
