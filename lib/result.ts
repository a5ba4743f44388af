// The result shape every decoder and client returns. Decoders never throw: a response they
// cannot read becomes a typed error, a row they cannot read becomes an issue, and the rest
// of the response is still returned.
import type { Bilingual } from './i18n';

/** Why a whole response could not be decoded (or fetched). */
export type ErrorCode =
  | 'not-json' // body is not JSON (or not JSONP / XML where those are expected)
  | 'html-page' // the site answered with an HTML page (error.html, 铁路客户服务中心, login page…)
  | 'schema' // JSON, but not the shape we know: the site changed its format
  | 'endpoint-moved' // 12306 told us the query endpoint has a new name (c_url)
  | 'rejected' // the site said no (status false with messages, error_response…)
  | 'maintenance' // 12306's nightly service window
  | 'rate-limited' // 403 / too many requests
  | 'blocked' // redirected to error.html, captcha, login wall
  | 'timeout'
  | 'network'
  | 'offline' // the device has no network (navigator.onLine false): nothing to retry until it is back
  | 'challenge' // the site answered with its human-verification page (Fliggy's slider): the user must solve it there
  | 'not-on-sale' // 12306 does not sell that date yet (past its presale window): nothing was asked
  | 'empty' // zero bytes
  | 'unknown-format' // none of the decoders recognise the text
  | 'different-dates' // comparison inputs are for two different days
  | 'bad-input'; // the caller passed something unusable (bad date, unknown station)

export interface DecodeError {
  code: ErrorCode;
  /** One line in each UI language. */
  message: Bilingual;
  /** endpoint-moved: the new path, e.g. "leftTicket/queryG". */
  endpoint?: string;
  /** rate-limited / blocked / maintenance: when it is worth trying again (epoch ms). */
  retryAt?: number;
  /** A short excerpt of what was received, for diagnostics. */
  sample?: string;
  /** The site's own error codes when it gave some (TOP's code and sub_code), for callers to branch on. */
  site?: { code?: string; subCode?: string };
}

/** A problem with one part (row, field) of an otherwise readable response. */
export interface DecodeIssue {
  code:
    | 'row-short' // fewer fields than the layout needs
    | 'row-bad-field' // a field we need is malformed (time, date, count)
    | 'row-unknown-seat' // seat code / count we do not know
    | 'row-bad-price' // a price group that does not parse
    | 'unknown-field' // a field or value we have never seen (format drift)
    | 'skipped' // an entry that is not a thing we model (e.g. a transfer itinerary)
    | 'other';
  message: string;
  /** 0-based index of the row or entry in the response. */
  row?: number;
  field?: string;
  sample?: string;
}

export type DecodeResult<T> =
  | { ok: true; value: T; issues: DecodeIssue[] }
  | { ok: false; error: DecodeError };

export function ok<T>(value: T, issues: DecodeIssue[] = []): DecodeResult<T> {
  return { ok: true, value, issues };
}

/** A failed result; the English line first, then the Chinese one. */
export function fail<T = never>(
  code: ErrorCode,
  en: string,
  zh: string,
  extra: Partial<Omit<DecodeError, 'code' | 'message'>> = {},
): DecodeResult<T> {
  return { ok: false, error: { code, message: { zh, en }, ...extra } };
}

/** First bytes of a body, single-line, for diagnostics and error samples. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Runs a decoder body and turns any unexpected exception into a typed error (last line of defence). */
export function guard<T>(name: string, fn: () => DecodeResult<T>): DecodeResult<T> {
  try {
    return fn();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail('schema', `${name}: unexpected data (${why})`, `${name}：数据格式异常（${why}）`);
  }
}
