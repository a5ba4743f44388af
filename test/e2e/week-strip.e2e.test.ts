// The week strip end to end: the popup searches 北京 → 上海, the user opens 一周行情, and the
// strip fills 7 days from the replay of 12306 and Fliggy. The replay counts what the strip asked:
// one query per day and mode, none for the day the popup had just searched (12 of at most 14),
// each arriving at least 1.5 s after the one before; opened again, it asks nothing. A day's
// button moves the search there; when 12306 refuses, the train side stops and says so. Runs the ordinary build: nothing about the spacing is shortened.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isRailQuery, type LaunchedBrowser, type Replay, type ReplayRequest } from './harness';
import { useBrowser } from './suite';
import { pickStation } from './popup-form';
import { addDays, chinaDateOf } from '../../lib/time';

let replay: Replay;
let browser: LaunchedBrowser;
let popup: Page;
const today = chinaDateOf(Date.now());
const chosen = addDays(today, 4);
const week = [1, 2, 3, 4, 5, 6, 7].map((i) => addDays(today, i));

const isFliggySearch = (r: ReplayRequest) => r.host === 'sjipiao.fliggy.com' && r.path === '/searchow/search.htm';
const stripQueries = (from: number) => replay.requests.slice(from).filter((r) => isRailQuery(r) || isFliggySearch(r));
const dayOf = (r: ReplayRequest) => r.query['leftTicketDTO.train_date'] ?? r.query.depDate;
const pending = () => popup.locator('.week-day [data-state=pending]').count();

useBrowser({}, async (s) => {
  ({ replay, browser } = s);
  popup = await s.browser.openPopup();
});

