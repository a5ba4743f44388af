// 12306 as the replay serves it: the left-ticket init page, its query script, station_name.js,
// the query endpoints (with endpoint rotation and the failure modes real clients meet) and
// www.12306.cn's error page.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HTML, JS, JSON_TYPE, notFound, type Handler, type Reply, type ReplayContext, type ReplayRequestIn } from './reply';
import { stationNameJs } from './stations';
import { leftTicketBodyFor } from './rail-data';
import type { RailRoute } from './scenario';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const OWN_PAGE = here('./pages/12306-init.html');
const QUERY_SCRIPT = here('./pages/12306-query.js');
/** The real 2019 page, read at run time only (never copied into the repo). */
export const SAVED_INIT_PAGE = here(
  '../../../shared/fixtures/pages/12306.leftTicket-init.page.anonymous.SZQ-XAY.2019-02.html',
);

export const ERROR_PAGE_URL = 'https://www.12306.cn/mormhweb/logFiles/error.html';

/** The page 12306 sends instead of JSON when it turns a client away (title as the real one). */
export const BLOCKED_HTML = `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>铁路客户服务中心</title></head>
<body><div class="err-box"><p>网络可能存在问题，请您重试一下！</p></div></body></html>
`;

const SESSION_COOKIES = [
  'JSESSIONID=8A1D2C0E5F6B7A8C9D0E1F2A3B4C5D6E; Path=/otn',
  'BIGipServerotn=1072693770.64545.0000; Path=/',
  'route=6f50b51faa11b987e576cdb301e545c4; Path=/',
];

function initPage(ctx: ReplayContext): string {
  const s = ctx.scenario().rail;
  if (s.initPage === 'saved' && existsSync(SAVED_INIT_PAGE)) {
    // Line 1 of the saved file is the URL it was fetched from, not HTML.
    const text = readFileSync(SAVED_INIT_PAGE, 'utf8');
    return text
      .slice(text.indexOf('\n') + 1)
      .replace(/var CLeftTicketUrl = '[^']*'/, `var CLeftTicketUrl = '${s.endpoint}'`)
      .replace(/station_version=[\d.]+/, `station_version=${s.stationVersion}`);
  }
  return readFileSync(OWN_PAGE, 'utf8')
    .replace('__CLEFT_TICKET_URL__', s.endpoint)
    .replace('__STATION_VERSION__', s.stationVersion);
}

function endpointName(path: string): string | undefined {
  const m = /^\/otn\/(leftTicket\/query[A-Za-z]*)$/.exec(path);
  return m?.[1];
}

function queryRoute(q: URLSearchParams): RailRoute | undefined {
  const date = q.get('leftTicketDTO.train_date');
  const from = q.get('leftTicketDTO.from_station');
  const to = q.get('leftTicketDTO.to_station');
  // The real server bounces unpadded or missing dates to error.html.
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !from || !to || !q.get('purpose_codes')) return undefined;
  return { date, from, to };
}

const toErrorPage = (): Reply => ({ status: 302, headers: { location: ERROR_PAGE_URL, 'content-type': HTML } });

/** The cookies GET /otn/leftTicket/init sets, by name. */
export const SESSION_COOKIE_NAMES = SESSION_COOKIES.map((c) => c.slice(0, c.indexOf('=')));
export const SEARCH_PAGE_PREFIX = 'https://kyfw.12306.cn/otn/leftTicket/init';

/**
 * 2026's checks on a query: the init page's cookies and a search-page Referer. Returns why the
 * query fails them (also sent as x-replay-refused, for tests), or undefined when it passes.
 */
/** What 12306's page sends with a query (cookies from the init page, the search page as Referer), for Node-side checks. */
export const PAGE_QUERY_HEADERS: Readonly<Record<string, string>> = {
  cookie: SESSION_COOKIES.map((c) => c.slice(0, c.indexOf(';'))).join('; '),
  referer: `${SEARCH_PAGE_PREFIX}?linktypeid=dc`,
};

export function failsPageChecks(headers: Record<string, string>): string | undefined {
  const jar = new Set((headers.cookie ?? '').split(';').map((p) => p.trim().split('=')[0]));
  const missing = SESSION_COOKIE_NAMES.filter((n) => !jar.has(n));
  if (missing.length) return `no cookie ${missing.join(', ')}`;
  if (!(headers.referer ?? '').startsWith(SEARCH_PAGE_PREFIX)) return `referer ${headers.referer ?? '(none)'}`;
  return undefined;
}

