// With the extension loaded, the sites' pages behave exactly as without it: the same rows, the
// same texts, the same clicks, the same requests, no page errors, and our panel covers none of
// the site's controls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shadow } from './shadow';
import {
  chinaTomorrow,
  fliggySearchUrl,
  launchBrowser,
  pageTableSnapshot,
  railSearchUrl,
  startReplay,
  type LaunchedBrowser,
  type Replay,
} from './harness';

const date = chinaTomorrow();
const route = { from: ['北京', 'BJP'] as [string, string], to: ['上海', 'SHH'] as [string, string], date };
// Our panels, inside closed shadow roots (read through shadow.ts).
const RAIL_PANEL = '[data-railair-overlay="12306"] >>> [data-testid="railair-panel"]';
const FLIGGY_PANEL = '[data-railair-overlay="fliggy"] >>> [data-testid="railair-panel"]';

let replay: Replay;
let withExt: LaunchedBrowser;
let plain: LaunchedBrowser;

beforeAll(async () => {
  replay = await startReplay();
  withExt = await launchBrowser(replay);
  plain = await launchBrowser(replay, { extension: false });
});
afterAll(async () => {
  await withExt?.close();
  await plain?.close();
  await replay?.close();
});

interface RailRun {
  snapshot: Awaited<ReturnType<typeof pageTableSnapshot>>;
  stop: { display: string; text: string };
  loginTip: string;
  requery: { snapshot: Awaited<ReturnType<typeof pageTableSnapshot>>; queries: string[] };
  requests: string[];
  errors: string[];
}

/** What a user of the 12306 page sees and does, recorded the same way in either browser. */
async function railRun(b: LaunchedBrowser, extension: boolean): Promise<RailRun> {
  replay.resetScenario();
  replay.clearRequests();
  const page = await b.page();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(railSearchUrl(route));
  await page.locator('#queryLeftTable tr[id^="ticket_"]').first().waitFor();
  if (extension) {
    // Let the overlay finish: panel rendered, rows annotated.
    await shadow(page).waitFor(RAIL_PANEL);
    await page.locator('[data-railair-overlay="12306-bell"]').first().waitFor();
    await expectNothingCovered(page, ['#query_ticket', '#fromStationText', '#train_date', '#avail_ticket', '#queryLeftTable a.number', '#queryLeftTable a.btn72']);
  }
  const snapshot = await pageTableSnapshot(page);
  const requests = replay.requests.filter((r) => r.host === 'kyfw.12306.cn').map((r) => `${r.method} ${r.path}`);

  await page.locator('#queryLeftTable a.number').first().click();
  const stop = await page.evaluate(() => {
    const el = document.getElementById('train_stop')!;
    return { display: el.style.display, text: el.textContent ?? '' };
  });
  await page.locator('#queryLeftTable a.btn72').first().click();
  const loginTip = await page.evaluate(() => document.getElementById('login_tip')!.style.display);

  replay.clearRequests();
  await page.evaluate(() => ((document.getElementById('queryLeftTable') as HTMLElement & { __old?: boolean }).__old = true));
  await page.click('#query_ticket');
  await page.waitForFunction(() => {
    const t = document.getElementById('queryLeftTable') as (HTMLElement & { __old?: boolean }) | null;
    return t !== null && !t.__old && t.querySelector('tr[id^="ticket_"]') !== null;
  });
  if (extension) await page.locator('[data-railair-overlay="12306-bell"]').first().waitFor();
  const requery = { snapshot: await pageTableSnapshot(page), queries: replay.railQueries().map((q) => q.path) };
  await page.close();
  return { snapshot, stop, loginTip, requery, requests, errors };
}

