// The live Fliggy client: the anonymous JSONP search Fliggy's own page loads
// (sjipiao.fliggy.com/searchow/search.htm, SITES.md 2026 update), asked from the worker so flights
// arrive with no Fliggy tab and no Taobao key. One instance in the background: the popup, the
// overlays and the fare watches share its cache, single-flight and back-off, the same discipline
// as the 12306 client (lib/rail/client.ts).
//
// Politeness: the request is the page's own (same parameters, in the same order, and the search
// page as Referer, set through PageHeaders since a worker cannot set it). When Fliggy answers its
// verification page (slider), we do not try to get around it: every caller is turned away until
// the back-off ends and the user is asked to verify on Fliggy's page.
//
// The body is `NAME({...})`: the argument is parsed as JSON by decodeFliggySearch, never run.
import type { ChinaDate, EpochMs } from '../model';
import { excerpt, type DecodeError } from '../result';
import type { Bilingual } from '../i18n';
import { createBackoff, type Backoff, type BackoffCause } from '../net/backoff';
import { createTtlCache } from '../net/cache';
import { httpRequest, type FetchLike, type HttpResponse } from '../net/http';
import { plainHeaders, type PageHeaders } from '../net/page-headers';
import { FLIGGY_ORIGIN, searchJsonpUrl, searchRefererUrl } from '../sites/fliggy-page';
import type { StoredValue } from '../store/item';
import { parseFliggyClientState, type FliggyClientState } from '../store/fliggy-client';
import { decodeFliggySearch } from './fliggy-search';
import { AIR_CACHE_TTL_MS, badFlightQuery, type FlightQuery, type FlightQueryResult } from './client';

/** A live answer, with the search page for the same trip (where a user solves a verification). */
export type FliggyQueryResult = FlightQueryResult & { fliggyUrl: string };

export interface FliggyClientDeps {
  fetch: FetchLike;
  now: () => EpochMs;
  /** lib/storage.ts fliggyClientItem: the back-off survives the worker being stopped. */
  storage?: StoredValue<unknown>;
  /** Sets the search page's Referer on the request (the worker's DNR rules; plainHeaders in tests). */
  headers?: PageHeaders;
  timeoutMs?: number;
  cacheTtlMs?: number;
  backoff?: { baseMs?: number; maxMs?: number };
  /** The shortest wait after a verification page (default 5 min): asking again sooner only shows it again. */
  challengeMinMs?: number;
  /** Origin of sjipiao.fliggy.com (tests). */
  origin?: string;
}

export interface FliggyClient {
  searchFlights(q: FlightQuery): Promise<FliggyQueryResult>;
  /** undefined when a request may go now; else the instant it may. */
  blockedUntil(): Promise<EpochMs | undefined>;
}

export const FLIGGY_CACHE_TTL_MS = AIR_CACHE_TTL_MS;
export const CHALLENGE_MIN_MS = 5 * 60_000;

