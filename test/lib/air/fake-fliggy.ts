// A fake sjipiao.fliggy.com for the live client's unit tests: answers the JSONP search with the
// generated day of flights, or with one of the ways the real site refuses (SITES.md 2026 update).
import type { FetchLike } from '../../../lib/net/http';
import { buildFliggyJsonp, generateFlights } from '../../support/air-bodies';
import type { ChinaDate } from '../../../lib/model';

export type FliggyMode =
  | 'ok'
  | 'wrong-callback'
  | 'html'
  | 'gzip'
  | { marker: string }
  | 'redirect-punish'
  | 'followed-punish'
  | '403'
  | '429'
  | '500'
  | 'hang'
  | 'network';

export const PUNISH_URL = 'https://sjipiao.fliggy.com//_____tmd_____/punish?x5secdata=abc&x5step=1';

export interface FakeFliggy {
  fetch: FetchLike;
  mode: FliggyMode;
  /** Every request: its URL and init. */
  requests: { url: string; init: RequestInit | undefined }[];
  /** Searches answered with data. */
  answered: number;
}

function respond(body: string, init: ResponseInit, url: string, redirected = false): Response {
  const r = new Response(body, init);
  Object.defineProperty(r, 'url', { value: url });
  Object.defineProperty(r, 'redirected', { value: redirected });
  return r;
}

export function fakeFliggy(mode: FliggyMode = 'ok'): FakeFliggy {
  const site: FakeFliggy = {
    mode,
    requests: [],
    answered: 0,
    fetch: async (url, init) => {
      site.requests.push({ url, init });
      const u = new URL(url);
      if (u.pathname !== '/searchow/search.htm') return respond('not found', { status: 404 }, url);
      const cb = u.searchParams.get('callback') ?? '';
      const date = (u.searchParams.get('depDate') ?? '') as ChinaDate;
      const dep = u.searchParams.get('depCity') ?? '';
      const arr = u.searchParams.get('arrCity') ?? '';
      const m = site.mode;
      const html = { headers: { 'content-type': 'text/html;charset=UTF-8' } };
      if (typeof m === 'object') return respond(`window.location.href="https://sjipiao.fliggy.com/${m.marker}";`, { status: 200 }, url);
      switch (m) {
        case 'wrong-callback':
          return respond(buildFliggyJsonp(generateFlights(2, dep, arr, date, 3), 'jsonp1'), { status: 200 }, url);
        case 'html':
          return respond('<!DOCTYPE html><html><body>请登录</body></html>', { status: 200, ...html }, url);
        case 'gzip':
          return respond('\u001f\uFFFD\u0008\u0000\u0000\u0000garbage', { status: 200 }, url);
        case 'redirect-punish':
          return respond('', { status: 302, headers: { location: PUNISH_URL } }, url);
        case 'followed-punish':
          return respond('<html><body><div id="nocaptcha"></div></body></html>', { status: 200, ...html }, PUNISH_URL, true);
        case '403':
        case '429':
        case '500':
          return respond('no', { status: Number(m) }, url);
        case 'hang':
          return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
        case 'network':
          throw new TypeError('Failed to fetch');
        default:
      }
      site.answered++;
      return respond(buildFliggyJsonp(generateFlights(4, dep, arr, date, 5), cb), { status: 200, headers: { 'content-type': 'application/javascript' } }, url);
    },
  };
  return site;
}
