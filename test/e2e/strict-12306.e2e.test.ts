// 12306 as it checks queries in 2026 (the replay's default): a query without the init page's
// cookies or without a search-page Referer goes to error.html. In a fresh profile with only
// Fliggy open, the worker's live query still gets through (its warm-up's cookies, the Referer
// set by a declarativeNetRequest session rule); without the rule the same query is refused; and
// when 12306 turns the worker away while a search tab is open, the tab runs the query (the relay)
// and the diagnostics say so.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chinaTomorrow, fliggySearchUrl, railSearchUrl, replayFetch, type LaunchedBrowser, type Replay, type ReplayRequest } from './harness';
import { useBrowser } from './suite';
import { trainsFor } from '../replay/rail-data';
import { PAGE_QUERY_HEADERS } from '../replay/rail';
import { shadow } from './shadow';

const date = chinaTomorrow();

let replay: Replay;
let browser: LaunchedBrowser;

useBrowser({ lang: 'zh-CN' }, (s) => void ({ replay, browser } = s));
afterEach(() => replay.resetScenario());

// The panel, inside our closed shadow roots (read through shadow.ts).
const PANEL = '[data-railair-overlay="fliggy"] >>> [data-testid="railair-panel"]';
const shownTrains = async (page: Page) => (await shadow(page).attrs(`${PANEL} >>> [data-testid="railair-rows"] tbody tr`, 'data-code')).map((c) => c ?? '');
const routeOf = (from: string, to: string) => (r: ReplayRequest) => r.query['leftTicketDTO.from_station'] === from && r.query['leftTicketDTO.to_station'] === to;
const hasCookies = (r: ReplayRequest) => ['JSESSIONID=', 'BIGipServerotn=', 'route='].every((c) => (r.headers.cookie ?? '').includes(c));

describe('strict 12306', () => {
  it('a fresh profile with only Fliggy open: the overlay lists trains from a live query that passed the checks', async () => {
    expect(replay.scenario.rail.strict).toBe(true);
    const page = await browser.page();
    await page.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date }));
    await page.locator('.J_FlightItem').first().waitFor();
    await shadow(page).waitFor(`${PANEL}[data-state="ok"]`, { timeout: 20_000 });
    expect(await shadow(page).text(`${PANEL} >>> [data-testid="railair-source-rail"]`)).toContain('12306 实时查询');
    const shown = await shownTrains(page);
    const live = trainsFor({ date, from: 'BJP', to: 'SHH' });
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((c) => live.some((t) => t.code === c))).toBe(true);

    // No 12306 tab was ever opened: the warm-up and the query were the worker's.
    expect(browser.context.pages().some((p) => p.url().includes('12306.cn'))).toBe(false);
    const init = replay.requests.filter((r) => r.host === 'kyfw.12306.cn' && r.path === '/otn/leftTicket/init');
    expect(init.length).toBeGreaterThan(0);
    const queries = replay.railQueries().filter(routeOf('BJP', 'SHH'));
    expect(queries).toHaveLength(1);
    const q = queries[0]!;
    expect(q.status).toBe(200);
    expect(hasCookies(q)).toBe(true);
    expect(q.headers.referer).toBe(`https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=BJP,BJP&ts=SHH,SHH&date=${date}&flag=N,N,Y`);
    expect(q.headers['x-requested-with']).toBe('XMLHttpRequest');
    expect(q.headers['if-modified-since']).toBe('0');
    expect(q.headers['cache-control']).toBe('no-cache');
    expect(q.headers.accept).toBe('*/*');
    // The extension's Origin is not sent (the page's GET sends none).
    expect(q.headers.origin).toBeUndefined();
    await page.close();
  });

  it('the checks are real: without the Referer rule (or without cookies) the same query is sent to error.html', async () => {
    const q = `leftTicketDTO.train_date=${date}&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=AOH&purpose_codes=ADULT`;
    const path = `/otn/leftTicket/queryZ?${q}`;
    // Node-side: the page's cookies and Referer pass; either one missing does not.
    expect((await replayFetch(replay, 'kyfw.12306.cn', path, { headers: { ...PAGE_QUERY_HEADERS } })).status).toBe(200);
    const noReferer = await replayFetch(replay, 'kyfw.12306.cn', path, { headers: { cookie: PAGE_QUERY_HEADERS.cookie! } });
    expect(noReferer.status).toBe(302);
    expect(noReferer.headers.location).toBe('https://www.12306.cn/mormhweb/logFiles/error.html');
    expect(noReferer.headers['x-replay-refused']).toMatch(/^referer/);
    const noCookies = await replayFetch(replay, 'kyfw.12306.cn', path, { headers: { referer: PAGE_QUERY_HEADERS.referer! } });
    expect(noCookies.status).toBe(302);
    expect(noCookies.headers['x-replay-refused']).toMatch(/^no cookie/);

    // In the worker, with the cookies of the warm-up but no rule: refused.
    replay.clearRequests();
    const url = `https://kyfw.12306.cn${path.replace('AOH', 'NJH')}`;
    const type = await browser.worker.evaluate(async (u) => (await fetch(u, { credentials: 'include', redirect: 'manual' })).type, url);
    expect(type).toBe('opaqueredirect');
    const plain = replay.railQueries().at(-1)!;
    expect(hasCookies(plain)).toBe(true);
    expect(plain.headers.referer).toBeUndefined();
    expect(plain.status).toBe(302);
  });

  it('when 12306 turns the worker away and a search tab is open, the tab answers; the diagnostics name that path', async () => {
    const tab = await browser.page();
    await tab.goto(railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date }));
    await tab.locator('#queryLeftTable tr[id^="ticket_"]').first().waitFor();
    await shadow(tab).waitFor('[data-railair-overlay="12306"] >>> [data-testid="railair-panel"]');
    replay.clearRequests();
    // From now on only queries from a search page the user loaded pass: the worker's are refused
    // (error.html), the tab's, like the page's own, are not.
    replay.setScenario({ rail: { pageOnly: true } });

    const page = await browser.page();
    await page.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'CAN', date }));
    await page.locator('.J_FlightItem').first().waitFor();
    await shadow(page).waitFor(`${PANEL}[data-state="ok"]`, { timeout: 20_000 });
    const shown = await shownTrains(page);
    const expected = trainsFor({ date, from: 'BJP', to: 'GZQ' });
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((c) => expected.some((t) => t.code === c))).toBe(true);

    const queries = replay.railQueries().filter(routeOf('BJP', 'GZQ'));
    // The worker's query refused, once (the search page, not the query again, tells its redirect
    // from a network error), then the tab's answered.
    expect(queries.map((r) => r.status)).toEqual([302, 200]);
    // The last came from the tab: the page's cookies and the page's URL as Referer.
    const relayed = queries[1]!;
    expect(relayed.headers['sec-fetch-site']).toBe('same-origin');
    expect(hasCookies(relayed)).toBe(true);
    expect(relayed.headers.referer).toBe(tab.url());
    expect(relayed.headers['x-requested-with']).toBe('XMLHttpRequest');

    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html#diagnostics'));
    const path = options.locator('[data-testid=client-last-path]');
    await expect.poll(() => path.getAttribute('data-via'), { timeout: 15_000 }).toBe('tab');
    expect(await path.textContent()).toContain('标签页');
    await options.close();
    await page.close();
    await tab.close();
  });
});
