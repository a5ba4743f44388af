// Flights with no key and no Fliggy tab (issue 10): the worker asks Fliggy's own anonymous JSONP
// search. (1) a fresh profile opens only 12306's search page and its panel lists live flights;
// (4) a fare watch set in the popup fires from polled Fliggy answers, no Fliggy tab ever opened;
// (5) Fliggy answers its verification page: the panel asks the user to verify on Fliggy, links its
// search, and the client backs off (no second search on a re-open).
//
// Runs the test build (WXT_RAILAIR_TEST=1, --mode e2e), whose `watchTest` = { intervalSec: 2 } also
// shortens the fare polls' 15 min interval, as test/e2e/watch.e2e.test.ts does for trains.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chinaTomorrow, railSearchUrl, type LaunchedBrowser, type Replay, type ReplayRequest } from './harness';
import { useBrowser } from './suite';
import { inWorker as workerEval } from './test-build';
import { storedWatches } from './watch-storage';
import { flightsFor } from '../replay/air-data';
import { searchRefererUrl } from '../../lib/sites/fliggy-page';
import { addDays } from '../../lib/time';
import { shadow } from './shadow';

const date = chinaTomorrow();

let replay: Replay;
let browser: LaunchedBrowser;

const inWorker = <T>(fn: (arg: any) => Promise<T>, arg?: unknown) => workerEval(browser, fn, arg);

const isJsonp = (r: ReplayRequest) => r.host === 'sjipiao.fliggy.com' && r.path === '/searchow/search.htm';
/** The worker's searches: a fetch, not the page's script tag. */
const fromWorker = (r: ReplayRequest) => isJsonp(r) && r.headers['sec-fetch-dest'] !== 'script';
const fliggyPageLoads = () => replay.requests.filter((r) => r.host === 'sjipiao.fliggy.com' && /search\.htm$|trip_flight_search\.htm$|flight_search_result\.htm$/.test(r.path) && !isJsonp(r));
// The panel, inside our closed shadow roots (read through shadow.ts).
const PANEL = '[data-railair-overlay="12306"] >>> [data-testid="railair-panel"]';
const inPanel = (sel: string) => `${PANEL} >>> ${sel}`;
const panelIn = (page: Page, state: 'ok' | 'no-data') => shadow(page).waitFor(`${PANEL}[data-state="${state}"]`, { timeout: 20_000 });

useBrowser({ testBuild: true, lang: 'zh-CN' }, (s) => void ({ replay, browser } = s));