describe('week strip', () => {
  it('fills 7 days with ≤ 14 spaced queries (none for the day just searched), again with none, and moves the search on a click', async () => {
    await pickStation(popup, '#from', 'beijing', '北京');
    await pickStation(popup, '#to', '上海', '上海');
    await popup.locator('#date').selectOption(chosen);
    await popup.locator('form button[type="submit"]').click();
    await popup.locator('[data-testid=train]').first().waitFor({ timeout: 20_000 });
    await popup.locator('[data-testid=flight]').first().waitFor({ timeout: 20_000 });
    await popup.locator('[data-testid=verdict]').waitFor({ timeout: 20_000 });

    // Closed by default: the search alone asked nothing for other days.
    const toggle = popup.locator('.week-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(replay.requests.filter((r) => (isRailQuery(r) || isFliggySearch(r)) && dayOf(r) !== chosen)).toHaveLength(0);

    const mark = replay.requests.length;
    const opened = Date.now();
    await toggle.click();
    await expect.poll(() => popup.locator('.week-day').count()).toBe(7);
    expect(await popup.locator('.week-day').evaluateAll((els) => els.map((e) => e.getAttribute('data-date')))).toEqual(week);
    // The day just searched shows at once, from what the worker had.
    const chosenDay = popup.locator(`.week-day[data-date="${chosen}"]`);
    expect(await chosenDay.locator('[data-testid=week-rail]').getAttribute('data-state')).toBe('ok');
    expect(await chosenDay.locator('[data-testid=week-air]').getAttribute('data-state')).toBe('ok');
    await expect.poll(pending, { timeout: 60_000, interval: 500 }).toBe(0);
    await popup.locator('[data-testid=week-asking]').waitFor({ state: 'detached' });
    const filled = Date.now() - opened;

    const sent = stripQueries(mark);
    const gaps = sent.slice(1).map((r, i) => r.at - sent[i]!.at);
    const minGap = Math.min(...gaps);
    console.log(`week strip: ${sent.length} requests, min gap ${minGap} ms (filled in ${filled} ms)`);
    expect(sent.length).toBeLessThanOrEqual(14);
    expect(sent).toHaveLength(12);
    expect(sent.filter(isRailQuery).map(dayOf).sort()).toEqual(week.filter((d) => d !== chosen));
    expect(sent.filter(isFliggySearch).map(dayOf).sort()).toEqual(week.filter((d) => d !== chosen));
    expect(minGap).toBeGreaterThanOrEqual(1500);
    // Every day has a train price and a flight price (the replay sells every day of the window).
    const texts = await popup.locator('.week-day [data-testid=week-rail], .week-day [data-testid=week-air]').allTextContents();
    expect(texts.every((s) => /^¥\d/.test(s))).toBe(true);
    expect(await popup.locator('.week-bar.week-rail').count()).toBe(7);

    // Closed and opened again: every day is known, shown at once, nothing asked.
    await toggle.click();
    await toggle.click();
    await expect.poll(() => popup.locator('.week-day').count()).toBe(7);
    expect(await pending()).toBe(0);
    expect(stripQueries(mark)).toHaveLength(12);

    // A day's button moves the search there.
    const target = week[5]!;
    await popup.locator(`.week-day[data-date="${target}"]`).click();
    await expect.poll(() => popup.locator('#date').inputValue()).toBe(target);
    await expect.poll(() => popup.locator(`.week-day[data-date="${target}"]`).getAttribute('aria-current')).toBe('date');
    await popup.locator('[data-testid=train]').first().waitFor({ timeout: 20_000 });
  }, 120_000);

  it('stops the train side when 12306 refuses, says so, and still fills the flights', async () => {
    // The strip is still open (remembered) and may be finishing the days the last click brought in.
    await expect.poll(pending, { timeout: 30_000, interval: 500 }).toBe(0);
    replay.setScenario({ rail: { failure: 'forbidden' } });
    const mark = replay.requests.length;
    const far = addDays(today, 12);
    await popup.locator('#date').selectOption(far);
    await popup.locator('form button[type="submit"]').click();
    await popup.locator('[data-testid=week-rail-held]').waitFor({ timeout: 20_000 });
    expect(await popup.locator('[data-testid=week-rail-held]').textContent()).toContain('12306');
    await expect.poll(pending, { timeout: 60_000, interval: 500 }).toBe(0);
    const states = await popup.locator('.week-day [data-testid=week-rail]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    // today + 9 is still known from the strip around the clicked day (today + 3 … + 9); past the
    // presale window (today + 14) the day says "not on sale"; every other train side waits.
    expect(states).toEqual([9, 10, 11, 12, 13, 14, 15].map((i) => (i === 9 ? 'ok' : i > 14 ? 'not-on-sale' : 'held')));
    const airTexts = await popup.locator('.week-day [data-testid=week-air]').allTextContents();
    expect(airTexts.every((s) => /^¥\d/.test(s))).toBe(true);
    const sent = stripQueries(mark);
    const rail = sent.filter(isRailQuery);
    const air = sent.filter(isFliggySearch);
    console.log(`week strip (12306 refusing): ${sent.length} requests (${rail.length} to 12306, the popup's own search)`);
    // Only the popup's own search reached 12306; the flights: one query per day at most.
    expect(rail.map(dayOf)).toEqual([far]);
    expect(air.length).toBeLessThanOrEqual(7);
    expect(new Set(air.map(dayOf)).size).toBe(air.length);
    replay.resetScenario();
  }, 120_000);

  it('reads at 320 px, at about 530 px (150 % zoom) and at 780 px: one row of 7 days, nothing cut or sideways', async () => {
    for (const width of [320, 530, 780]) {
      await popup.setViewportSize({ width, height: 600 });
      const layout = await popup.evaluate(() => {
        const days = [...document.querySelectorAll<HTMLElement>('.week-day')];
        const texts = [...document.querySelectorAll<HTMLElement>('.week-day > span:not(.week-bars)')];
        return {
          sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          rows: new Set(days.map((d) => Math.round(d.getBoundingClientRect().top))).size,
          cut: texts.filter((t) => t.scrollWidth > t.parentElement!.clientWidth + 1).map((t) => t.textContent),
          smallest: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize))),
        };
      });
      expect(layout, `at ${width} px`).toEqual({ sideways: 0, rows: 1, cut: [], smallest: 11 });
    }
  });
});
