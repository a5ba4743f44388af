// An English browser on a fresh profile: the popup follows the browser's language ('auto') and
// speaks English only — labels, buttons, headings, status lines, filters and the verdict. The
// only Chinese left on screen is the search's own data: the stations typed, and the stations,
// airports and airlines the replay's trains and flights carry.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser, Replay } from './harness';
import { useBrowser } from './suite';
import { pickStation } from './popup-form';
import { addDays, chinaDateOf } from '../../lib/time';

let replay: Replay;
let browser: LaunchedBrowser;
let popup: Page;

useBrowser({ launch: { lang: 'en-US' } }, async (s) => {
  ({ replay, browser } = s);
  popup = await s.browser.openPopup();
});

const pick = (field: '#from' | '#to', typed: string, expected: string) => pickStation(popup, field, typed, expected);

/**
 * The popup's visible text and its titles, labels and placeholders, with the search's data taken
 * out (the stations and airports of each row, the flights' airlines, the places typed). The
 * overlay's bell speaks its own words (another part of the extension) and is left out.
 */
function uiText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const data = new Set<string>(['北京', '上海']);
    for (const el of document.querySelectorAll('[data-testid=train] .stations, [data-testid=flight] .stations')) {
      for (const side of (el.textContent ?? '').split('→')) {
        const name = side.trim();
        data.add(name);
        data.add(name.replace(/\s+T\d+$/, ''));
      }
    }
    for (const el of document.querySelectorAll('[data-testid=flight] .type')) data.add((el.textContent ?? '').trim());
    const attrs = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
      .filter((e) => !e.closest('.ra'))
      .flatMap((e) => ['aria-label', 'title', 'placeholder'].map((n) => e.getAttribute(n) ?? ''));
    const text = [document.body.innerText, ...attrs].join('\n');
    return [...data].filter(Boolean).sort((a, b) => b.length - a.length).reduce((t, name) => t.replaceAll(name, ''), text);
  });
}

describe('popup in an English browser', () => {
  it('shows no Chinese UI text, before and after a search', async () => {
    expect(await popup.locator('html').getAttribute('lang')).toBe('en');
    expect(await popup.locator('[role=tab]').allTextContents()).toEqual(['Search', 'Watches']);
    expect(await popup.locator('label[for=from]').textContent()).toBe('From');
    expect(await popup.locator('label[for=to]').textContent()).toBe('To');
    expect(await popup.locator('#from').getAttribute('placeholder')).toBe('City, station, pinyin');
    expect(await popup.locator('form button[type="submit"]').textContent()).toBe('Search');
    expect(await uiText(popup)).not.toMatch(/[\u4e00-\u9fff]/);

    await pick('#from', 'beijing', '北京');
    await pick('#to', 'shanghai', '上海');
    await popup.locator('#date').selectOption(addDays(chinaDateOf(Date.now()), 1));
    await popup.locator('form button[type="submit"]').click();
    await popup.locator('[data-testid=train]').first().waitFor({ timeout: 20_000 });
    await popup.locator('[data-testid=flight]').first().waitFor({ timeout: 20_000 });
    await popup.locator('[data-testid=verdict]').waitFor({ timeout: 20_000 });
    await expect.poll(() => popup.locator('[data-testid=air-source]').textContent(), { timeout: 15_000 }).toMatch(/^Flights from: Fliggy live search · /);

    expect(await popup.locator('.columns h2').allTextContents()).toEqual([expect.stringMatching(/^Trains /), expect.stringMatching(/^Flights /)]);
    expect(await popup.locator('[data-testid=verdict]').getAttribute('aria-label')).toBe('Verdict');
    expect(await popup.locator('[data-testid=verdict] .rk').allTextContents()).toEqual(['Cheapest', 'Fastest door to door', 'Earliest at the door']);
    expect(await popup.locator('[data-testid=train] a.buy').first().textContent()).toBe('Book on 12306');
    const left = await uiText(popup);
    const chinese = [...left.matchAll(/.{0,20}[\u4e00-\u9fff]+.{0,20}/g)].map((m) => m[0]);
    expect(chinese).toEqual([]);

    // The watches tab too.
    await popup.getByRole('tab', { name: 'Watches' }).click();
    await popup.locator('.ra-w').waitFor();
    await expect.poll(() => popup.locator('.ra-w-bar span').first().textContent()).toBe('0 watches, 0 with seats');
    expect(await uiText(popup)).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
