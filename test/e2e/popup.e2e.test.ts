// The toolbar popup end to end: opened as chrome-extension://ID/popup.html, it searches
// 北京 → 上海 with the keyboard against the replay of 12306 and Fliggy, shows trains next to
// flights, and gives the right message for a rotated endpoint, a maintenance answer and a
// blocked answer. The popup's own marks give the time from data arrival to first results paint
// (logged, not asserted).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser, Replay } from './harness';
import { useBrowser } from './suite';
import { pickStation } from './popup-form';
import { addDays, chinaDateOf } from '../../lib/time';
import { inServiceWindow } from '../../lib/rail/service-window';
import type { ChinaDate } from '../../lib/model';

let replay: Replay;
let browser: LaunchedBrowser;
let popup: Page;
// Each check uses its own day, so the client's 60-s cache does not answer for the previous one.
const today = chinaDateOf(Date.now());
const day = (n: number): ChinaDate => addDays(today, n);

useBrowser({}, async (s) => {
  ({ replay, browser } = s);
  // The replay is as strict as the sites: Fliggy's search answers only its own page's Referer.
  popup = await s.browser.openPopup();
});

const pick = (field: '#from' | '#to', typed: string, expected: string) => pickStation(popup, field, typed, expected);

/** Logs the popup's own marks: data arrived → first results painted (not asserted: shared CI box). */
async function logPaint(label: string): Promise<number | null> {
  await popup.waitForFunction(() => performance.getEntriesByName('railair:results-painted').length > 0);
  const marks = await popup.evaluate(() =>
    ['railair:data-arrived', 'railair:results-painted'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? null),
  );
  const arrived = marks[0] ?? null;
  const painted = marks[1] ?? null;
  console.info(
    `[e2e] popup ${label}: data arrived → first results painted: ${arrived !== null && painted !== null ? `${(painted - arrived).toFixed(1)} ms` : 'marks missing'}`,
  );
  return painted;
}

/**
 * Searches `date` with the route already in the form: by the 查询 button, or by Enter in the form
 * (the keyboard test). Enter in a station field whose suggestions have just opened picks a
 * suggestion instead, as a combobox should, so the other tests click the button.
 */
async function searchOn(date: ChinaDate, how: 'click' | 'enter' = 'click') {
  await popup.locator('#date').selectOption(date);
  if (how === 'enter') await popup.locator('#to').press('Enter');
  else await popup.locator('form button[type="submit"]').click();
}

