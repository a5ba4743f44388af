// One GET/POST with a timeout and typed failures. Knows nothing about 12306 or Taobao: it reports
// what came back (status, final URL, redirect target when visible, body) and turns transport
// failures (timeout, network) into DecodeErrors the clients can pass on.
//
// Redirects: in an extension service worker `redirect: 'manual'` yields an opaque response whose
// Location cannot be read, so callers normally follow redirects and look at `finalUrl`/`redirected`.
// Node's fetch (and test fakes) may instead answer a 3xx with a readable Location header; both are
// reported here as `location`.
import type { DecodeError } from '../result';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  /** 'include' lets the browser send and store the site's cookies (host-permission fetches). */
  credentials?: RequestCredentials;
  redirect?: RequestRedirect;
}

export interface HttpResponse {
  status: number;
  /** URL of the response after any redirects the fetch followed. */
  finalUrl: string;
  redirected: boolean;
  /** A redirect we saw but did not follow: the Location header (absolute), or '' when opaque. */
  location?: string;
  contentType: string;
  text: string;
  /** Retry-After header in ms, when sent. */
  retryAfterMs?: number;
}

export type HttpResult = { ok: true; res: HttpResponse } | { ok: false; error: DecodeError };

export const DEFAULT_TIMEOUT_MS = 10_000;

export async function httpRequest(fetchFn: FetchLike, req: HttpRequest): Promise<HttpResult> {
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, timeoutMs);
  try {
    const init: RequestInit = {
      method: req.method ?? 'GET',
      headers: req.headers,
      signal: ctrl.signal,
      credentials: req.credentials ?? 'include',
      redirect: req.redirect ?? 'follow',
      cache: 'no-store',
    };
    if (req.body !== undefined) init.body = req.body;
    // The timer must also cover reading the body: a server that stalls mid-body is a timeout too.
    const r = await fetchFn(req.url, init);
    const text = await r.text();
    const status = r.status;
    const out: HttpResponse = {
      status,
      finalUrl: r.url || req.url,
      redirected: r.redirected === true,
      contentType: r.headers.get('content-type') ?? '',
      text,
    };
    if (r.type === 'opaqueredirect') out.location = '';
    else if (status >= 300 && status < 400) {
      const loc = r.headers.get('location');
      out.location = loc ? absolute(loc, req.url) : '';
    }
    const ra = r.headers.get('retry-after');
    if (ra && /^\d+$/.test(ra.trim())) out.retryAfterMs = Number(ra.trim()) * 1000;
    return { ok: true, res: out };
  } catch (e) {
    if (timedOut) {
      return {
        ok: false,
        error: {
          code: 'timeout',
          message: { zh: `${Math.round(timeoutMs / 1000)} 秒内无响应`, en: `No answer within ${Math.round(timeoutMs / 1000)} s` },
        },
      };
    }
    // A device without a network is not a site fault: the user sees "offline", and callers
    // neither back off nor blame the site for it.
    if (isOffline()) return { ok: false, error: OFFLINE };
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { code: 'network', message: { zh: `网络错误：${why}`, en: `Network error: ${why}` } },
    };
  } finally {
    clearTimeout(timer);
  }
}

const OFFLINE: DecodeError = { code: 'offline', message: { zh: '网络不可用', en: 'Offline' } };

/** navigator.onLine is false only when the device surely has no network (true proves nothing). */
function isOffline(): boolean {
  return (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
}

function absolute(loc: string, base: string): string {
  try {
    return new URL(loc, base).toString();
  } catch {
    return loc;
  }
}

/** Query string with keys in the given order (12306 is picky about nothing here, but logs read better). */
export function queryString(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}
