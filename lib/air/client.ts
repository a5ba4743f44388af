// Flights for the quick search. With the user's own Taobao Open Platform app key and secret,
// a signed `taobao.trip.jipiao.nsearch.ow.search` call through the TOP gateway; without them the
// caller falls back to the latest Fliggy capture (lib/background/search.ts) or to opening
// Fliggy's search page for this route (`fliggySearchUrl`).
//
// The app secret is only ever passed to the signer: it never goes into a URL we log, an error
// message, or a diagnostic sample.
import type { ChinaDate, EpochMs, FlightSearchResult } from '../model';
import { excerpt, type DecodeError, type DecodeResult } from '../result';
import { isChinaDate } from '../time';
import { createTtlCache } from '../net/cache';
import { httpRequest, type FetchLike } from '../net/http';
import { buildTopRequest } from './top-sign';
import type { SignMethod, TopCredentials } from '../store/credentials';
import { decodeTopSearch } from './top-search';
import { searchPageUrl } from '../sites/fliggy-page';

export const TOP_GATEWAY = 'https://gw.api.taobao.com/router/rest';
export const TOP_METHOD = 'taobao.trip.jipiao.nsearch.ow.search';
/** Host permission the options page requests when the user turns TOP on. */
export const TOP_ORIGINS = ['https://gw.api.taobao.com/*'];
export const AIR_CACHE_TTL_MS = 5 * 60_000;

export type { SignMethod, TopCredentials };

export interface FlightQuery {
  date: ChinaDate | string;
  /** IATA city codes (BJS, SHA). */
  fromCity: string;
  toCity: string;
}

export type FlightQueryResult = DecodeResult<FlightSearchResult> & { fromCache?: boolean; fetchedAt: EpochMs };

export interface AirClientDeps {
  fetch: FetchLike;
  now: () => EpochMs;
  gateway?: string;
  timeoutMs?: number;
  cacheTtlMs?: number;
}

export interface AirClient {
  searchFlights(q: FlightQuery, creds: TopCredentials): Promise<FlightQueryResult>;
}

/** Why a flight search cannot be sent (a date that is not one, a city that is not an IATA code), or undefined. */
export function badFlightQuery(q: FlightQuery): DecodeError | undefined {
  if (isChinaDate(q.date) && /^[A-Z]{3}$/.test(q.fromCity) && /^[A-Z]{3}$/.test(q.toCity)) return undefined;
  return {
    code: 'bad-input',
    message: { zh: `航班查询参数无效：${q.fromCity} → ${q.toCity}，${q.date}`, en: `Bad flight search ${q.fromCity} → ${q.toCity} on ${q.date}` },
  };
}

/** The business parameters of the one-way search. */
export function searchParams(q: FlightQuery): Record<string, string> {
  return {
    dep_city_code: q.fromCity,
    arr_city_code: q.toCity,
    dep_date: q.date,
    search_type: 'outbound',
  };
}

/** Fliggy's own search page for the route (what "open this search on Fliggy" opens). */
export function fliggySearchUrl(q: FlightQuery & { fromName?: string; toName?: string }): string {
  return searchPageUrl({
    date: q.date,
    depCity: q.fromCity,
    arrCity: q.toCity,
    ...(q.fromName ? { depCityName: q.fromName } : {}),
    ...(q.toName ? { arrCityName: q.toName } : {}),
  });
}

/**
 * The decoder already words TOP's error_response clearly (lib/air/top-search.ts); here only the
 * kind changes where the user's remedy differs: a call limit (code 7, or 限流 sub-codes) means
 * "wait", like 12306's rate limiting, and the TOP sample never includes the signed request.
 */
export function clarifyTopError(e: DecodeError): DecodeError {
  if (e.code !== 'rejected') return e;
  if (e.site?.code === '7' || /accesscontrol\.limited|call[_ ]limit/i.test(e.site?.subCode ?? '')) return { ...e, code: 'rate-limited' };
  return e;
}

export function createAirClient(deps: AirClientDeps): AirClient {
  const gateway = deps.gateway ?? TOP_GATEWAY;
  const cache = createTtlCache<FlightQueryResult>({
    ttlMs: deps.cacheTtlMs ?? AIR_CACHE_TTL_MS,
    now: deps.now,
    keep: (r) => r.ok,
  });

  async function fetchOnce(q: FlightQuery, creds: TopCredentials): Promise<FlightQueryResult> {
    const req = await buildTopRequest({
      appKey: creds.appKey,
      secret: creds.secret,
      method: TOP_METHOD,
      signMethod: creds.signMethod,
      timestamp: deps.now(),
      params: searchParams(q),
    });
    const body = req.toString();
    const r = await httpRequest(deps.fetch, {
      url: gateway,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body,
      timeoutMs: deps.timeoutMs ?? 10_000,
      credentials: 'omit',
    });
    const now = deps.now();
    if (!r.ok) return { ok: false, error: r.error, fetchedAt: now };
    if (r.res.status !== 200) {
      return {
        ok: false,
        error: {
          code: r.res.status === 403 || r.res.status === 429 ? 'rate-limited' : 'network',
          message: { zh: `淘宝开放平台返回 HTTP ${r.res.status}`, en: `Taobao Open Platform answered HTTP ${r.res.status}` },
          sample: excerpt(r.res.text),
        },
        fetchedAt: now,
      };
    }
    const d = decodeTopSearch(r.res.text);
    if (!d.ok) return { ok: false, error: clarifyTopError(d.error), fetchedAt: now };
    return { ...d, fetchedAt: now };
  }

  return {
    async searchFlights(q, creds) {
      const now = deps.now();
      const bad = badFlightQuery(q);
      if (bad) return { ok: false, error: bad, fetchedAt: now };
      if (!creds.appKey || !creds.secret) {
        return {
          ok: false,
          error: { code: 'bad-input', message: { zh: '未设置淘宝 App Key / Secret', en: 'No Taobao app key / secret' } },
          fetchedAt: now,
        };
      }
      // The key includes the app key so changing credentials is a new search.
      const key = `${q.date}|${q.fromCity}|${q.toCity}|${creds.appKey}|${creds.signMethod}`;
      const c = await cache.run(key, () => fetchOnce(q, creds));
      return { ...c.value, fromCache: c.fromCache };
    },
  };
}
