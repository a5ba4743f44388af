// Capture on 12306 in a real Chromium: the extension copies what the replayed page loads —
// whatever the endpoint is called, through c_url rotations, and reports error pages instead of
// decoding them — and the panel shows the same-day flights and the verdict.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  chinaTomorrow,
  fliggySearchUrl,
  railSearchUrl,
  type LaunchedBrowser,
  type Replay,
} from './harness';
import { useBrowser } from './suite';
import { trainsFor } from '../replay/rail-data';
import { flightsFor } from '../replay/air-data';
import { chooseLanguage } from './language';
import { shadow } from './shadow';

const date = chinaTomorrow();
const route = { from: ['北京', 'BJP'] as [string, string], to: ['上海', 'SHH'] as [string, string], date };
const KEY = `12306|${date}|BJP|SHH`;
const expectedTrains = trainsFor({ date, from: 'BJP', to: 'SHH' });
const expectedFlights = flightsFor({ date, depCity: 'BJS', arrCity: 'SHA' });

interface Stored {
  captureResults?: Array<{ key: string; at: number; rail?: { trains: unknown[] }; air?: { flights: unknown[] } }>;
  captureDiagnostics?: { entries: Array<{ code: string; url: string; sample: string }>; undecodable: number };
}

/** The worker's `chrome` global, as much of it as these checks use. */
type WorkerChrome = {
  chrome: { storage: { local: { get(keys: string[]): Promise<unknown>; set(items: object): Promise<void>; remove(keys: string[]): Promise<void> } } };
};

let replay: Replay;
let browser: LaunchedBrowser;

async function stored(): Promise<Stored> {
  const worker = await browser.currentWorker();
  return (await worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.storage.local.get(['captureResults', 'captureDiagnostics']))) as Stored;
}

async function clearStored(): Promise<void> {
  const worker = await browser.currentWorker();
  await worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.storage.local.remove(['captureResults', 'captureDiagnostics']));
}

