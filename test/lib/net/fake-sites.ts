// A fake kyfw.12306.cn for the client tests, speaking the real wire formats: the init page with
// `var CLeftTicketUrl`, left-ticket JSON built by the rail-rows generator, `c_url` bodies, 302s
// (to error.html, or to a new endpoint name), HTML pages and 403s. Redirects behave as in the
// extension's worker: same-host redirects are followed (response.redirected + url), a redirect
// to www.12306.cn fails like a CORS error, and `redirect: 'manual'` shows the 302 itself.
import type { ChinaDate } from '../../../lib/model';
import type { FetchLike } from '../../../lib/net/http';
import { buildLeftTicketBody, buildRailRow, generateTrains } from '../../support/rail-rows';

export type Fail12306 = '302' | 'html' | 'maintenance-html' | '403' | 'empty-body' | 'network' | 'hang';

export interface Fake12306 {
  fetch: FetchLike;
  /** Every URL requested, in order. */
  requests: string[];
  /** Endpoint the init page announces. */
  announce: string;
  /** The only endpoint that answers with data. */
  live: string;
  moved: 'c_url' | 'redirect';
  failure: Fail12306 | null;
  stationVersion: string;
  stationScript: string | null;
  queries(): string[];
}

export const ERROR_PAGE = 'https://www.12306.cn/mormhweb/logFiles/error.html';

const HTML_PAGE = `<!DOCTYPE html><html><head><title>铁路客户服务中心</title></head><body><div class="err">网络可能存在问题，请您重试一下！</div></body></html>`;
const MAINT_PAGE = `<!DOCTYPE html><html><head><title>铁路客户服务中心</title></head><body>系统维护中，每日 23:00 至次日 06:00 为系统维护时间</body></html>`;

function respond(body: string | null, init: ResponseInit, url: string, redirected = false): Response {
  const r = new Response(body, init);
  Object.defineProperty(r, 'url', { value: url });
  Object.defineProperty(r, 'redirected', { value: redirected });
  return r;
}

export function initPage(endpoint: string, version: string): string {
  return `<!DOCTYPE html><html><head><title>车票查询 | 客运服务 | 铁路客户服务中心</title>
<script type="text/javascript">
 var ctx='/otn/';
 var CLeftTicketUrl = '${endpoint}';
 var isShowNotice = null;
</script>
<script src="/otn/resources/js/framework/station_name.js?station_version=${version}" type="text/javascript"></script>
</head><body><form id="queryLeftForm"></form></body></html>`;
}

export function fake12306(opts: Partial<Pick<Fake12306, 'announce' | 'live' | 'moved' | 'stationVersion' | 'stationScript'>> = {}): Fake12306 {
  const site: Fake12306 = {
    requests: [],
    announce: opts.announce ?? 'leftTicket/queryZ',
    live: opts.live ?? opts.announce ?? 'leftTicket/queryZ',
    moved: opts.moved ?? 'c_url',
    failure: null,
    stationVersion: opts.stationVersion ?? '1.9340',
    stationScript: opts.stationScript ?? null,
    queries: () => site.requests.filter((u) => u.includes('/leftTicket/query')),
    fetch: async (url, init) => answer(url, init, false),
  };

  async function answer(url: string, init: RequestInit | undefined, redirected: boolean): Promise<Response> {
    site.requests.push(url);
    const u = new URL(url);
    if (u.hostname !== 'kyfw.12306.cn') throw new TypeError('Failed to fetch');
    if (u.pathname === '/otn/leftTicket/init') {
      return respond(initPage(site.announce, site.stationVersion), { headers: { 'content-type': 'text/html;charset=utf-8' } }, url);
    }
    if (u.pathname === '/otn/resources/js/framework/station_name.js') {
      if (site.stationScript === null) return respond('Not Found', { status: 404 }, url);
      return respond(site.stationScript, { headers: { 'content-type': 'application/javascript' } }, url);
    }
    const m = /^\/otn\/(leftTicket\/query\w*)$/.exec(u.pathname);
    if (!m) return respond('Not Found', { status: 404 }, url);
    const name = m[1]!;
    const redirect = (to: string) => {
      if (init?.redirect === 'manual') return respond(null, { status: 302, headers: { Location: to } }, url);
      const abs = new URL(to, url).toString();
      if (new URL(abs).hostname !== 'kyfw.12306.cn') throw new TypeError('Failed to fetch'); // CORS
      return answer(abs, init, true);
    };
    switch (site.failure) {
      case '403':
        return respond('', { status: 403 }, url, redirected);
      case '302':
        return redirect(ERROR_PAGE);
      case 'html':
        return respond(HTML_PAGE, { headers: { 'content-type': 'text/html' } }, url, redirected);
      case 'maintenance-html':
        return respond(MAINT_PAGE, { headers: { 'content-type': 'text/html' } }, url, redirected);
      case 'empty-body':
        return respond('', { status: 200 }, url, redirected);
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'hang':
        return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      default:
    }
    if (name !== site.live) {
      if (site.moved === 'c_url') {
        return respond(JSON.stringify({ status: false, c_url: site.live, c_name: 'CLeftTicketUrl' }), { headers: { 'content-type': 'application/json' } }, url, redirected);
      }
      return redirect(`${site.live.replace('leftTicket/', '')}${u.search}`);
    }
    const date = u.searchParams.get('leftTicketDTO.train_date') as ChinaDate;
    const from = u.searchParams.get('leftTicketDTO.from_station') ?? '';
    const to = u.searchParams.get('leftTicketDTO.to_station') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return redirect(ERROR_PAGE); // unpadded dates: error page
    const rows = generateTrains(6, { from, to }, date, 7).map((s) => buildRailRow(s, '2025'));
    return respond(buildLeftTicketBody(rows, { [from]: '北京南', [to]: '上海虹桥' }), { headers: { 'content-type': 'application/json;charset=UTF-8' } }, url, redirected);
  }
  return site;
}