/** In the page, before each frame is painted: where `selector`'s elements are in the first frame that has them. */
async function recordFirstPaint(page: Page, selector: string): Promise<void> {
  await page.addInitScript((sel) => {
    const tops = () => Array.from(document.querySelectorAll(sel), (r) => r.getBoundingClientRect().top + scrollY);
    const tick = () => {
      const first = tops();
      if (first.length) (window as unknown as { __firstTops: number[] }).__firstTops = first;
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, selector);
}

/** The positions recorded at first paint, and where the same elements are now. */
async function firstAndNow(page: Page, selector: string): Promise<{ first: number[]; now: number[] }> {
  return page.evaluate((sel) => ({
    first: (window as unknown as { __firstTops: number[] }).__firstTops,
    now: Array.from(document.querySelectorAll(sel), (r) => r.getBoundingClientRect().top + scrollY),
  }), selector);
}

/** Records every message a page script listening on window could receive, from the first script on. */
async function recordWindowMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__messagesSeen', { value: seen });
    addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
  });
}
const windowMessages = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __messagesSeen: string[] }).__messagesSeen);

/** The element at the centre of each control is the control (or inside it), never our overlay. */
async function expectNothingCovered(page: Page, selectors: string[]): Promise<void> {
  for (const sel of selectors) {
    const hit = await page.locator(sel).first().evaluate((el) => {
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return top === el || (top !== null && el.contains(top)) || (top !== null && top.contains(el) && top.tagName === 'LABEL');
    });
    expect(hit, `${sel} is covered`).toBe(true);
  }
}

describe('the 12306 page with and without RailAir', () => {
  it('has the same rows, texts, clicks and requests', async () => {
    const without = await railRun(plain, false);
    const withIt = await railRun(withExt, true);
    expect(withIt.snapshot.rows.length).toBeGreaterThan(10);
    expect(withIt.snapshot).toEqual(without.snapshot);
    expect(withIt.stop).toEqual(without.stop);
    expect(withIt.stop.display).toBe('block');
    expect(withIt.loginTip).toBe(without.loginTip);
    expect(withIt.loginTip).toBe('block');
    expect(withIt.requery).toEqual(without.requery);
    expect(withIt.requery.queries).toEqual(['/otn/leftTicket/queryZ']);
    // No request to the site that the page did not make itself.
    // (Scripts and styles load in parallel, so compare as sets with their counts.)
    expect([...withIt.requests].sort()).toEqual([...without.requests].sort());
    expect(withIt.errors).toEqual([]);
    expect(without.errors).toEqual([]);
  });

  it('never moves a row once painted: panel, row notes and bells arrive around the table, not into its layout', async () => {
    // Flights for the route first, so the panel has a list and the rows get notes.
    const fliggy = await withExt.page();
    await fliggy.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date }));
    await shadow(fliggy).waitFor(FLIGGY_PANEL);
    await fliggy.close();
    const page = await withExt.page();
    await recordFirstPaint(page, '#queryLeftTable tr[id^="ticket_"]');
    await page.goto(railSearchUrl(route));
    await shadow(page).waitFor(`${RAIL_PANEL}[data-state="ok"]`);
    await page.locator('[data-railair-overlay="12306-row"]').first().waitFor();
    await page.locator('[data-railair-overlay="12306-bell"]').first().waitFor();
    const { first, now } = await firstAndNow(page, '#queryLeftTable tr[id^="ticket_"]');
    expect(first.length).toBeGreaterThan(10);
    expect(now).toEqual(first);
    // Collapsing is the user's own act: the table moves up then, and only then.
    await shadow(page).click('[data-testid="railair-toggle"]');
    const collapsed = await page.evaluate(() => document.querySelector('#queryLeftTable tr[id^="ticket_"]')!.getBoundingClientRect().top + scrollY);
    expect(collapsed).toBeLessThan(first[0]!);
    await shadow(page).click('[data-testid="railair-toggle"]');
    await page.close();
  });

  it('leaves nothing of ours outside our shadow roots', async () => {
    const page = await withExt.page();
    await recordWindowMessages(page);
    await page.goto(railSearchUrl(route));
    await page.locator('[data-railair-overlay="12306-bell"]').first().waitFor();
    await shadow(page).waitFor(RAIL_PANEL);
    // As the page sees it: hosts with no children and no root it can open, no global of ours.
    const foreign = await page.evaluate(() => {
      const ours = Array.from(document.querySelectorAll('[data-railair-overlay]'));
      return {
        hosts: ours.length,
        withLightDom: ours.filter((h) => h.childNodes.length > 0).length,
        open: ours.filter((h) => h.shadowRoot !== null).length,
        globals: Object.keys(window).filter((k) => /railair/i.test(k)),
      };
    });
    const messages = await windowMessages(page);
    // Nothing posted to the page's window (WXT's "content script started" message included).
    expect(messages).toEqual([]);
    expect(foreign.hosts).toBeGreaterThan(1);
    expect(foreign.withLightDom).toBe(0);
    expect(foreign.open).toBe(0);
    expect(foreign.globals).toEqual([]);
    // Every host of ours, the panel's inside the slot included, holds all of it in a closed root.
    const hosts = await shadow(page).evalAll('[data-railair-overlay]', (els, _arg, roots) =>
      els.map((h) => `${h.childNodes.length > 0 ? 'light DOM' : ''}${roots.find((r) => r.host === h)?.mode ?? 'no root'}`),
    );
    expect(hosts.length).toBeGreaterThan(foreign.hosts);
    expect(new Set(hosts)).toEqual(new Set(['closed']));
    await page.close();
  });
});