function failureReply(ctx: ReplayContext, route: RailRoute): Reply | undefined {
  const s = ctx.scenario().rail;
  if (!s.failure) return undefined;
  if (s.failureCount !== null && ctx.railFailuresServed >= s.failureCount) return undefined;
  ctx.railFailuresServed++;
  switch (s.failure) {
    case 'error-302':
      return toErrorPage();
    case 'html':
      return { status: 200, headers: { 'content-type': HTML }, body: BLOCKED_HTML };
    case 'forbidden':
      return { status: 403, headers: { 'content-type': HTML }, body: '<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1></body></html>' };
    case 'empty':
      return json({ httpstatus: 200, data: { result: [], flag: '1', map: {} }, messages: '', status: true });
    case 'maintenance':
      return { status: 200, headers: { 'content-type': JSON_TYPE }, body: leftTicketBodyFor(route, s, { maintenance: true }) };
  }
}

function json(value: unknown): Reply {
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(value) };
}

function query(req: ReplayRequestIn, ctx: ReplayContext, name: string): Reply {
  const s = ctx.scenario().rail;
  const accepted = s.accepted ?? [s.endpoint];
  const current = accepted[0] ?? s.endpoint;
  const delayMs = s.delayMs;
  if (!accepted.includes(name)) {
    if (s.moved === 'redirect') {
      // A relative Location to the new name, query string kept (seen in 2019–2020).
      const search = new URLSearchParams(req.query).toString();
      const target = current.slice(current.lastIndexOf('/') + 1);
      return { status: 302, headers: { location: `${target}?${search}` }, delayMs };
    }
    return { ...json({ status: false, c_url: current, c_name: 'CLeftTicketUrl' }), delayMs };
  }
  if (s.strict) {
    const why = failsPageChecks(req.headers);
    if (why) return { status: 302, headers: { location: ERROR_PAGE_URL, 'content-type': HTML, 'x-replay-refused': why }, delayMs };
  }
  if (s.pageOnly && !servedPages(ctx).has(pageKey(req.headers.referer))) {
    return { status: 302, headers: { location: ERROR_PAGE_URL, 'content-type': HTML, 'x-replay-refused': 'not from a 12306 page' }, delayMs };
  }
  const route = queryRoute(req.query);
  if (!route) return { ...toErrorPage(), delayMs };
  const failed = failureReply(ctx, route);
  if (failed) return { ...failed, delayMs };
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body: leftTicketBodyFor(route, s), delayMs };
}

/** Search page URLs served with a query string (what a tab loads), per replay server. */
const served = new WeakMap<ReplayContext, Set<string>>();
/** A Referer as the key its page was served under (path and normalised query), or '' for none. */
function pageKey(referer: string | undefined): string {
  try {
    const u = new URL(referer ?? '');
    return u.host === 'kyfw.12306.cn' && u.search ? `${u.pathname}?${new URLSearchParams(u.search).toString()}` : '';
  } catch {
    return '';
  }
}
function servedPages(ctx: ReplayContext): Set<string> {
  let set = served.get(ctx);
  if (!set) served.set(ctx, (set = new Set()));
  return set;
}

export const handle12306: Handler = (req, ctx) => {
  const p = req.path;
  if (p === '/otn/leftTicket/init') {
    const search = req.query.toString();
    if (search) servedPages(ctx).add(`${p}?${search}`);
    return {
      status: 200,
      headers: { 'content-type': HTML, 'set-cookie': SESSION_COOKIES },
      body: initPage(ctx),
    };
  }
  if (p === '/otn/resources/merged/queryLeftTicket_end_js.js') {
    return { status: 200, headers: { 'content-type': JS }, body: readFileSync(QUERY_SCRIPT, 'utf8') };
  }
  if (p === '/otn/resources/js/framework/station_name.js') {
    return { status: 200, headers: { 'content-type': JS }, body: stationNameJs() };
  }
  const name = endpointName(p);
  if (name) return query(req, ctx, name);
  return notFound();
};

export const handleWww12306: Handler = (req) => {
  if (req.path === '/mormhweb/logFiles/error.html') {
    return { status: 200, headers: { 'content-type': HTML }, body: BLOCKED_HTML };
  }
  if (/^\/index\/script\/core\/common\/station_name_new_v[\d.]+\.js$/.test(req.path)) {
    return { status: 200, headers: { 'content-type': JS }, body: stationNameJs() };
  }
  return notFound();
};
