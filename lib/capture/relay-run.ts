// The search tab's side of the relay: runs a left-ticket query the worker was turned away from,
// from the page's origin, so it carries what the page's own query carries (the page's cookies,
// its URL as Referer, no extension Origin), and returns the answer as a capture. Only 12306
// left-ticket query URLs are run. The page is not touched: one background request, off its thread.
import { MAX_BODY_CHARS } from './channel';
import type { Capture } from './schema';
import { isLeftTicketQueryUrl, PAGE_QUERY_HEADERS } from '../sites/12306-page';

export type RelayOutcome = { ok: true; capture: Capture } | { ok: false; reason: string };

export interface RelayRunDeps {
  /** The page-origin fetch (Firefox: the content script's `content.fetch`, Chrome: `fetch`). */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now: () => number;
  timeoutMs?: number;
}


/** Runs one relayed query. Never throws. */
export async function runRelayedQuery(url: string, deps: RelayRunDeps): Promise<RelayOutcome> {
  if (!isLeftTicketQueryUrl(url)) return { ok: false, reason: 'not a 12306 left-ticket query URL' };
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), deps.timeoutMs ?? 10_000);
  try {
    // Same origin as the page: cookies ride along and the Referer is the page's URL.
    const res = await deps.fetch(url, { credentials: 'same-origin', headers: { ...PAGE_QUERY_HEADERS }, signal: ctrl.signal, cache: 'no-store' });
    const body = await res.text();
    const big = body.length > MAX_BODY_CHARS;
    const capture: Capture = {
      v: 1,
      kind: 'left-ticket',
      url,
      ...(res.url && res.url !== url ? { responseUrl: res.url } : {}),
      status: res.status,
      body: big ? '' : body,
      at: deps.now(),
      ...(big ? { tooLarge: body.length } : {}),
    };
    return { ok: true, capture };
  } catch (e) {
    // A redirect to www.12306.cn's error page fails as a cross-origin request: the tab is refused too.
    return { ok: false, reason: (ctrl.signal.aborted ? 'timeout' : e instanceof Error ? e.message : String(e)).slice(0, 300) };
  } finally {
    clearTimeout(timer);
  }
}
