// Fliggy (sjipiao.fliggy.com) as the replay serves it: the flight search page, its loader script,
// the JSONP data endpoint /searchow/search.htm?…&callback=NAME and the verification (punish) page
// it answers with when it wants a human: for a search without the search page's Referer, or on
// the scenario's 'challenge' failures.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HTML, JS, notFound, type Handler } from './reply';
import { fliggyJsonpFor } from './air-data';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const PAGE = here('./pages/fliggy-search.html');
const SCRIPT = here('./pages/fliggy-search.js');

/** Fliggy's city codes for the cities the replay knows. */
export const FLIGGY_CITY_NAMES: Record<string, string> = {
  BJS: '北京', SHA: '上海', CAN: '广州', SZX: '深圳', CTU: '成都', SIA: '西安', HGH: '杭州',
  NKG: '南京', WUH: '武汉', CSX: '长沙', TSN: '天津', CGO: '郑州', CKG: '重庆',
};

const LOGIN_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>飞猪-登录</title></head>
<body><div id="J_Login">请登录后继续访问</div></body></html>
`;

/** Where Fliggy sends a request it wants a human for (the double slash is Fliggy's). */
export const PUNISH_URL = 'https://sjipiao.fliggy.com//_____tmd_____/punish?x5secdata=replay0123456789&x5step=1';

/** The slider page, with the markers the real one carries (SITES.md: __baxia__, punish, x5sec). */
const PUNISH_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>验证码拦截</title>
<script src="https://g.alicdn.com/AWSC/AWSC/awsc.js"></script><script>window.__baxia__ = { punish: true };</script></head>
<body><div id="nocaptcha" class="nc-container" data-x5sec="1">请拖动滑块完成验证 (punish)</div></body></html>
`;

const FLIGGY_PAGE_ORIGIN = 'https://sjipiao.fliggy.com/';

export const handleFliggy: Handler = (req, ctx) => {
  const s = ctx.scenario().fliggy;
  // `//_____tmd_____/punish` reaches the server as a scheme-relative URL: its path reads /punish.
  if (req.path === '/punish' || req.path.endsWith('/_____tmd_____/punish')) {
    return { status: 200, headers: { 'content-type': HTML }, body: PUNISH_HTML };
  }
  // The 2026 search page (flight_search_result.htm redirects there on the real site).
  if (req.path === '/flight_search_result.htm' || req.path === '/homeow/trip_flight_search.htm') {
    const dep = req.query.get('depCity') ?? '';
    const arr = req.query.get('arrCity') ?? '';
    const page = readFileSync(PAGE, 'utf8')
      .replace('__DEP_NAME__', FLIGGY_CITY_NAMES[dep] ?? dep)
      .replace('__ARR_NAME__', FLIGGY_CITY_NAMES[arr] ?? arr);
    return { status: 200, headers: { 'content-type': HTML }, body: page };
  }
  if (req.path === '/static/flight-search.js') {
    return { status: 200, headers: { 'content-type': JS }, body: readFileSync(SCRIPT, 'utf8') };
  }
  if (req.path === '/searchow/search.htm') {
    const callback = req.query.get('callback') ?? '';
    const depCity = req.query.get('depCity') ?? '';
    const arrCity = req.query.get('arrCity') ?? '';
    const date = req.query.get('depDate') ?? '';
    const delayMs = s.delayMs;
    if (s.failure === 'challenge') return { status: 302, headers: { location: PUNISH_URL, 'content-type': HTML }, body: '', delayMs };
    if (s.failure === 'challenge-200') return { status: 200, headers: { 'content-type': HTML }, body: PUNISH_HTML, delayMs };
    // A search not sent from Fliggy's own page gets the verification page, as on the real site.
    if (s.requireReferer && !(req.headers.referer ?? '').startsWith(FLIGGY_PAGE_ORIGIN)) {
      return { status: 200, headers: { 'content-type': HTML }, body: PUNISH_HTML, delayMs };
    }
    if (s.failure === 'html') return { status: 200, headers: { 'content-type': HTML }, body: LOGIN_HTML, delayMs };
    if (!/^[\w$.]+$/.test(callback)) return { status: 400, headers: { 'content-type': HTML }, body: 'bad callback', delayMs };
    const search = { date, depCity, arrCity, callback };
    const body = s.body?.(search) ?? fliggyJsonpFor(search, { empty: s.failure === 'empty' });
    return { status: 200, headers: { 'content-type': JS }, body, delayMs };
  }
  return notFound();
};
