// The e2e ground floor: the replay speaks like the sites, the built extension loads in Chromium,
// its popup opens, and the replayed 12306 page queries, renders and follows endpoint rotation
// exactly the same with and without the extension.

import { existsSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  chinaTomorrow,
  fliggySearchUrl,
  launchBrowser,
  pageTableSnapshot,
  railSearchUrl,
  replayFetch,
  startReplay,
  TEST_TOP_APP_KEY,
  TEST_TOP_APP_SECRET,
  type LaunchedBrowser,
  type Replay,
} from './harness';
import { trainsFor } from '../replay/rail-data';
import { flightsFor } from '../replay/air-data';
import { topSign } from '../replay/top';
import { PAGE_QUERY_HEADERS, SAVED_INIT_PAGE } from '../replay/rail';

const date = chinaTomorrow();
const route = { from: ['北京', 'BJP'] as [string, string], to: ['上海', 'SHH'] as [string, string], date };
const expectedTrains = trainsFor({ date, from: 'BJP', to: 'SHH' });

const trainRows = (page: Page) => page.locator('#queryLeftTable tr[id^="ticket_"]');

/** Waits until the page has replaced its results tbody (each query renders a new element). */
async function markTable(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    (document.getElementById('queryLeftTable') as HTMLElement & { __old?: boolean }).__old = true;
  });
  return async () => {
    await page.waitForFunction(() => {
      const t = document.getElementById('queryLeftTable') as (HTMLElement & { __old?: boolean }) | null;
      return t !== null && !t.__old && t.querySelector('tr[id^="ticket_"]') !== null;
    });
  };
}

