// Fliggy (sjipiao.fliggy.com) as the replay serves it: the flight search page, its loader script
// and the JSONP data endpoint /searchow/search.htm?…&callback=NAME.

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

export const handleFliggy: Handler = (req, ctx) => {
  const s = ctx.scenario().fliggy;
  if (req.path === '/flight_search_result.htm') {
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
    if (s.failure === 'html') return { status: 200, headers: { 'content-type': HTML }, body: LOGIN_HTML, delayMs };
    if (!/^[\w$.]+$/.test(callback)) return { status: 400, headers: { 'content-type': HTML }, body: 'bad callback', delayMs };
    const search = { date, depCity, arrCity, callback };
    const body = s.body?.(search) ?? fliggyJsonpFor(search, { empty: s.failure === 'empty' });
    return { status: 200, headers: { 'content-type': JS }, body, delayMs };
  }
  return notFound();
};
