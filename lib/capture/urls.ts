// Which requests the taps copy. This runs inside the page (MAIN world) on every request the page
// makes, so each matcher is ONE regular-expression test for requests we do not care about;
// the finer classification only runs for the few that pass it.

export type CaptureKind =
  | 'left-ticket'
  | 'station-list'
  | 'fliggy-search'
  | 'top-search'
  /** Not from a tap: Fliggy's rendered list, read by the isolated script when no JSONP came (rows as JSON). */
  | 'fliggy-dom';

/** A matcher: the kind of capture a request URL is, or null (the common, cheap case). */
export type UrlMatcher = (url: string) => CaptureKind | null;

/**
 * 12306: the left-ticket query whatever its current name (query, queryZ, queryG, … — the page
 * learns it from `CLeftTicketUrl` or a `c_url` answer), and the station list script.
 * Not `queryTicketPrice` (another endpoint): the suffix is at most three letters/digits.
 */
const RAIL_RE = /(?:^|\/)leftTicket\/query[A-Za-z0-9]{0,3}(?:[?#]|$)|\/station_name[\w.-]*\.js(?:[?#]|$)/;

export const match12306: UrlMatcher = (url) => {
  if (!RAIL_RE.test(url)) return null;
  return url.includes('station_name') ? 'station-list' : 'left-ticket';
};

/** Method name of the Taobao Open Platform one-way flight search. */
export const TOP_METHOD = 'taobao.trip.jipiao.nsearch.ow.search';

/**
 * Fliggy: the search JSONP (`/searchow/search.htm?…&callback=NAME`), and the Taobao Open
 * Platform router (`/router/rest`), whose method may sit in the URL or in a POST body — a
 * router request is only kept when one of them names the flight search (see `isTopSearch`).
 */
const FLIGGY_RE = /\/searchow\/search\.htm|\/router\/rest|taobao\.trip\.jipiao\.nsearch\.ow\.search/;

export const matchFliggy: UrlMatcher = (url) => {
  if (!FLIGGY_RE.test(url)) return null;
  return url.includes('/searchow/search.htm') ? 'fliggy-search' : 'top-search';
};

/** A TOP candidate is kept when its URL or its request body names the flight search method. */
export function isTopSearch(url: string, requestBody: unknown): boolean {
  if (url.includes(TOP_METHOD)) return true;
  if (typeof requestBody === 'string') return requestBody.includes(TOP_METHOD);
  if (requestBody instanceof URLSearchParams) return requestBody.toString().includes(TOP_METHOD);
  return false;
}

/** The JSONP callback name a script URL asks for (`callback=` or `jsonp=`), if it is a safe identifier. */
export function jsonpCallbackName(src: string): string | undefined {
  const m = /[?&](?:callback|jsonp|cb)=([A-Za-z_$][\w$]{0,99})(?:&|#|$)/.exec(src);
  return m?.[1];
}

/** Which site's pages may hand us which kinds of capture (checked in the content script and the background). */
export const SITE_KINDS = {
  '12306': ['left-ticket', 'station-list'],
  fliggy: ['fliggy-search', 'top-search', 'fliggy-dom'],
} as const satisfies Record<string, readonly CaptureKind[]>;

/** The site a page URL belongs to, by host. */
export function siteOfPage(url: string | undefined): keyof typeof SITE_KINDS | undefined {
  if (!url) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  if (host === 'kyfw.12306.cn') return '12306';
  if (host === 'sjipiao.fliggy.com') return 'fliggy';
  return undefined;
}