describe('the Fliggy page with and without RailAir', () => {
  async function fliggyRun(b: LaunchedBrowser, extension: boolean) {
    replay.clearRequests();
    const page = await b.page();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await recordWindowMessages(page);
    await page.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date }));
    await page.locator('.J_FlightItem').first().waitFor();
    if (extension) await shadow(page).waitFor(FLIGGY_PANEL);
    const messages = await windowMessages(page);
    const list = await page.locator('#J_FlightListBox').evaluate((box) => {
      const copy = box.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-railair-overlay]').forEach((el) => el.remove());
      return copy.innerHTML;
    });
    const item = page.locator('.J_FlightItem').nth(2);
    await item.locator('tr.flight-item-tr').click();
    const opened = await item.locator('.flight-detail').evaluate((d) => (d as HTMLElement).style.display);
    if (extension) await expectNothingCovered(page, ['#J_SearchBtn', '.J_FlightItem .J_line']);
    const jsonp = replay.requests.filter((r) => r.path === '/searchow/search.htm').length;
    await page.close();
    return { list, opened, jsonp, errors, messages };
  }

  it('never moves a flight once painted: the panel arrives in a place kept for it', async () => {
    const page = await withExt.page();
    await recordFirstPaint(page, '#J_FlightListBox .J_FlightItem');
    await page.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date }));
    await shadow(page).waitFor(FLIGGY_PANEL);
    await page.waitForTimeout(300); // whatever the panel shows next (live trains) comes in its slot
    const { first, now } = await firstAndNow(page, '#J_FlightListBox .J_FlightItem');
    expect(first.length).toBeGreaterThan(5);
    expect(now).toEqual(first);
    await page.close();
  });

  it('has the same list, the same clicks, and loads its JSONP once', async () => {
    const without = await fliggyRun(plain, false);
    const withIt = await fliggyRun(withExt, true);
    expect(withIt.list.length).toBeGreaterThan(1000);
    expect(withIt.list).toEqual(without.list);
    expect(withIt.opened).toBe('block');
    expect(withIt.opened).toBe(without.opened);
    expect(withIt.jsonp).toBe(1);
    expect(without.jsonp).toBe(1);
    expect(withIt.errors).toEqual([]);
    // No message of ours reaches the page's window.
    expect(withIt.messages).toEqual(without.messages);
  });
});