describe('live flights from Fliggy, no key, no Fliggy tab', () => {
  it('(1) a fresh profile on 12306 only: the panel lists flights from a live Fliggy search', async () => {
    const page = await browser.page();
    await page.goto(railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date }));
    await page.locator('#queryLeftTable tr[id^="ticket_"]').first().waitFor();
    await panelIn(page, 'ok');
    const expected = new Set(flightsFor({ date, depCity: 'BJS', arrCity: 'SHA' }).map((f) => f.flightNo));
    const shown = (await shadow(page).attrs(inPanel('[data-testid="railair-rows"] tbody tr[data-code]'), 'data-code')).map((c) => c ?? '');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((c) => expected.has(c))).toBe(true);
    expect(await shadow(page).text(inPanel('[data-testid="railair-source-air"]'))).toContain('飞猪');

    // The search came from the worker, as the page's loader sends it, and no Fliggy page was opened.
    const sent = replay.requests.filter(fromWorker);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toMatchObject({ tripType: '0', depCity: 'BJS', arrCity: 'SHA', depDate: date, searchSource: '99', needMemberPrice: 'true', openCb: 'false' });
    expect(Object.keys(sent[0]!.query)).toEqual(['tripType', 'depCity', 'depCityName', 'arrCity', 'arrCityName', 'depDate', 'searchSource', 'sKey', 'qid', 'needMemberPrice', '_input_charset', 'ua', 'itemId', 'openCb', 'callback']);
    expect(fliggyPageLoads()).toHaveLength(0);
    // The search page's Referer rides on the worker's request (a declarativeNetRequest session rule), and no extension Origin.
    expect(sent[0]!.headers.referer).toBe(searchRefererUrl({ date, depCity: 'BJS', arrCity: 'SHA' }));
    expect(sent[0]!.headers.origin).toBeUndefined();
    await page.close();
  }, 60_000);

  it('(4) a fare watch set in the popup fires from polled Fliggy answers, with no Fliggy tab ever opened', async () => {
    const day = addDays(date, 1);
    const before = replay.requests.filter((r) => fromWorker(r) && r.query.depDate === day).length;
    expect(before).toBe(0);
    const popup = await browser.openPopup();
    await popup.getByRole('tab', { name: /提醒/ }).click();
    // Cities as people type them: a city name and an airport, resolved by the worker.
    await popup.locator('input[name="fromCity"]').fill('北京');
    await popup.locator('input[name="toCity"]').fill('虹桥机场');
    await expect.poll(() => popup.locator('[data-testid=toCity-resolved]').textContent(), { timeout: 10_000 }).toBe('上海 · SHA');
    await expect.poll(() => popup.locator('[data-testid=fromCity-resolved]').textContent()).toBe('北京 · BJS');
    await popup.locator('input[name="date"]').fill(day);
    // Every adult fare of the replayed day is under ¥9999, taxes in: the first poll fires.
    await popup.locator('input[name="maxYuan"]').fill('9999');
    await popup.locator('input[name="maxYuan"]').press('Enter');

    const shownIds = () => inWorker(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()));
    await expect.poll(shownIds, { timeout: 60_000 }).toHaveLength(1);
    const notifications = await shownIds();
    expect(notifications[0]).toMatch(/^railair-watch:/);
    const polls = replay.requests.filter((r) => fromWorker(r) && r.query.depDate === day);
    expect(polls.length).toBeGreaterThanOrEqual(1);
    expect(polls[0]!.query).toMatchObject({ depCity: 'BJS', arrCity: 'SHA' });
    const doc = (await inWorker(storedWatches))!;
    expect(doc.watches).toEqual([expect.objectContaining({ kind: 'fare', date: day, fromCity: 'BJS', toCity: 'SHA', below: true })]);
    expect(doc.farePollAt).toBeGreaterThan(0);
    expect(fliggyPageLoads()).toHaveLength(0);
    // The fare watches' polls are batched: a few seconds later still one search per 2 s poll at most
    // (the client's 5 min cache answers the rest without a request).
    await new Promise((r) => setTimeout(r, 5000));
    expect(replay.requests.filter((r) => fromWorker(r) && r.query.depDate === day)).toHaveLength(1);
    await popup.close();
  }, 120_000);

  it('(5) Fliggy’s verification page: the panel asks to verify on Fliggy with a link, and the client backs off', async () => {
    replay.setScenario({ fliggy: { failure: 'challenge' } });
    const url = railSearchUrl({ from: ['上海', 'SHH'], to: ['广州', 'GZQ'], date });
    const page = await browser.page();
    await page.goto(url);
    await page.locator('#queryLeftTable tr[id^="ticket_"]').first().waitFor();
    await panelIn(page, 'no-data');
    await expect.poll(() => shadow(page).text(inPanel('[data-testid="railair-live-error"]')), { timeout: 10_000 }).toContain('请在飞猪页面完成验证');
    const href = await shadow(page).attr(inPanel('[data-testid="railair-open-other"]'), 'href');
    expect(href).toMatch(/^https:\/\/sjipiao\.fliggy\.com\/.*depCity=SHA&arrCity=CAN/);
    const searches = () => replay.requests.filter((r) => fromWorker(r) && r.query.depCity === 'SHA' && r.query.arrCity === 'CAN');
    expect(searches()).toHaveLength(1);
    expect(searches()[0]!.status).toBe(302);
    // The worker followed the 302 to the punish page and stopped there.
    expect(replay.requests.some((r) => r.host === 'sjipiao.fliggy.com' && r.path === '/punish')).toBe(true);
    await page.close();

    // Re-opened within the back-off: the same face, and no second search (nor any other).
    replay.setScenario({ fliggy: { failure: null } });
    const total = replay.requests.filter(fromWorker).length;
    const again = await browser.page();
    await again.goto(url);
    await panelIn(again, 'no-data');
    await expect.poll(() => shadow(again).text(inPanel('[data-testid="railair-live-error"]')), { timeout: 10_000 }).toContain('请在飞猪页面完成验证');
    await new Promise((r) => setTimeout(r, 2000));
    expect(searches()).toHaveLength(1);
    expect(replay.requests.filter(fromWorker)).toHaveLength(total);
    const blocked = await inWorker(async () => (await (globalThis as any).chrome.storage.local.get('fliggyClient')).fliggyClient);
    expect(blocked.backoff).toMatchObject({ failures: 1, cause: { code: 'challenge' } });
    expect(blocked.backoff.until).toBeGreaterThan(Date.now() + 60_000);
    await again.close();
  }, 90_000);
});
