// The popup at the width Chrome gives it at 150 % zoom (about 530 CSS px): nothing scrolls
// sideways, the form wraps, the filter bar stays in view over a long list, the timeline shows
// every option with readable labels, and a dark system theme gives a dark popup.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser, Replay } from './harness';
import { useBrowser } from './suite';
import { addDays, chinaDateOf } from '../../lib/time';

let replay: Replay;
let browser: LaunchedBrowser;
let popup: Page;

useBrowser({}, async (s) => {
  ({ replay, browser } = s);
  popup = await s.browser.openPopup();
  await popup.setViewportSize({ width: 520, height: 600 });
});

async function pick(field: '#from' | '#to', typed: string) {
  const input = popup.locator(field);
  await input.pressSequentially(typed, { delay: 20 });
  await popup.locator(`${field}-list [role=option]`).first().waitFor();
  await input.press('Enter');
}

const sideways = () => popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('popup layout', () => {
  it('fits 520 px with results, keeps the filters in view and shows every option on the timeline', async () => {
    expect(await sideways()).toBeLessThanOrEqual(0);
    await pick('#from', '北京');
    await pick('#to', '上海');
    await popup.locator('#date').selectOption(addDays(chinaDateOf(Date.now()), 1));
    await popup.locator('form button[type="submit"]').click();
    await popup.locator('[data-testid=train]').first().waitFor({ timeout: 20_000 });
    await popup.locator('[data-testid=flight]').first().waitFor({ timeout: 20_000 });
    await popup.locator('[data-testid=verdict]').waitFor({ timeout: 15_000 });
    expect(await sideways()).toBeLessThanOrEqual(0);

    // Trains and flights stack in one column below 600 px.
    const [trainBox, flightBox] = await Promise.all([popup.locator('.col').first().boundingBox(), popup.locator('.col').nth(1).boundingBox()]);
    expect(flightBox!.y).toBeGreaterThan(trainBox!.y);

    // Every option has its timeline row; labels are at least 11 px.
    const options = (await popup.locator('[data-testid=train]').count()) + (await popup.locator('[data-testid=flight]').count());
    expect(options).toBeGreaterThan(40);
    expect(await popup.locator('[data-testid=timeline] .tl-row').count()).toBe(options);
    const sizes = await popup.locator('[data-testid=timeline] .tl-label, [data-testid=timeline] .tl-tick').evaluateAll((els) =>
      els.map((e) => parseFloat(getComputedStyle(e).fontSize)),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);

    // Scrolled far down the list, the filter bar is still at the top of the view.
    await popup.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const filters = await popup.locator('.filters').boundingBox();
    expect(filters!.y).toBeGreaterThanOrEqual(-1);
    expect(filters!.y).toBeLessThan(5);
  });

  it('is dark when the system is', async () => {
    const bg = () => popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await bg()).toBe('rgb(32, 33, 36)');
    const text = await popup.evaluate(() => getComputedStyle(document.querySelector('h1')!).color);
    expect(text).toBe('rgb(232, 234, 237)');
  });
});
