// Both overlays in Firefox ESR: each site's page shows the other mode — 12306's search the
// same-day flights of an earlier Fliggy search, Fliggy's search the same-day trains of an earlier
// 12306 search. The data travels the Firefox way: MAIN-world taps on the sites' own responses →
// content script → background script → storage → the other site's overlay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { chinaTomorrow, flightsFor, fliggySearchUrl, launchFirefox, railSearchUrl, startReplay, trainsFor, type LaunchedFirefox, type Replay } from './harness';
import { chooseLanguage } from './language';
import { shadow } from './shadow';

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

// Our panel lives in a closed shadow root under the element marked with the overlay's name (inside
// the slot's own closed root): read through BiDi (shadow.ts).
const PANEL = (overlay: string) => `[data-railair-overlay="${overlay}"] >>> [data-testid="railair-panel"]`;

/** The codes (flight or train numbers) of the rows the overlay panel shows, in order. */
async function panelCodes(page: Page, overlay: '12306' | 'fliggy'): Promise<string[]> {
  return (await shadow(page).attrs(`${PANEL(overlay)} >>> [data-testid="railair-rows"] tbody tr[data-code]`, 'data-code')).map((c) => c ?? '');
}

const waitReady = (page: Page, overlay: string) => shadow(page).waitFor(`${PANEL(overlay)}[data-state="ok"]`, { timeout: 15_000 });

/** As a page script sees our hosts: there, but with no shadow root it can open. */
function hostsSeenByThePage(page: Page): Promise<{ kinds: string[]; open: number }> {
  return page.evaluate(() => {
    const hosts = Array.from(document.querySelectorAll('[data-railair-overlay]'));
    return { kinds: [...new Set(hosts.map((h) => h.getAttribute('data-railair-overlay') ?? ''))].sort(), open: hosts.filter((h) => h.shadowRoot !== null).length };
  });
}

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
    await waitReady(page, '12306');
    // By departure, direct flights first; connections are listed after them.
    const expected = [...flightsFor({ date, depCity: 'BJS', arrCity: 'SHA' })]
      .sort((a, b) => Number(!!a.transfer) - Number(!!b.transfer) || a.depTime.localeCompare(b.depTime) || a.flightNo.localeCompare(b.flightNo))
      .map((f) => f.flightNo);
    expect(await panelCodes(page, '12306')).toEqual(expected.slice(0, 8));
    // Chinese as chosen, although this Firefox's own catalog is English: the words came from the background.
    expect(await panelTitle(page, '12306')).toBe('RailAir · 同日航班');
    // The page finds our hosts (the slot, row notes, bells) but no root to read or click into.
    const seen = await hostsSeenByThePage(page);
    expect(seen.kinds).toContain('slot');
    expect(seen.open).toBe(0);
    await fliggy.close();
    await page.close();
  });

  it('Fliggy: after a 12306 search, shows the same-day trains by departure', async () => {
    const rail = await ff.page();
    await rail.goto(railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date }));
    await rail.waitForSelector('#queryLeftTable tr[id^="ticket_"]');
    await shadow(rail).waitFor(PANEL('12306'));
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
    await waitReady(page, 'fliggy');
    // The trains came from the 12306 page's capture, not from a live query of the extension's own.
    expect(replay.railQueries()).toHaveLength(0);
    const trains = trainsFor({ date, from: 'BJP', to: 'SHH' });
    const shown = await panelCodes(page, 'fliggy');
    expect(shown).toHaveLength(8);
    const earliest = [...trains].sort((a, b) => a.depart.localeCompare(b.depart)).slice(0, 8).map((t) => t.depart);
    const byCode = new Map(trains.map((t) => [t.code, t.depart]));
    expect(shown.map((c) => byCode.get(c))).toEqual(earliest);
    expect(await panelTitle(page, 'fliggy')).toBe('RailAir · 同日火车');
    expect(await hostsSeenByThePage(page)).toEqual({ kinds: ['slot'], open: 0 });
    await page.close();
  });
});

/** The panel's title, as the user reads it. */
function panelTitle(page: Page, overlay: string): Promise<string | null> {
  return shadow(page).text(`[data-railair-overlay="${overlay}"] >>> .ra-title`);
}