describe('replay server speaks the sites’ formats', () => {
  let replay: Replay;
  beforeAll(async () => {
    replay = await startReplay();
  });
  afterAll(async () => {
    await replay?.close();
  });

  it('announces the endpoint, redirects other names with c_url and bounces unpadded dates', async () => {
    const init = await replayFetch(replay, 'kyfw.12306.cn', '/otn/leftTicket/init');
    expect(init.body).toContain("var CLeftTicketUrl = 'leftTicket/queryZ'");
    expect(init.headers['set-cookie']?.toString()).toContain('JSESSIONID=');
    const q = `leftTicketDTO.train_date=${date}&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT`;
    const moved = await replayFetch(replay, 'kyfw.12306.cn', `/otn/leftTicket/queryG?${q}`, { headers: { ...PAGE_QUERY_HEADERS } });
    expect(JSON.parse(moved.body)).toEqual({ status: false, c_url: 'leftTicket/queryZ', c_name: 'CLeftTicketUrl' });
    const ok = JSON.parse((await replayFetch(replay, 'kyfw.12306.cn', `/otn/leftTicket/queryZ?${q}`, { headers: { ...PAGE_QUERY_HEADERS } })).body);
    expect(ok.status).toBe(true);
    expect(ok.data.result).toHaveLength(expectedTrains.length);
    const bad = await replayFetch(replay, 'kyfw.12306.cn', `/otn/leftTicket/queryZ?${q.replace(date, '2026-1-5')}`, { headers: { ...PAGE_QUERY_HEADERS } });
    expect(bad.status).toBe(302);
    expect(bad.headers.location).toBe('https://www.12306.cn/mormhweb/logFiles/error.html');
    expect(replay.railQueries().map((r) => r.path)).toEqual(['/otn/leftTicket/queryG', '/otn/leftTicket/queryZ', '/otn/leftTicket/queryZ']);
  });

  it('answers Fliggy’s JSONP only with its own page’s Referer, else (and on the challenge scenarios) its verification page', async () => {
    const path = `/searchow/search.htm?tripType=0&depCity=BJS&depCityName=&arrCity=SHA&arrCityName=&depDate=${date}&searchSource=99&sKey=&qid=&needMemberPrice=true&_input_charset=utf-8&ua=&itemId=&openCb=false&callback=jsonp7`;
    const referer = `https://sjipiao.fliggy.com/homeow/trip_flight_search.htm?depCity=BJS&arrCity=SHA&depDate=${date}&tripType=0`;
    const ok = await replayFetch(replay, 'sjipiao.fliggy.com', path, { headers: { referer } });
    expect(ok.body.startsWith('jsonp7(')).toBe(true);
    const strangers: Record<string, string>[] = [{}, { referer: 'chrome-extension://abc/' }, { referer: 'https://evil.example/sjipiao.fliggy.com/' }];
    for (const headers of strangers) {
      const refused = await replayFetch(replay, 'sjipiao.fliggy.com', path, { headers });
      expect(refused.status).toBe(200);
      expect(refused.body).toContain('__baxia__');
      expect(refused.body).toContain('punish');
    }
    replay.setScenario({ fliggy: { failure: 'challenge' } });
    const moved = await replayFetch(replay, 'sjipiao.fliggy.com', path, { headers: { referer } });
    expect(moved.status).toBe(302);
    expect(moved.headers.location).toMatch(/^https:\/\/sjipiao\.fliggy\.com\/\/_____tmd_____\/punish\?x5secdata=.+&x5step=1$/);
    const punish = await replayFetch(replay, 'sjipiao.fliggy.com', String(moved.headers.location).replace('https://sjipiao.fliggy.com', ''));
    expect(punish.body).toContain('__baxia__');
    replay.setScenario({ fliggy: { failure: 'challenge-200' } });
    const direct = await replayFetch(replay, 'sjipiao.fliggy.com', path, { headers: { referer } });
    expect([direct.status, direct.body.includes('punish')]).toEqual([200, true]);
    replay.resetScenario();
  });

  it('answers signed TOP searches and rejects a wrong signature with error_response', async () => {
    const params: Record<string, string> = {
      method: 'taobao.trip.jipiao.nsearch.ow.search',
      app_key: TEST_TOP_APP_KEY,
      timestamp: '2026-01-01 08:00:00',
      format: 'json',
      v: '2.0',
      sign_method: 'md5',
      dep_city_code: 'BJS',
      arr_city_code: 'SHA',
      dep_date: date,
    };
    const signed = { ...params, sign: topSign(params, TEST_TOP_APP_SECRET, 'md5') };
    const good = await replayFetch(replay, 'gw.api.taobao.com', '/router/rest', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(signed).toString(),
    });
    expect(JSON.parse(good.body)).toHaveProperty('trip_jipiao_nsearch_ow_search_response.result.items');
    const forged = { ...params, sign: topSign(params, 'not-the-secret', 'md5') };
    const bad = await replayFetch(replay, 'gw.api.taobao.com', `/router/rest?${new URLSearchParams(forged)}`);
    expect(JSON.parse(bad.body).error_response).toMatchObject({ code: 25, msg: 'Invalid Signature' });
    // TOP's documented gateway URL is plain http://: served on the same port.
    const plainHttp = await new Promise<string>((resolve, reject) => {
      httpGet({ host: '127.0.0.1', port: replay.port, path: '/router/rest', headers: { host: 'gw.api.taobao.com' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      }).on('error', reject);
    });
    expect(JSON.parse(plainHttp).error_response).toMatchObject({ code: 21, msg: 'Missing Method' });
    expect(replay.requests.at(-1)).toMatchObject({ host: 'gw.api.taobao.com', scheme: 'http' });
  });
});