describe('popup quick search', () => {
  it('searches 北京 → 上海 with the keyboard and shows trains next to flights', async () => {
    await pick('#from', 'beijing', '北京');
    await pick('#to', '上海', '上海');
    await searchOn(day(1), 'enter');
    await popup.locator('[data-testid=train]').first().waitFor({ timeout: 20_000 });
    const trains = await popup.locator('[data-testid=train]').count();
    expect(trains).toBeGreaterThan(5);
    const q = replay.railQueries().at(-1)!;
    expect(q.query).toMatchObject({
      'leftTicketDTO.train_date': day(1),
      'leftTicketDTO.from_station': 'BJP',
      'leftTicketDTO.to_station': 'SHH',
      purpose_codes: 'ADULT',
    });
    expect(replay.requests.some((r) => r.path === '/otn/leftTicket/init')).toBe(true);

    // No Taobao credentials and no Fliggy tab: the flights come from Fliggy's live search, asked by
    // the worker (before issue 10 the popup offered a button to open Fliggy, whose capture filled it).
    await popup.locator('[data-testid=flight]').first().waitFor({ timeout: 20_000 });
    expect(await popup.locator('[data-testid=flight]').count()).toBeGreaterThan(3);
    await expect.poll(() => popup.locator('[data-testid=air-source]').textContent()).toContain('飞猪');
    const search = replay.requests.filter((r) => r.path === '/searchow/search.htm').at(-1)!;
    expect(search.query).toMatchObject({ depCity: 'BJS', arrCity: 'SHA', depDate: day(1) });
    expect(replay.requests.some((r) => r.path === '/flight_search_result.htm')).toBe(false);
    await popup.locator('[data-testid=verdict]').waitFor();
    // The verdict follows the filters: with every train type unticked no train takes part, and
    // ticking them again brings the first verdict back.
    const verdict = popup.locator('[data-testid=verdict-text]');
    await expect.poll(() => verdict.textContent(), { timeout: 15_000 }).toMatch(/最便宜航班/);
    const before = (await verdict.textContent()) ?? '';
    const groups = ['GDC', 'ZTK', 'other'].map((g) => popup.locator(`input[data-group=${g}]`));
    for (const g of groups) await g.uncheck();
    await expect.poll(() => verdict.textContent(), { timeout: 15_000 }).toContain('没有符合筛选条件的火车');
    for (const g of groups) await g.check();
    await expect.poll(() => verdict.textContent(), { timeout: 15_000 }).toBe(before);
    expect(await popup.locator('[data-testid=timeline] .tl-bar.tl-rail').count()).toBeGreaterThan(0);
    expect(await popup.locator('[data-testid=timeline] .tl-bar.tl-air').count()).toBeGreaterThan(0);

    const painted = await logPaint('first search (cold)');
    expect(painted).not.toBeNull();
  });

  it('follows a rotated endpoint (302 to the new name) and still shows trains', async () => {
    replay.setScenario({ rail: { endpoint: 'leftTicket/queryZ', accepted: ['leftTicket/queryY'], moved: 'redirect' } });
    replay.clearRequests();
    await searchOn(day(2));
    await popup.locator('[data-testid=train]').first().waitFor({ timeout: 20_000 });
    const paths = replay.railQueries().map((r) => r.path);
    expect(paths).toContain('/otn/leftTicket/queryY');
    expect(await popup.locator('[data-testid=rail-blocked], [data-testid=rail-error]').count()).toBe(0);
    await logPaint('second search (warm)');

    // And via c_url: the next name is remembered, so the answer after that goes straight there.
    replay.setScenario({ rail: { accepted: ['leftTicket/queryX'], moved: 'c_url' } });
    replay.clearRequests();
    await searchOn(day(3));
    await expect.poll(() => replay.railQueries().map((r) => r.path).at(-1)).toBe('/otn/leftTicket/queryX');
    await popup.locator('[data-testid=train]').first().waitFor();
    replay.clearRequests();
    await searchOn(day(4));
    await expect.poll(() => replay.railQueries().length).toBe(1);
    expect(replay.railQueries()[0]!.path).toBe('/otn/leftTicket/queryX');
  });

  it('says 12306 is in maintenance for a maintenance answer', async () => {
    replay.resetScenario();
    replay.setScenario({ rail: { accepted: null, failure: 'maintenance' } });
    await searchOn(day(5));
    const banner = popup.locator('[data-testid=rail-maintenance]');
    await banner.waitFor({ timeout: 20_000 });
    // One language at a time: the browser is Chinese, so the face is in Chinese only.
    expect(await banner.textContent()).toContain('12306 维护中，06:00 后恢复');
    expect(await banner.textContent()).not.toContain('in maintenance');
  });

  it('says 12306 refused the query, and when to retry, for a blocked answer', async () => {
    replay.resetScenario();
    replay.setScenario({ rail: { failure: 'error-302' } });
    // This runs on the real clock: in 12306's night window (23:00–06:00 China time) a redirect to
    // error.html is 12306's maintenance answer, by day it is a refusal.
    const night = inServiceWindow(Date.now());
    await searchOn(day(6));
    if (night) {
      const banner = popup.locator('[data-testid=rail-maintenance]');
      await banner.waitFor({ timeout: 20_000 });
      expect(await banner.textContent()).toContain('12306 维护中，06:00 后恢复');
    } else {
      const banner = popup.locator('[data-testid=rail-blocked]');
      await banner.waitFor({ timeout: 20_000 });
      const text = (await banner.textContent()) ?? '';
      expect(text).toContain('12306 暂时拒绝了查询');
      expect(text).toMatch(/，\d+ (?:分 \d+ )?秒后重试/); // a live countdown
    }
    // While backing off the popup sends nothing more to 12306, and still says the real cause.
    // The rail banner's faces are recorded so only the second search's answer (after its
    // loading face) can pass, not the first answer's banner still on screen.
    await popup.evaluate(() => {
      const w = window as unknown as { railFaces: string[] };
      w.railFaces = [];
      new MutationObserver(() => {
        const id = document.querySelector('[data-testid^=rail-]')?.getAttribute('data-testid') ?? '';
        if (w.railFaces.at(-1) !== id) w.railFaces.push(id);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-testid'] });
    });
    replay.clearRequests();
    await searchOn(day(7));
    const expected = night ? 'rail-maintenance' : 'rail-blocked';
    const faces = () => popup.evaluate(() => (window as unknown as { railFaces: string[] }).railFaces);
    await expect.poll(async () => (await faces()).slice(-2), { timeout: 20_000 }).toEqual(['rail-loading', expected]);
    if (!night) expect(await popup.locator('[data-testid=rail-blocked]').textContent()).toMatch(/12306 暂时拒绝了查询.*，\d+ (?:分 \d+ )?秒后重试/);
    expect(replay.railQueries()).toHaveLength(0);
  });
});

describe('options page', () => {
  it('shows the live client state and applies the language to the popup', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html#diagnostics'));
    await expect.poll(() => options.locator('[data-testid=client-status]').textContent(), { timeout: 15_000 }).toContain('leftTicket/query');
    await options.locator('#language').selectOption('en');
    await expect.poll(() => options.locator('#buffers h2').textContent()).toBe('Door to door');
    await popup.reload();
    await expect.poll(() => popup.locator('label[for=from]').textContent()).toBe('From');
    expect(await popup.locator('[role=tab]').allTextContents()).toEqual(['Search', 'Watches']);
    expect(await popup.locator('html').getAttribute('lang')).toBe('en');
    await options.close();
  });
});
