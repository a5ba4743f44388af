// Both overlays in Firefox ESR: each site's page shows the other mode — 12306's search the
// same-day flights of an earlier Fliggy search, Fliggy's search the same-day trains of an earlier
// 12306 search. The data travels the Firefox way: MAIN-world taps on the sites' own responses →
// content script → background script → storage → the other site's overlay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { chinaTomorrow, flightsFor, fliggySearchUrl, launchFirefox, railSearchUrl, startReplay, trainsFor, type LaunchedFirefox, type Replay } from './harness';
import { chooseLanguage } from './language';

const date = chinaTomorrow();
let replay: Replay;
let ff: LaunchedFirefox;

beforeAll(async () => {
  replay = await startReplay();
  ff = await launchFirefox(replay);
  // Chinese, as these checks read it (language.ts: this Firefox itself speaks only English).
  await chooseLanguage(ff, 'zh-CN');
});
afterAll(async () => {
  await ff?.close();
  await replay?.close();
});

/** The codes (flight or train numbers) of the rows the overlay panel shows, in order. */
function panelCodes(page: Page, overlay: '12306' | 'fliggy'): Promise<string[]> {
  return page.evaluate((name: string) => {
    // Our panel lives in an open shadow root under the element marked with the overlay's name.
    const marked = Array.from(document.querySelectorAll('[data-railair-overlay]'))
      .flatMap((el) => [el, ...Array.from(el.shadowRoot?.querySelectorAll('[data-railair-overlay]') ?? [])])
      .find((el) => el.getAttribute('data-railair-overlay') === name);
    const root = marked?.shadowRoot ?? marked;
    return Array.from(root?.querySelectorAll('[data-testid="railair-rows"] tbody tr[data-code]') ?? []).map((tr) => tr.getAttribute('data-code') ?? '');
  }, overlay);
}

const readyPanel = (overlay: string) => `>>> [data-railair-overlay="${overlay}"] >>> [data-testid="railair-panel"][data-state="ok"]`;

describe('overlays in Firefox', () => {
  it('12306: after a Fliggy search, shows the same-day flights by departure', async () => {
    const fliggy = await ff.page();
    await fliggy.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date }));
    await fliggy.waitForSelector('.J_FlightItem');
    // The Fliggy capture reached the extension's storage.
    await ff.extensionPoll(
      async (key: string) => {
        const v = await (globalThis as any).browser.storage.local.get('captureResults');
        return (v.captureResults ?? []).some((r: { key: string }) => r.key === key);
      },
      `fliggy|${date}|BJS|SHA`,
    );

    const page = await ff.page();
    await page.goto(railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date }));
    await page.waitForSelector('#queryLeftTable tr[id^="ticket_"]');
    await page.waitForSelector(readyPanel('12306'), { timeout: 15_000 });
    // By departure, direct flights first; connections are listed after them.
    const expected = [...flightsFor({ date, depCity: 'BJS', arrCity: 'SHA' })]
      .sort((a, b) => Number(!!a.transfer) - Number(!!b.transfer) || a.depTime.localeCompare(b.depTime) || a.flightNo.localeCompare(b.flightNo))
      .map((f) => f.flightNo);
    expect(await panelCodes(page, '12306')).toEqual(expected.slice(0, 8));
    // Chinese as chosen, although this Firefox's own catalog is English: the words came from the background.
    expect(await panelTitle(page, '12306')).toBe('RailAir · 同日航班');
    await fliggy.close();
    await page.close();
  });

  it('Fliggy: after a 12306 search, shows the same-day trains by departure', async () => {
    const rail = await ff.page();
    await rail.goto(railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date }));
    await rail.waitForSelector('#queryLeftTable tr[id^="ticket_"]');
    await rail.waitForSelector('>>> [data-railair-overlay="12306"] >>> [data-testid="railair-panel"]');
    // The panel's place is taken as soon as the rows exist; the 12306 capture may still be on its
    // way to the background: wait until it is filed before closing its tab.
    await ff.extensionPoll(
      async (key: string) => {
        const v = await (globalThis as any).browser.storage.local.get('captureResults');
        return (v.captureResults ?? []).some((r: { key: string }) => r.key === key);
      },
      `12306|${date}|BJP|SHH`,
    );
    await rail.close();

    replay.clearRequests();
    const page = await ff.page();
    await page.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date }));
    await page.waitForSelector('.J_FlightItem');
    await page.waitForSelector(readyPanel('fliggy'), { timeout: 15_000 });
    // The trains came from the 12306 page's capture, not from a live query of the extension's own.
    expect(replay.railQueries()).toHaveLength(0);
    const trains = trainsFor({ date, from: 'BJP', to: 'SHH' });
    const shown = await panelCodes(page, 'fliggy');
    expect(shown).toHaveLength(8);
    const earliest = [...trains].sort((a, b) => a.depart.localeCompare(b.depart)).slice(0, 8).map((t) => t.depart);
    const byCode = new Map(trains.map((t) => [t.code, t.depart]));
    expect(shown.map((c) => byCode.get(c))).toEqual(earliest);
    expect(await panelTitle(page, 'fliggy')).toBe('RailAir · 同日火车');
    await page.close();
  });
});

/** The panel's title, as the user reads it. */
function panelTitle(page: Page, overlay: string): Promise<string | null> {
  return page.$eval(`>>> [data-railair-overlay="${overlay}"] >>> .ra-title`, (el) => el.textContent);
}