describe('Chromium with the built extension against the replay', () => {
  let replay: Replay;
  let browser: LaunchedBrowser;
  let plain: LaunchedBrowser | undefined;

  beforeAll(async () => {
    replay = await startReplay();
    browser = await launchBrowser(replay);
  });
  afterAll(async () => {
    await plain?.close();
    await browser?.close();
    await replay?.close();
  });

  it('loads the extension and opens its popup page', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    const errors: string[] = [];
    const page = await browser.page();
    page.on('pageerror', (e) => errors.push(String(e)));
    const res = await page.goto(browser.extensionUrl('popup.html'));
    expect(res?.ok()).toBe(true);
    await page.waitForFunction(() => (document.body.innerText ?? '').trim().length > 0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the service worker reaches the replayed hosts too (resolver rules and certificate apply browser-wide)', async () => {
    replay.clearRequests();
    const type = await browser.worker.evaluate(async () => (await fetch('https://kyfw.12306.cn/otn/leftTicket/init', { mode: 'no-cors' })).type);
    // 'basic' once the manifest grants the host, 'opaque' before: either way TLS and routing worked.
    expect(['basic', 'opaque']).toContain(type);
    expect(replay.requests.map((r) => `${r.host}${r.path}`)).toContain('kyfw.12306.cn/otn/leftTicket/init');
  });

  it('the 12306 page queries the announced endpoint and renders every train', async () => {
    replay.resetScenario();
    replay.clearRequests();
    const page = await browser.page();
    await page.goto(railSearchUrl(route));
    await trainRows(page).first().waitFor();
    expect(await trainRows(page).count()).toBe(expectedTrains.length);
    const first = expectedTrains[0]!;
    await expect(trainRows(page).first().locator('a.number').textContent()).resolves.toBe(first.code);
    await expect(trainRows(page).first().locator('strong.start-t').textContent()).resolves.toBe(first.depart);
    // G101's 二等座 is sold out in the generated day.
    const g101 = page.locator('#queryLeftTable tr[datatran="G101"][id^="ticket_"]');
    await expect(g101.locator('td[id^="ZE_"]').textContent()).resolves.toBe('无');
    const queries = replay.railQueries();
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatchObject({
      path: '/otn/leftTicket/queryZ',
      query: { 'leftTicketDTO.train_date': date, 'leftTicketDTO.from_station': 'BJP', 'leftTicketDTO.to_station': 'SHH', purpose_codes: 'ADULT' },
      status: 200,
    });
    expect(queries[0]!.headers['if-modified-since']).toBe('0');
    expect(queries[0]!.headers['cache-control']).toBe('no-cache');
    const cookies = await browser.context.cookies('https://kyfw.12306.cn/otn/leftTicket/init');
    expect(cookies.find((c) => c.name === '_jc_save_fromStation')?.value).toBe('%u5317%u4EAC%2CBJP');
    await page.close();
  });

  it('follows a c_url rotation once, then keeps the new name; and follows a 302 to a relative new name', async () => {
    replay.resetScenario();
    const page = await browser.page();
    await page.goto(railSearchUrl(route));
    await trainRows(page).first().waitFor();

    replay.setScenario({ rail: { accepted: ['leftTicket/queryG'] } });
    replay.clearRequests();
    let rendered = await markTable(page);
    await page.click('#query_ticket');
    await rendered();
    expect(replay.railQueries().map((r) => [r.path, r.status])).toEqual([
      ['/otn/leftTicket/queryZ', 200],
      ['/otn/leftTicket/queryG', 200],
    ]);
    expect(await trainRows(page).count()).toBe(expectedTrains.length);

    replay.clearRequests();
    rendered = await markTable(page);
    await page.click('#query_ticket');
    await rendered();
    expect(replay.railQueries().map((r) => r.path)).toEqual(['/otn/leftTicket/queryG']);

    replay.setScenario({ rail: { accepted: ['leftTicket/queryA'], moved: 'redirect' } });
    replay.clearRequests();
    rendered = await markTable(page);
    await page.click('#query_ticket');
    await rendered();
    expect(replay.railQueries().map((r) => [r.path, r.status])).toEqual([
      ['/otn/leftTicket/queryG', 302],
      ['/otn/leftTicket/queryA', 200],
    ]);
    await page.close();
  });

  it('a seat change set at run time (G101 二等座 无 → 5) shows on the next query', async () => {
    replay.resetScenario();
    const page = await browser.page();
    await page.goto(railSearchUrl(route));
    const ze = page.locator('#queryLeftTable tr[datatran="G101"][id^="ticket_"] td[id^="ZE_"]');
    await ze.waitFor();
    expect(await ze.textContent()).toBe('无');
    replay.setSeats('G101', { ze: '5' });
    const rendered = await markTable(page);
    await page.click('#query_ticket');
    await rendered();
    expect(await ze.textContent()).toBe('5');
    expect(await ze.getAttribute('aria-label')).toBe('G101次列车，二等座票价553元，余票5');
    await page.close();
  });

  it('retries a 403 once like 12306’s page, and says so when the site keeps refusing', async () => {
    replay.resetScenario();
    replay.setScenario({ rail: { failure: 'forbidden', failureCount: 1 } });
    replay.clearRequests();
    const page = await browser.page();
    await page.goto(railSearchUrl(route));
    await trainRows(page).first().waitFor();
    expect(replay.railQueries().map((r) => r.status)).toEqual([403, 200]);

    replay.setScenario({ rail: { failure: 'html', failureCount: null } });
    await page.click('#query_ticket');
    await page.locator('#no_filter_ticket_net').waitFor({ state: 'visible' });
    await page.close();
  });

  it.skipIf(!existsSync(SAVED_INIT_PAGE))('the real saved 2019 init page, run with the replay’s query script, queries and renders', async () => {
    replay.resetScenario();
    replay.setScenario({ rail: { initPage: 'saved', endpoint: 'leftTicket/queryX', accepted: ['leftTicket/queryG'] } });
    replay.clearRequests();
    const page = await browser.page();
    await page.goto(railSearchUrl({ from: ['深圳', 'SZQ'], to: ['西安', 'XAY'], date }));
    await trainRows(page).first().waitFor();
    expect(await page.title()).toBe('中国铁路12306');
    expect(await page.locator('#floatTable').count()).toBe(1); // only the real page has it
    expect(await trainRows(page).count()).toBe(trainsFor({ date, from: 'SZQ', to: 'XAY' }).length);
    expect(replay.railQueries().map((r) => r.path)).toEqual(['/otn/leftTicket/queryX', '/otn/leftTicket/queryG']);
    await page.close();
  });

  it('the Fliggy page loads its JSONP through a script tag and lists every flight', async () => {
    replay.resetScenario();
    replay.clearRequests();
    const page = await browser.page();
    await page.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date }));
    const items = page.locator('#J_FlightListBox .J_FlightItem');
    await items.first().waitFor();
    const flights = flightsFor({ date, depCity: 'BJS', arrCity: 'SHA' });
    expect(await items.count()).toBe(flights.length);
    await expect(items.first().locator('.J_line').textContent()).resolves.toContain(flights[0]!.flightNo);
    // The page's own loads (the worker's live searches for other tabs' panels name Fliggy's
    // homeow search page as Referer, and may still land from the test before).
    const jsonp = replay.requests.filter((r) => r.path === '/searchow/search.htm' && !/\/homeow\//.test(r.headers.referer ?? ''));
    expect(jsonp).toHaveLength(1);
    expect(jsonp[0]!.query).toMatchObject({ depCity: 'BJS', arrCity: 'SHA', depDate: date });
    expect(jsonp[0]!.query.callback).toMatch(/^jsonp\d+$/);
    // The script tag sends the page as Referer: the strict replay answers it (as Fliggy does its own page).
    expect(jsonp[0]!.headers.referer).toMatch(/^https:\/\/sjipiao\.fliggy\.com\/flight_search_result\.htm\?/);
    await items.first().locator('tr.flight-item-tr').click();
    expect(await items.first().locator('.flight-detail').isVisible()).toBe(true);
    await page.close();
  });

  it('the 12306 page renders and behaves the same with and without the extension', async () => {
    replay.resetScenario();
    plain = await launchBrowser(replay, { extension: false });
    expect(plain.extensionId).toBe('');
    const run = async (b: LaunchedBrowser) => {
      const page = await b.page();
      await page.goto(railSearchUrl(route));
      await trainRows(page).first().waitFor();
      const before = await pageTableSnapshot(page);
      // Page behaviour: the train number opens the stop list, a second click closes it; 查询 re-renders.
      const number = trainRows(page).nth(2).locator('a.number');
      await number.click();
      const stopText = await page.locator('#train_stop').textContent();
      const openAfterFirst = await page.locator('#train_stop').isVisible();
      await number.click();
      const openAfterSecond = await page.locator('#train_stop').isVisible();
      const rendered = await markTable(page);
      await page.click('#query_ticket');
      await rendered();
      const after = await pageTableSnapshot(page);
      await page.close();
      return { before, after, stopText, openAfterFirst, openAfterSecond };
    };
    const withExtension = await run(browser);
    const without = await run(plain);
    expect(without.before.rows).toHaveLength(expectedTrains.length * 2);
    expect(without.openAfterFirst).toBe(true);
    expect(without.openAfterSecond).toBe(false);
    expect(withExtension).toEqual(without);
  });
});
