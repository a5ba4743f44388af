// A RailAir link naming a train (popup 预订 / 候补, notifications) lands on 12306's search with
// that train scrolled into view and ringed, while the page's own query, form and table are
// exactly what a typed search gives.
import { describe, expect, it } from 'vitest';
import { chinaTomorrow, fliggySearchUrl, railSearchUrl, type LaunchedBrowser, type Replay } from './harness';
import { useBrowser } from './suite';
import { flightsFor } from '../replay/air-data';
import { pickStation } from './popup-form';
import { trainsFor } from '../replay/rail-data';

const date = chinaTomorrow();
const route = { from: ['北京', 'BJP'] as [string, string], to: ['上海', 'SHH'] as [string, string], date };
const trains = trainsFor({ date, from: 'BJP', to: 'SHH' });

let replay: Replay;
let browser: LaunchedBrowser;

useBrowser({}, (s) => void ({ replay, browser } = s));

describe('train focus from a RailAir link', () => {
  it('scrolls to the named train and rings its row, leaving the page its own', async () => {
    const target = trains[Math.floor(trains.length * 0.7)]!;
    const page = await browser.page();
    await page.setViewportSize({ width: 1280, height: 700 });
    await page.goto(`${railSearchUrl(route)}#railair=${target.code}`);
    const ring = page.locator('[data-testid=railair-focus]');
    await expect.poll(() => ring.getAttribute('data-code'), { timeout: 20_000 }).toBe(target.code);
    await expect.poll(() => ring.evaluate((e) => getComputedStyle(e).display)).toBe('block');

    const row = page.locator(`#queryLeftTable tr[id^="ticket_"]`).filter({ has: page.locator(`a.number:text-is("${target.code}")`) });
    const [r, h] = await Promise.all([row.boundingBox(), ring.boundingBox()]);
    expect(Math.abs(h!.y - r!.y)).toBeLessThan(2);
    expect(Math.abs(h!.height - r!.height)).toBeLessThan(2);
    // In view: the row is inside the viewport after the scroll.
    expect(r!.y).toBeGreaterThanOrEqual(0);
    expect(r!.y + r!.height).toBeLessThanOrEqual(700);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    // The page's own search: one query for the route, its form as the URL set it.
    expect(replay.railQueries().filter((q) => q.query['leftTicketDTO.train_date'] === date)).toHaveLength(1);
    expect(await page.locator('#fromStationText').inputValue()).toBe('北京');
    expect(await page.locator('#queryLeftTable tr[id^="ticket_"]').count()).toBe(trains.length);
    // Clicks go through the ring to the page.
    expect(await ring.evaluate((e) => getComputedStyle(e).pointerEvents)).toBe('none');
    await page.close();
  });

  it('from the popup: a bookable train\'s 预订 opens 12306 on that train, ringed', async () => {
    const popup = await browser.openPopup();
    await pickStation(popup, '#from', '北京', '北京');
    await pickStation(popup, '#to', '上海', '上海');
    await popup.locator('#date').selectOption(date);
    await popup.locator('form button[type="submit"]').click();
    const buy = popup.locator('[data-testid=train] [data-testid=buy]').nth(3);
    await buy.waitFor({ timeout: 20_000 });
    const code = (await buy.locator('xpath=ancestor::*[@data-testid="train"]').getAttribute('data-code')) ?? '';
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), buy.click()]);
    await tab.waitForLoadState('domcontentloaded');
    expect(new URL(tab.url()).hash).toBe(`#railair=${code}`);
    const ring = tab.locator('[data-testid=railair-focus]');
    await expect.poll(() => ring.evaluate((e) => getComputedStyle(e).display), { timeout: 20_000 }).toBe('block');
    const row = tab.locator('#queryLeftTable tr[id^="ticket_"]').filter({ has: tab.locator(`a.number:text-is("${code}")`) });
    const [r, h] = await Promise.all([row.boundingBox(), ring.boundingBox()]);
    expect(Math.abs(h!.y - r!.y)).toBeLessThan(2);
    await tab.close();
    await popup.close();
  });

  it('rings the named flight on Fliggy\'s search the same way', async () => {
    const flights = flightsFor({ date, depCity: 'BJS', arrCity: 'SHA' }).filter((f) => f.priceFen !== null);
    const target = flights[Math.floor(flights.length / 2)]!;
    const page = await browser.page();
    await page.setViewportSize({ width: 1280, height: 700 });
    await page.goto(`${fliggySearchUrl({ date, depCity: 'BJS', arrCity: 'SHA' })}#railair=${target.flightNo}`);
    const ring = page.locator('[data-testid=railair-focus]');
    await expect.poll(() => ring.evaluate((e) => getComputedStyle(e).display), { timeout: 20_000 }).toBe('block');
    const item = page.locator('#J_FlightListBox .J_FlightItem:visible').filter({ hasText: target.flightNo }).first();
    const [r, h] = await Promise.all([item.boundingBox(), ring.boundingBox()]);
    expect(Math.abs(h!.y - r!.y)).toBeLessThan(2);
    expect(Math.abs(h!.height - r!.height)).toBeLessThan(2);
    await page.close();
  });
});
