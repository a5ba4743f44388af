// What a 12306 answer means to the user, and what the client does about it: the error faces
// (blocked, rate-limited, moved…) and the classification of one HTTP answer into data, an error,
// or an endpoint to follow. Kept apart from the client (lib/rail/client.ts), which owns the
// request discipline (cache, single flight, back-off, warm-up, the tab relay).
import type { EpochMs, LeftTicketResult } from '../model';
import { excerpt, type DecodeError, type DecodeResult, type ErrorCode } from '../result';
import { isChinaDate } from '../time';
import type { BackoffCause } from '../net/backoff';
import type { HttpResponse } from '../net/http';
import { endpointOfUrl } from './endpoint';
import { maintenanceError, saysMaintenance } from './service-window';
import { decodeLeftTicket } from './left-ticket';

export const err = (e: DecodeError): DecodeResult<LeftTicketResult> => ({ ok: false, error: e });

export function rateLimited(retryAt: EpochMs, now: EpochMs): DecodeError {
  const s = Math.max(1, Math.ceil((retryAt - now) / 1000));
  return {
    code: 'rate-limited',
    message: { zh: `12306 请求过于频繁，${s} 秒后重试`, en: `12306 is limiting requests; retry in ${s} s` },
    retryAt,
  };
}

/**
 * 12306 turned the query away (302 to error.html, or an HTML page where JSON was expected): in
 * 2026 that is its busy or risk-control answer, not a format change. No seconds in the words:
 * screens append a live countdown to `retryAt`. `why` (what exactly came back) goes to `sample`
 * for diagnostics.
 */
export const BLOCKED_MESSAGE = {
  zh: '12306 暂时拒绝了查询（繁忙或风控）',
  en: '12306 turned the query away for now (busy or risk control)',
} as const;

export function blocked(retryAt: EpochMs, why: string): DecodeError {
  return { code: 'blocked', message: { ...BLOCKED_MESSAGE }, retryAt, sample: excerpt(why, 160) };
}

export function movedError(endpoint: string): DecodeError {
  return {
    code: 'endpoint-moved',
    message: { zh: `12306 查询接口已改为 ${endpoint}`, en: `12306 moved the query to ${endpoint}` },
    endpoint,
  };
}

const BACKOFF_CAUSES: ReadonlySet<string> = new Set<ErrorCode>(['blocked', 'maintenance', 'html-page', 'rate-limited']);
const isBackoffCause = (c: string): c is ErrorCode => BACKOFF_CAUSES.has(c);

/** The answer for a caller turned away during a shared back-off: the cause's code, the wait's end. */
export function waitingError(cause: BackoffCause | undefined, retryAt: EpochMs, now: EpochMs): DecodeError {
  if (!cause || cause.code === 'rate-limited' || !isBackoffCause(cause.code)) return rateLimited(retryAt, now);
  // A cause stored before 'html-page' was shown as blocked: the same face now.
  if (cause.code === 'html-page') return { code: 'blocked', message: { ...BLOCKED_MESSAGE }, retryAt };
  return { code: cause.code, message: cause.message, retryAt };
}

const isErrorPage = (url: string) => /error\.html|\/mormhweb\/logFiles\//i.test(url);
const looksHtml = (text: string, contentType: string) =>
  /text\/html/i.test(contentType) || /^\s*(<!doctype|<html|<head|<body)/i.test(text);

export interface Classified {
  result: DecodeResult<LeftTicketResult>;
  /** Follow this endpoint name. */
  next?: string;
  via?: 'c_url' | 'redirect';
  /** Back off (at least this many ms). */
  penalise?: number;
  /** Warm up again before the next query (cookies may be what was missing). */
  rewarm?: boolean;
  /** 12306 turned the query away: a search tab may still get an answer (the relay). */
  refused?: boolean;
}

/** Classifies one answer to a left-ticket query sent to `endpoint`. Never throws. */
export function classify(
  res: HttpResponse,
  endpoint: string,
  now: EpochMs,
  date: string,
  purpose: 'adult' | 'student',
): Classified {
  const refusal = (why: string): Classified => ({ result: err(blocked(0, why)), penalise: 0, rewarm: true, refused: true });
  if (res.status === 403 || res.status === 429) {
    return { result: err(rateLimited(0, now)), penalise: res.retryAfterMs ?? 0 };
  }
  if (res.location !== undefined) {
    if (isErrorPage(res.location)) return refusal('302 to error.html');
    const moved = endpointOfUrl(res.location);
    if (moved && moved !== endpoint) return { result: err(movedError(moved)), next: moved, via: 'redirect' };
    // An opaque redirect (the worker cannot read where) on a query is 12306's error page:
    // rotations to a new name stay on kyfw.12306.cn and are followed above.
    return refusal(res.location ? `redirect to ${excerpt(res.location, 80)}` : 'redirect to an error page');
  }
  if (res.redirected && isErrorPage(res.finalUrl)) return refusal('redirected to error.html');
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
    // An HTML page with status 200 where JSON was expected: the same refusal as error.html.
    if (e.code === 'html-page') return refusal(`HTML page: ${e.sample ?? excerpt(res.text)}`);
  }
  return { result: decoded };
}
