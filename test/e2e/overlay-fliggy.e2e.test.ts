// The Fliggy side in a real Chromium: the extension reads the search JSONP the replayed page loads
// (without fetching it again) and shows the same-day trains from an earlier 12306 search, else from
// a live 12306 query; when that fails too it says so and opens 12306's search for the route in one click.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chinaTomorrow, fliggySearchUrl, railSearchUrl, type LaunchedBrowser, type Replay } from './harness';
import { useBrowser } from './suite';
import { trainsFor } from '../replay/rail-data';
import { shadow } from './shadow';

const date = chinaTomorrow();
const expectedTrains = trainsFor({ date, from: 'BJP', to: 'SHH' });

let replay: Replay;
let browser: LaunchedBrowser;

useBrowser({ lang: 'zh-CN' }, (s) => void ({ replay, browser } = s));

// The panels, inside our closed shadow roots (read and clicked through shadow.ts).
const PANEL = '[data-railair-overlay="fliggy"] >>> [data-testid="railair-panel"]';
const ROWS = `${PANEL} >>> [data-testid="railair-rows"] tbody tr`;
const inPanel = (sel: string) => `${PANEL} >>> ${sel}`;
const panelIn = (page: Page, state: 'ok' | 'no-data') => shadow(page).waitFor(`${PANEL}[data-state="${state}"]`, { timeout: 15_000 });

async function railSearch(from: [string, string], to: [string, string]): Promise<void> {
  const page = await browser.page();
  await page.goto(railSearchUrl({ from, to, date }));
  await page.locator('#queryLeftTable tr[id^="ticket_"]').first().waitFor();
  // Its panel shows flights from the worker's live Fliggy search: wait until that answer is in, so
  // the search is not counted as a request of the Fliggy page that follows.
  await shadow(page).waitFor('[data-railair-overlay="12306"] >>> [data-testid="railair-panel"][data-state="ok"]', { timeout: 15_000 });
  await page.close();
}

describe('Fliggy panel', () => {
  it('shows the same-day trains of an earlier 12306 search: by departure, with seats per class', async () => {
    await railSearch(['北京', 'BJP'], ['上海', 'SHH']);
    replay.clearRequests();
    const page = await browser.page();
    await page.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date }));
    await page.locator('.J_FlightItem').first().waitFor();
    await panelIn(page, 'ok');
    // The JSONP was loaded once, by the page.
    expect(replay.requests.filter((r) => r.path === '/searchow/search.htm')).toHaveLength(1);

    const ours = shadow(page);
    const shown = (await ours.attrs(ROWS, 'data-code')).map((c) => c ?? '');
    expect(shown).toHaveLength(8);
    const codes = new Set(expectedTrains.map((t) => t.code));
    expect(shown.every((c) => codes.has(c))).toBe(true);
    const departures = await ours.evalAll(ROWS, (trs) => trs.map((tr) => /(\d\d:\d\d)–/.exec(tr.textContent ?? '')?.[1] ?? ''));
    const earliest = expectedTrains.map((t) => t.depart).sort().slice(0, 8);
    expect(departures).toEqual(earliest);
    // Seats left per class, as 12306 said.
    const first = expectedTrains.find((t) => t.code === shown[0])!;
    const firstText = (await ours.text(ROWS)) ?? '';
    for (const [cls, seat] of Object.entries(first.seats)) {
      if (!seat || seat.cell === '--' || seat.cell === '') continue;
      expect(await ours.evalAll(ROWS, (trs, c) => trs[0]?.querySelectorAll(`[data-cls="${c}"]`).length ?? 0, cls), `${first.code} ${cls}`).toBe(1);
    }
    expect(firstText).toMatch(/二等座|硬卧|软卧|硬座|一等座|商务座|无座|动卧/);
    // All trains on request; the cheapest and the fastest are marked.
    await ours.click(inPanel('.ra-more'));
    expect(await ours.count(ROWS)).toBe(expectedTrains.length);
    const badges = await ours.evalAll(inPanel('.ra-badge'), (els) => els.map((el) => el.textContent ?? ''));
    expect(badges).toContain('最便宜');
    expect(badges).toContain('门到门最快');
    expect(((await ours.text(inPanel('[data-testid="railair-verdict"]'))) ?? '').length).toBeGreaterThan(10);
    await page.close();
  });

  it('with no trains captured, asks 12306 live (once) and says that the trains are live', async () => {
    replay.clearRequests();
    const page = await browser.page();
    await page.goto(fliggySearchUrl({ depCity: 'SHA', arrCity: 'CAN', date }));
    await page.locator('.J_FlightItem').first().waitFor();
    await panelIn(page, 'ok');
    expect(await shadow(page).text(inPanel('[data-testid="railair-source-rail"]'))).toContain('12306 实时查询');
    const live = trainsFor({ date, from: 'SHH', to: 'GZQ' });
    const shown = (await shadow(page).attrs(ROWS, 'data-code')).map((c) => c ?? '');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((c) => live.some((t) => t.code === c))).toBe(true);
    // One query for the route, however often the panel refreshed (the live client's cache).
    const queries = replay.railQueries().filter((r) => r.query['leftTicketDTO.from_station'] === 'SHH' && r.query['leftTicketDTO.to_station'] === 'GZQ');
    expect(queries).toHaveLength(1);
    await page.close();
  });

  it('with no trains known and 12306 refusing, says so and why, and opens 12306’s search for the route in one click', async () => {
    // The worker's live query gets a 403 (then 12306 recovers for the page the user opens).
    replay.setScenario({ rail: { failure: 'forbidden', failureCount: 1 } });
    const page = await browser.page();
    await page.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'CAN', date }));
    await page.locator('.J_FlightItem').first().waitFor();
    await panelIn(page, 'no-data');
    const ours = shadow(page);
    expect(await ours.text(inPanel('[data-testid="railair-no-data"]'))).toContain('暂无 北京 → 广州');
    expect(await ours.text(inPanel('[data-testid="railair-live-error"]'))).toContain('12306');
    const link = inPanel('[data-testid="railair-open-other"]');
    const href = await ours.attr(link, 'href');
    expect(href).toBe(
      `https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=${encodeURIComponent('北京')},BJP&ts=${encodeURIComponent('广州')},GZQ&date=${date}&flag=N,N,Y`,
    );
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), ours.click(link)]);
    await opened.locator('#queryLeftTable tr[id^="ticket_"]').first().waitFor();
    expect(await opened.locator('#fromStationText').inputValue()).toBe('北京');
    expect(await opened.locator('#toStationText').inputValue()).toBe('广州');
    // …and once 12306 has answered, the Fliggy page shows those trains without a reload.
    await panelIn(page, 'ok');
    await opened.close();
    await page.close();
    replay.resetScenario();
  });
});
