// Answers that stay, end to end: the popup searched once, closed and opened again shows the
// results at once — before any new request reaches the replay — with their age, from the
// worker's session memory. And (issue 10, scenario 3) a popup search with no site tab open shows
// both modes, the flights from the live Fliggy search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fliggySearchUrl, launchBrowser, startReplay, type LaunchedBrowser, type Replay } from './harness';
import { pickStation } from './popup-form';
import { addDays, chinaDateOf } from '../../lib/time';
import type { ChinaDate } from '../../lib/model';

const today = chinaDateOf(Date.now());
const day = (n: number): ChinaDate => addDays(today, n);

async function search(popup: Page, date: ChinaDate) {
  await pickStation(popup, '#from', 'beijing', '北京');
  await pickStation(popup, '#to', '上海', '上海');
  await popup.locator('#date').selectOption(date);
  await popup.locator('#to').press('Enter'); // Enter in the form searches
}

describe('popup reopens on its last search', () => {
  let replay: Replay;
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    replay = await startReplay();
    browser = await launchBrowser(replay);
  });
  afterAll(async () => {
    await browser?.close();
    await replay?.close();
  });

  it('shows the last results at once, with their age, before asking again', async () => {
    const date = day(2);
    // Flights from a Fliggy search page (any flight source will do for remembering them).
    const fliggy = await browser.page();
    await fliggy.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date }));
    await fliggy.locator('.J_FlightItem').first().waitFor();
    await fliggy.waitForTimeout(500);
    await fliggy.close();

    let popup = await browser.openPopup();
    await search(popup, date);
    await popup.locator('[data-testid=train]').first().waitFor({ timeout: 20_000 });
    await popup.locator('[data-testid=flight]').first().waitFor({ timeout: 20_000 });
    const trains = await popup.locator('[data-testid=train]').count();
    const flights = await popup.locator('[data-testid=flight]').count();
    expect(trains).toBeGreaterThan(5);
    expect(flights).toBeGreaterThan(3);
    await popup.waitForTimeout(300); // the worker writes its memory after answering
    await popup.close();

    // Slow sites from now on: whatever the popup shows within the first moment is from memory.
    replay.clearRequests();
    replay.setScenario({ rail: { delayMs: 5000 }, fliggy: { delayMs: 5000 } });
    popup = await browser.context.newPage();
    // The page's own clock notes when the first rows appear (same machine clock as the replay's
    // log), and the age line shown with them: the clients' caches may replace them a moment later.
    await popup.addInitScript(() => {
      const w = window as unknown as { firstRowsAt?: number; restoredText?: string };
      new MutationObserver(() => {
        if (w.firstRowsAt !== undefined || !document.querySelector('[data-testid=train]') || !document.querySelector('[data-testid=flight]')) return;
        w.firstRowsAt = Date.now();
        w.restoredText = document.querySelector('[data-testid=restored]')?.textContent ?? '';
      }).observe(document, { subtree: true, childList: true });
    });
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.locator('[data-testid=train]').first().waitFor({ timeout: 3000 });
    await popup.locator('[data-testid=flight]').first().waitFor({ timeout: 3000 });
    const { shownAt, restored } = await popup.evaluate(() => {
      const w = window as unknown as { firstRowsAt?: number; restoredText?: string };
      return { shownAt: w.firstRowsAt, restored: w.restoredText ?? '' };
    });
    expect(shownAt).toBeDefined();
    // Nothing had reached the replay when the results were on screen.
    const before = replay.requests.filter((r) => r.at <= shownAt!);
    expect(before.map((r) => `${r.host}${r.path}`)).toEqual([]);
    expect(await popup.locator('[data-testid=train]').count()).toBe(trains);
    expect(await popup.locator('[data-testid=flight]').count()).toBe(flights);
    // With their age, while the live answers were on their way.
    expect(restored).toMatch(/上次的结果（(刚刚|\d+ 分钟前)），正在刷新…/);
    expect(await popup.locator('[data-testid=rail-loading]').count()).toBe(0);
    replay.resetScenario();
    // Then the live answers (or the clients' caches) replace them and the age line goes.
    await popup.locator('[data-testid=restored]').waitFor({ state: 'detached', timeout: 20_000 });
    // Asking again cost nothing more than the worker's clients allow: at most one query each.
    expect(replay.railQueries().length).toBeLessThanOrEqual(1);
    expect(await popup.locator('[data-testid=train]').count()).toBe(trains);
    await popup.close();
  });
});

describe('popup search with no site tab open (issue 10 scenario 3: needs the live Fliggy client)', () => {
  let replay: Replay;
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    replay = await startReplay();
    browser = await launchBrowser(replay);
  });
  afterAll(async () => {
    await browser?.close();
    await replay?.close();
  });

  it('shows trains and flights, the flights from a live Fliggy search', async () => {
    const popup = await browser.openPopup();
    await search(popup, day(3));
    await popup.locator('[data-testid=train]').first().waitFor({ timeout: 20_000 });
    await popup.locator('[data-testid=flight]').first().waitFor({ timeout: 20_000 });
    expect(await popup.locator('[data-testid=flight]').count()).toBeGreaterThan(3);
    await expect.poll(() => popup.locator('[data-testid=air-source]').textContent()).toContain('飞猪实时查询');
    // The worker asked Fliggy's search itself: no Fliggy page was ever opened.
    expect(replay.requests.some((r) => r.host === 'sjipiao.fliggy.com' && r.path === '/searchow/search.htm')).toBe(true);
    expect(browser.context.pages().some((p) => p.url().includes('fliggy.com'))).toBe(false);
    expect(replay.railQueries().length).toBeGreaterThan(0);
  });
});