/** Polls extension storage until `pred` holds (captures travel tap → content script → worker). */
async function until<T>(read: () => Promise<T>, pred: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!pred(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

const trainRows = (page: Page) => page.locator('#queryLeftTable tr[id^="ticket_"]');
// Inside our closed shadow roots (shadow.ts): the panel, and a sold-out class's bell in G101's row.
const PANEL = '[data-railair-overlay="12306"] >>> [data-testid="railair-panel"]';
const G101_ZE = '#queryLeftTable tr[datatran="G101"][id^="ticket_"] td[id^="ZE_"]';

async function openRailSearch(): Promise<Page> {
  const page = await browser.page();
  await page.goto(railSearchUrl(route));
  await trainRows(page).first().waitFor();
  return page;
}

useBrowser({ lang: 'zh-CN' }, async (s) => {
  ({ replay, browser } = s);
  // A fresh profile's worker fetches its first station list at start; the tests begin after it.
  const first = await s.replay.waitForRequest((r) => r.path.endsWith('/station_name.js'));
  for (let i = 0; i < 50 && first.status === undefined; i++) await new Promise((r) => setTimeout(r, 100));
});
beforeEach(async () => {
  replay.resetScenario();
  replay.clearRequests();
  await clearStored();
});

describe('12306 capture', () => {
  it('copies the announced endpoint’s answer and files every train under the route', async () => {
    // The page names a newer station list than the one the worker holds: it is taken from the page.
    replay.setScenario({ rail: { stationVersion: '1.9341' } });
    const page = await openRailSearch();
    const s = await until(stored, (v) => !!v.captureResults?.some((r) => r.key === KEY), 'the left-ticket capture');
    const r = s.captureResults!.find((x) => x.key === KEY)!;
    expect(r.rail?.trains).toHaveLength(expectedTrains.length);
    // The tap made no request of its own: exactly the page's one query.
    expect(replay.railQueries().map((q) => q.path)).toEqual(['/otn/leftTicket/queryZ']);
    // The station list the page loaded (a <script>) was read from the page, not fetched again.
    const worker = await browser.currentWorker();
    const list = await until(
      () => worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.storage.local.get(['stationList'])) as Promise<{ stationList?: { source: string; text: string } }>,
      (v) => !!v.stationList,
      'the station list',
    );
    expect(list.stationList?.source).toBe('page');
    expect(list.stationList?.text).toContain('|北京南|VNP|');
    expect(replay.requests.filter((r) => r.path.endsWith('/station_name.js'))).toHaveLength(1);
    await page.close();
  });

  it('still captures when the endpoint is renamed', async () => {
    replay.setScenario({ rail: { endpoint: 'leftTicket/queryU', accepted: null } });
    const page = await openRailSearch();
    const s = await until(stored, (v) => !!v.captureResults?.some((r) => r.key === KEY), 'the capture from queryU');
    expect(s.captureResults!.find((x) => x.key === KEY)!.rail?.trains).toHaveLength(expectedTrains.length);
    expect(replay.railQueries().map((q) => q.path)).toEqual(['/otn/leftTicket/queryU']);
    await page.close();
  });

  it('lets the page follow a c_url redirect and captures the data once, with nothing reported as broken', async () => {
    replay.setScenario({ rail: { endpoint: 'leftTicket/queryG', accepted: ['leftTicket/queryY'], moved: 'c_url' } });
    const page = await openRailSearch();
    expect(await trainRows(page).count()).toBe(expectedTrains.length);
    const s = await until(stored, (v) => !!v.captureResults?.some((r) => r.key === KEY), 'the capture after c_url');
    expect(replay.railQueries().map((q) => q.path)).toEqual(['/otn/leftTicket/queryG', '/otn/leftTicket/queryY']);
    expect(s.captureResults!.filter((x) => x.key === KEY)).toHaveLength(1);
    const at = s.captureResults!.find((x) => x.key === KEY)!.at;
    await new Promise((r) => setTimeout(r, 500));
    const later = await stored();
    expect(later.captureResults!.find((x) => x.key === KEY)!.at).toBe(at); // no second write
    expect(later.captureDiagnostics?.undecodable ?? 0).toBe(0);
    await page.close();
  });

  // 'html': 200 with 12306's HTML page; 'error-302': a redirect to www.12306.cn/…/error.html, which
  // the page's XHR may not read (another origin), so the page sees a network error.
  it.each([
    ['html', 'html-page', 'https://kyfw.12306.cn/otn/leftTicket/queryZ'],
    ['error-302', 'network', 'https://kyfw.12306.cn/otn/leftTicket/queryZ'],
  ] as const)('reports a %s answer in diagnostics instead of decoding it', async (failure, code, url) => {
    replay.setScenario({ rail: { failure } });
    const page = await browser.page();
    await page.goto(railSearchUrl(route));
    const s = await until(stored, (v) => (v.captureDiagnostics?.undecodable ?? 0) > 0, 'a diagnostics entry');
    expect(s.captureDiagnostics!.entries[0]).toMatchObject({ code });
    expect(s.captureDiagnostics!.entries[0]!.url.startsWith(url)).toBe(true);
    if (code === 'html-page') expect(s.captureDiagnostics!.entries[0]!.sample).toContain('<');
    expect(s.captureResults ?? []).toEqual([]);
    // The panel says so too.
    const ours = shadow(page);
    await ours.waitFor(`${PANEL} >>> [data-testid="railair-diagnostics"]`);
    expect(await ours.text(`${PANEL} >>> [data-testid="railair-diagnostics"]`)).toBe('1 个响应无法解析');
    await page.close();
  });
});

describe('12306 panel', () => {
  it('after a Fliggy search, shows the same-day flights, the verdict, and notes on trains a flight beats', async () => {
    const fliggy = await browser.page();
    await fliggy.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date }));
    await fliggy.locator('.J_FlightItem').first().waitFor();
    await until(stored, (v) => !!v.captureResults?.some((r) => r.key === `fliggy|${date}|BJS|SHA`), 'the Fliggy capture');

    const page = await openRailSearch();
    const ours = shadow(page);
    await ours.waitFor(`${PANEL}[data-state="ok"]`, { timeout: 15_000 });
    // The host sits right under the result bar, outside the site's controls, in the slot reserved
    // for it (whose root the page cannot open).
    const slotAfterBar = await page.evaluate(() => {
      const slot = document.querySelector('#sear-result')?.nextElementSibling;
      return [slot?.getAttribute('data-railair-overlay'), slot?.shadowRoot];
    });
    expect(slotAfterBar).toEqual(['slot', null]);
    expect(await ours.attrs('#sear-result + [data-railair-overlay="slot"] >>> [data-railair-overlay]', 'data-railair-overlay')).toEqual(['12306']);

    const shown = await ours.attrs(`${PANEL} >>> [data-testid="railair-rows"] tbody tr[data-code]`, 'data-code');
    // By departure, direct flights first; connections (one ticket, changing planes) are listed after them.
    const byDeparture = [...expectedFlights]
      .sort((a, b) => Number(!!a.transfer) - Number(!!b.transfer) || a.depTime.localeCompare(b.depTime) || a.flightNo.localeCompare(b.flightNo))
      .map((f) => f.flightNo);
    expect(shown).toEqual(byDeparture.slice(0, 8));
    const verdict = (await ours.text(`${PANEL} >>> [data-testid="railair-verdict"] .ra-verdict-zh`)) ?? '';
    expect(verdict.length).toBeGreaterThan(10);
    expect(expectedFlights.some((f) => verdict.includes(f.flightNo)) || expectedTrains.some((t) => verdict.includes(t.code))).toBe(true);
    // Slow overnight trains are beaten by some flight door to door.
    await page.locator('[data-railair-overlay="12306-row"]').first().waitFor();
    const notes = await page.locator('[data-railair-overlay="12306-row"]').count();
    expect(notes).toBeGreaterThan(0);
    // Sold-out classes carry a bell (G101's 二等座 is sold out in the generated day).
    await ours.waitFor(`${G101_ZE} >>> [data-testid="railair-bell"]`);
    // One click sets an availability watch for that train and class (the watch service answers).
    await ours.click(`${G101_ZE} >>> [data-testid="railair-bell"]`);
    await ours.waitFor(`${G101_ZE} >>> [data-testid="railair-bell-msg"]`);
    expect(await ours.text(`${G101_ZE} >>> [data-testid="railair-bell-msg"]`)).toBe('已设提醒');
    // The click was ours: the page's own handlers did not see it (no pop-up, no login prompt).
    expect(await page.evaluate(() => [document.getElementById('train_stop')!.style.display, document.getElementById('login_tip')!.style.display])).toEqual([
      'none',
      'none',
    ]);
    await fliggy.close();
    await page.close();
  });

  it('follows the filters the popup stored: only Z/T/K trains change the verdict and the row notes', async () => {
    const fliggy = await browser.page();
    await fliggy.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date }));
    await fliggy.locator('.J_FlightItem').first().waitFor();
    await until(stored, (v) => !!v.captureResults?.some((r) => r.key === `fliggy|${date}|BJS|SHA`), 'the Fliggy capture');
    const fast = expectedTrains.filter((t) => /^[GDC]/.test(t.code)).map((t) => t.code);
    const slow = expectedTrains.filter((t) => /^[ZTK]/.test(t.code)).map((t) => t.code);
    const named = (verdict: string, codes: string[]) => codes.filter((c) => new RegExp(`(^|[^A-Z0-9])${c}([^0-9]|$)`).test(verdict));
    const verdictOf = async (page: Page) => {
      await shadow(page).waitFor(`${PANEL}[data-state="ok"]`, { timeout: 15_000 });
      return (await shadow(page).text(`${PANEL} >>> [data-testid="railair-verdict"] .ra-verdict-zh`)) ?? '';
    };
    const notedTrains = async (page: Page) => {
      await page.locator('[data-railair-overlay="12306-row"]').first().waitFor();
      return page.locator('[data-railair-overlay="12306-row"]').evaluateAll((hosts) => hosts.map((h) => h.closest('tr')?.getAttribute('datatran') ?? ''));
    };

    const page = await openRailSearch();
    const before = await verdictOf(page);
    expect(named(before, fast).length).toBeGreaterThan(0);
    expect(await shadow(page).count('[data-testid="railair-filtered"]')).toBe(0);
    expect((await notedTrains(page)).some((c) => /^[GDC]/.test(c))).toBe(true);

    // What the popup stores with its last search when the user keeps only Z/T/K trains.
    const worker = await browser.currentWorker();
    const place = (name: string, telecode: string) => ({ kind: 'city', name, telecode, city: name });
    const lastSearch = {
      from: place('北京', 'BJP'),
      to: place('上海', 'SHH'),
      date,
      student: false,
      filters: { types: ['ZTK'], fromHour: 0, toHour: 24, cls: 'any', onlyBuyable: false, sort: 'depart' },
    };
    await worker.evaluate((v) => (globalThis as unknown as WorkerChrome).chrome.storage.local.set({ lastSearch: v }), lastSearch);
    try {
      await page.reload();
      await trainRows(page).first().waitFor();
      const after = await verdictOf(page);
      expect(after).not.toBe(before);
      expect(named(after, fast)).toEqual([]);
      expect(named(after, slow).length).toBeGreaterThan(0);
      expect(await shadow(page).count('[data-testid="railair-filtered"]')).toBe(1);
      const noted = await notedTrains(page);
      expect(noted.length).toBeGreaterThan(0);
      expect(noted.every((c) => /^[ZTK]/.test(c))).toBe(true);
    } finally {
      await worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.storage.local.remove(['lastSearch']));
    }
    await fliggy.close();
    await page.close();
  });

  it('speaks English when the user chose English in options', async () => {
    await chooseLanguage(browser, 'en');
    try {
      const page = await openRailSearch();
      const ours = shadow(page);
      await expect.poll(() => ours.text(`${PANEL} >>> .ra-title`), { timeout: 10_000 }).toBe('RailAir · Same-day flights');
      const toggle = `${PANEL} >>> [data-testid="railair-toggle"]`;
      expect(await ours.text(toggle)).toMatch(/^(Hide|Show)$/);
      const bell = `${G101_ZE} >>> [data-testid="railair-bell"]`;
      await ours.waitFor(bell);
      expect(await ours.attr(bell, 'aria-label')).toBe('Watch for seats: G101 Second class');
      if ((await ours.text(toggle)) === 'Show') await ours.click(toggle);
      await ours.waitFor(`${PANEL} >>> [data-testid="railair-loading"]`, { state: 'detached', timeout: 15_000 });
      // Place, airline and airport names are data; none of the panel's own Chinese words is left.
      const text = (await ours.text(PANEL)) ?? '';
      for (const zh of ['同日航班', '收起', '展开', '航班数据', '火车数据', '暂无', '门到门', '价格', '正在查询', '最便宜']) expect(text).not.toContain(zh);
      expect(text).toMatch(/No flights known yet|Flights .* ago|Door to door/);
      await page.close();
    } finally {
      await chooseLanguage(browser, 'zh-CN');
    }
  });

  it('remembers that it was collapsed', async () => {
    const page = await openRailSearch();
    const ours = shadow(page);
    const toggle = '[data-testid="railair-toggle"]';
    await ours.waitFor(toggle);
    if ((await ours.attr(toggle, 'aria-expanded')) === 'false') await ours.click(toggle);
    await ours.click(toggle);
    expect(await ours.attr(toggle, 'aria-expanded')).toBe('false');
    expect(await ours.count('[data-railair-overlay="12306"] >>> .ra-body')).toBe(0);
    await page.reload();
    await trainRows(page).first().waitFor();
    await ours.waitFor(toggle);
    expect(await ours.attr(toggle, 'aria-expanded')).toBe('false');
    await ours.click(toggle);
    expect(await ours.attr(toggle, 'aria-expanded')).toBe('true');
    await page.close();
  });
});