export const CHALLENGE_MESSAGE: Bilingual = { zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' };
/** The verification page's markers, in a URL or a body (SITES.md). */
const CHALLENGE_RE = /_____tmd_____|punish|x5sec|__baxia__/i;
const CALLBACK_RE = /^\s*(?:\/\*\*\/\s*)?(?:try\s*\{\s*)?([A-Za-z_$][\w$.]*)\s*\(/;
const looksHtml = (text: string, contentType: string) =>
  /text\/html/i.test(contentType) || /^\s*<(!doctype|html|head|body|script|div|meta|title)\b/i.test(text);
/** gzip's magic bytes as the browser's UTF-8 decoding leaves them (an answer compressed without saying so). */
const looksGzip = (text: string) => text.startsWith('\u001f\uFFFD') || text.startsWith('\u001f\u008b');

function challenge(retryAt: EpochMs, sample?: string): DecodeError {
  return { code: 'challenge', message: CHALLENGE_MESSAGE, retryAt, ...(sample ? { sample: excerpt(sample, 80) } : {}) };
}

function rateLimited(retryAt: EpochMs, now: EpochMs): DecodeError {
  const s = Math.max(1, Math.ceil((retryAt - now) / 1000));
  return {
    code: 'rate-limited',
    message: { zh: `飞猪请求过于频繁，${s} 秒后重试`, en: `Fliggy is limiting requests; retry in ${s} s` },
    retryAt,
  };
}

const notJsonp = (en: string, zh: string, sample: string): DecodeError => ({ code: 'not-json', message: { zh, en }, sample: excerpt(sample) });

/** What one answer says before decoding: a verification page, a limit, or a body to decode. */
type Verdict = { kind: 'challenge'; sample: string } | { kind: 'limited'; minMs: number } | { kind: 'error'; error: DecodeError } | { kind: 'body' };

export function classifyFliggyAnswer(res: HttpResponse, callback: string): Verdict {
  const where = `${res.location ?? ''} ${res.redirected ? res.finalUrl : ''}`;
  if (CHALLENGE_RE.test(where)) return { kind: 'challenge', sample: where.trim() };
  if (res.status === 403 || res.status === 429) return { kind: 'limited', minMs: res.retryAfterMs ?? 0 };
  if (CHALLENGE_RE.test(res.text)) return { kind: 'challenge', sample: res.text };
  if (looksHtml(res.text, res.contentType)) return { kind: 'challenge', sample: res.text };
  if (res.location !== undefined) {
    // A redirect we could not follow or read: Fliggy sends its search elsewhere only to verify.
    return { kind: 'challenge', sample: `redirect ${res.location || '(opaque)'}` };
  }
  if (res.status >= 400) {
    return {
      kind: 'error',
      error: { code: 'network', message: { zh: `飞猪服务器错误（HTTP ${res.status}）`, en: `Fliggy answered HTTP ${res.status}` }, sample: excerpt(res.text) },
    };
  }
  const t = res.text.trim();
  if (t === '') return { kind: 'error', error: { code: 'empty', message: { zh: '飞猪返回了空内容', en: 'Fliggy sent an empty answer' } } };
  if (looksGzip(t)) {
    return { kind: 'error', error: notJsonp('Fliggy sent a compressed answer the browser did not unpack', '飞猪返回了未解压的压缩数据', t) };
  }
  if (t.startsWith('{')) return { kind: 'body' }; // plain JSON (Fliggy's own error answers): the decoder reads it
  const name = CALLBACK_RE.exec(t)?.[1];
  if (name === undefined) return { kind: 'error', error: notJsonp('Fliggy sent neither JSONP nor JSON', '飞猪返回的不是 JSONP 或 JSON', t) };
  if (name !== callback) {
    // Another request's answer (a cache in between?): its flights may be for another search.
    return { kind: 'error', error: notJsonp(`Fliggy answered callback ${name}, not ${callback}`, `飞猪返回的回调名 ${name} 不是 ${callback}`, t) };
  }
  return { kind: 'body' };
}

/** The answer for a caller turned away while the shared back-off holds: its cause, its end. */
function waitingError(cause: BackoffCause | undefined, retryAt: EpochMs, now: EpochMs): DecodeError {
  if (cause?.code === 'challenge') return challenge(retryAt);
  return rateLimited(retryAt, now);
}

export function createFliggyClient(deps: FliggyClientDeps): FliggyClient {
  const headers = deps.headers ?? plainHeaders;
  const origin = deps.origin ?? FLIGGY_ORIGIN;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const challengeMinMs = deps.challengeMinMs ?? CHALLENGE_MIN_MS;
  let state: FliggyClientState = {};
  let loaded: Promise<void> | undefined;
  let backoff: Backoff | undefined;
  // Callback names like the page's loader (jsonpNNN), a new one per request so a stray answer to
  // an older request is recognised as not ours.
  let seq = Math.floor(Math.random() * 900) + 100;

  const persist = () => void deps.storage?.setValue(state).catch(() => undefined);
  const load = () =>
    (loaded ??= (async () => {
      state = parseFliggyClientState(await deps.storage?.getValue().catch(() => undefined));
      backoff = createBackoff({
        now: deps.now,
        ...deps.backoff,
        ...(state.backoff ? { initial: state.backoff } : {}),
        onChange: (b) => {
          state = { ...state, backoff: b };
          persist();
        },
      });
    })());

  const cache = createTtlCache<FlightQueryResult>({
    ttlMs: deps.cacheTtlMs ?? FLIGGY_CACHE_TTL_MS,
    now: deps.now,
    keep: (r) => r.ok,
  });

  async function fetchOnce(q: FlightQuery): Promise<FlightQueryResult> {
    await load();
    const bo = backoff!;
    const wait = bo.blockedUntil();
    if (wait !== undefined) return { ok: false, error: waitingError(bo.cause(), wait, deps.now()), fetchedAt: deps.now() };
    const search = { date: String(q.date), depCity: q.fromCity, arrCity: q.toCity };
    const callback = `jsonp${++seq}`;
    const url = searchJsonpUrl(search, callback, origin);
    const referer = searchRefererUrl(search, origin);
    // Cookies ride along ('include'): once the user solved a verification on Fliggy's page, its
    // cookie is what lets the next anonymous search through; we never read or set one.
    const r = await headers.around(url, referer, () =>
      httpRequest(deps.fetch, { url, timeoutMs, credentials: 'include', headers: { Accept: '*/*' } }),
    );
    const now = deps.now();
    // Timeouts, network and offline are not Fliggy's verdict: no back-off, not cached.
    if (!r.ok) return { ok: false, error: r.error, fetchedAt: now };
    const v = classifyFliggyAnswer(r.res, callback);
    if (v.kind === 'challenge') {
      const until = bo.failure(challengeMinMs, { code: 'challenge', message: CHALLENGE_MESSAGE });
      return { ok: false, error: challenge(until, v.sample), fetchedAt: now };
    }
    if (v.kind === 'limited') {
      const until = bo.failure(v.minMs, { code: 'rate-limited', message: rateLimited(0, now).message });
      return { ok: false, error: rateLimited(until, now), fetchedAt: now };
    }
    if (v.kind === 'error') return { ok: false, error: v.error, fetchedAt: now };
    const d = decodeFliggySearch(r.res.text);
    if (!d.ok) return { ok: false, error: d.error, fetchedAt: now };
    bo.success();
    // The answer is for the search we sent: its date and cities, when the body does not say.
    const value = { ...d.value, date: d.value.date ?? (search.date as ChinaDate), depCity: d.value.depCity ?? search.depCity, arrCity: d.value.arrCity ?? search.arrCity };
    return { ok: true, value, issues: d.issues, fetchedAt: now };
  }

  return {
    async searchFlights(q) {
      const now = deps.now();
      const search = { date: String(q.date), depCity: q.fromCity, arrCity: q.toCity };
      const fliggyUrl = searchRefererUrl(search, origin);
      const bad = badFlightQuery(q);
      if (bad) return { ok: false, error: bad, fetchedAt: now, fliggyUrl };
      const c = await cache.run(`${search.date}|${q.fromCity}|${q.toCity}`, () => fetchOnce(q));
      return { ...c.value, fromCache: c.fromCache, fliggyUrl };
    },
    async blockedUntil() {
      await load();
      return backoff!.blockedUntil();
    },
  };
}
