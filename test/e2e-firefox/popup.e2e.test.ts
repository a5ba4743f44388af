// The toolbar popup in Firefox ESR, opened as moz-extension://<uuid>/popup.html in a tab: it
// searches 北京 → 上海 against the replay — trains through the background's own 12306 query, flights
// through its own live Fliggy search, both with the sites' search pages as Referer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { chinaTomorrow, launchFirefox, startReplay, type LaunchedFirefox, type Replay } from './harness';
import { chooseLanguage } from './language';

const date = chinaTomorrow();
let replay: Replay;
let ff: LaunchedFirefox;
let popup: Page;

beforeAll(async () => {
  replay = await startReplay();
  ff = await launchFirefox(replay);
  // Chinese, as these checks read it (language.ts: this Firefox itself speaks only English).
  await chooseLanguage(ff, 'zh-CN');
  popup = await ff.openPopup();
});
afterAll(async () => {
  await ff?.close();
  await replay?.close();
});

/** Types into a station field and takes the first suggestion with Enter, as a user would. */
async function pick(field: '#from' | '#to', typed: string, expected: string): Promise<void> {
  await popup.click(field, { count: 3 });
  await popup.keyboard.press('Backspace');
  await popup.type(field, typed, { delay: 20 });
  await popup.waitForSelector(`${field}-list [role=option]`);
  await popup.keyboard.press('Enter');
  await popup.waitForFunction((f: string, v: string) => (document.querySelector(f) as HTMLInputElement).value === v, {}, field, expected);
}

const count = (selector: string) => popup.$$eval(selector, (els) => els.length);

describe('popup in Firefox', () => {
  it('searches 北京 → 上海 and shows trains and flights from the background\'s live queries', async () => {
    await pick('#from', 'beijing', '北京');
    await pick('#to', '上海', '上海');
    await popup.select('#date', date);
    await popup.focus('#to');
    await popup.keyboard.press('Enter'); // Enter in the form searches
    await popup.waitForSelector('[data-testid=train]', { timeout: 20_000 });
    expect(await count('[data-testid=train]')).toBeGreaterThan(5);
    expect(replay.railQueries().at(-1)!.query).toMatchObject({
      'leftTicketDTO.train_date': date,
      'leftTicketDTO.from_station': 'BJP',
      'leftTicketDTO.to_station': 'SHH',
    });
    // The replay checks like 2026's 12306: the worker's query passed with the warm-up's cookies and
    // the search page as Referer (a DNR session rule; Firefox has no initiatorDomains for it).
    const q = replay.railQueries().at(-1)!;
    expect(q.status).toBe(200);
    expect(q.headers.referer).toBe(`https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=BJP,BJP&ts=SHH,SHH&date=${date}&flag=N,N,Y`);
    expect(q.headers.cookie).toMatch(/JSESSIONID=.*BIGipServerotn=.*route=/);
    expect(q.headers.origin).toBeUndefined();

    // No Taobao credentials and no Fliggy tab: the flights come from the background's live Fliggy
    // search, sent with Fliggy's search page as Referer (the strict replay answers nothing else).
    await popup.waitForSelector('[data-testid=flight]', { timeout: 20_000 });
    expect(await count('[data-testid=flight]')).toBeGreaterThan(3);
    expect(await popup.$eval('[data-testid=air-source]', (el) => el.textContent)).toContain('飞猪实时查询');
    const jsonp = replay.requests.filter((r) => r.path === '/searchow/search.htm');
    expect(jsonp.at(-1)!.status).toBe(200);
    expect(jsonp.at(-1)!.headers.referer).toMatch(/^https:\/\/sjipiao\.fliggy\.com\/homeow\/trip_flight_search\.htm\?depCity=BJS&arrCity=SHA&depDate=/);
    expect(replay.requests.some((r) => r.path === '/flight_search_result.htm')).toBe(false);
    await popup.waitForSelector('[data-testid=verdict]');
    expect(await count('[data-testid=timeline] .tl-bar.tl-rail')).toBeGreaterThan(0);
    expect(await count('[data-testid=timeline] .tl-bar.tl-air')).toBeGreaterThan(0);
  });
});
