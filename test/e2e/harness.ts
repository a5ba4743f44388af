/**
 * E2E harness: the built extension in Debian's Chromium, against the local replay of 12306,
 * Fliggy and the Taobao Open Platform gateway (test/replay/).
 *
 * ─── Typical test ───────────────────────────────────────────────────────────────────────────────
 *   import { railSearchUrl, chinaTomorrow, type Replay, type LaunchedBrowser } from './harness';
 *   import { useBrowser } from './suite';
 *   let replay: Replay; let browser: LaunchedBrowser;
 *   useBrowser({ lang: 'zh-CN' }, (s) => void ({ replay, browser } = s));   // ./suite.ts: before/after all
 *   it('…', async () => {
 *     const page = await browser.page();
 *     await page.goto(railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date: chinaTomorrow() }));
 *     await page.locator('#queryLeftTable tr[id^="ticket_"]').first().waitFor();
 *     expect(replay.railQueries()).toHaveLength(1);
 *   });
 *
 * ─── Replay server (test/replay/server.ts, re-exported here) ───────────────────────────────────
 *   startReplay({ scenario?, port?, verbose? }): Promise<Replay>
 *     One server on 127.0.0.1 (HTTPS with a self-signed certificate made with openssl at start, and plain
 *     HTTP on the same port) answering by Host header for kyfw.12306.cn, www.12306.cn,
 *     sjipiao.fliggy.com and the TOP gateway (gw.api.taobao.com, eco.taobao.com: /router/rest).
 *   Replay:
 *     port                                  the loopback port (Chromium reaches it via --host-resolver-rules)
 *     url(host, path)                       'https://kyfw.12306.cn/otn/…' — the URL the browser uses (no port)
 *     directUrl(path)                       'https://127.0.0.1:PORT/…' for Node-side fetches (send a Host header)
 *     scenario / setScenario(patch) / resetScenario()   change answers at any time (test/replay/scenario.ts):
 *       rail:   endpoint ('leftTicket/queryZ', announced by the init page), accepted (names answered with
 *               data; others get {"status":false,"c_url":accepted[0],"c_name":"CLeftTicketUrl"} or, with
 *               moved:'redirect', a 302 to the relative new name), failure ('error-302' | 'html' |
 *               'forbidden' | 'maintenance' | 'empty' | null), failureCount (fail n queries then recover),
 *               delayMs, initPage ('own' | 'saved': the real 2019 page from ../shared/fixtures when present),
 *               rows(route) (raw rows override), seats ({ G101: { ze: '5' } } — per train code and class),
 *               strict (default true: 2026's header checks — a query without the init page's cookies or a
 *               search-page Referer gets a 302 to error.html), pageOnly (only a Referer that is a search page
 *               the replay served passes: the worker is refused, an open tab is not — the tab relay's tests)
 *       fliggy: failure ('html' | 'empty' | 'challenge' (302 to the _____tmd_____ punish page) |
 *               'challenge-200' (that page in place of the JSONP) | null), requireReferer (default true: the
 *               JSONP answers only a Referer from sjipiao.fliggy.com, else the punish page), delayMs,
 *               body(search) (raw JSONP override)
 *       top:    appKey / appSecret (TEST_TOP_APP_KEY / TEST_TOP_APP_SECRET), delayMs, error (forced error_response)
 *     setSeats('G101', { ze: '5' })        shorthand for the watch test's "无 → 5 at run time"
 *     requests: {host, scheme, method, path, query, at, status, headers}[]  every request, in order
 *     railQueries()                         the left-ticket queries only (/otn/leftTicket/query*)
 *     clearRequests(), waitForRequest(pred, timeoutMs)
 *     close()
 *   Trains per (date, from, to) come from test/support/rail-rows.ts' generateTrains, per city pair like
 *   12306 (BJP→SHH lists 北京南→上海虹桥 high-speed trains and 北京→上海 classic ones), deterministic for
 *   a route and date: trainsFor({date, from, to}) gives the RailRowSpec[] a query answers (before
 *   scenario overrides). 北京→上海 always holds G101 (train_no 240000G1010N) with 二等座 and 一等座 无.
 *   Flights come from test/support/air-bodies.ts' generateFlights: flightsFor({date, depCity, arrCity}).
 *   topSign(params, secret, 'md5' | 'hmac' | 'hmac-sha256') signs a TOP call the way the gateway checks.
 *   Stations served in station_name.js: test/replay/stations.ts (real telecodes, 11-field format).
 *
 * ─── Browser ────────────────────────────────────────────────────────────────────────────────────
 *   launchBrowser(replay, { headless?, extensionPath?, args?, extension?, lang? }): Promise<LaunchedBrowser>
 *     Chromium (CHROME_PATH or /usr/bin/chromium) with a fresh temp profile, the built extension
 *     (.output/chrome-mv3, built by the e2e globalSetup when missing), every replayed host mapped to the
 *     replay's port, certificate errors ignored, zh-CN locale (lang: 'en-US' for another browser
 *     language: --lang and the pages' locale), Asia/Shanghai time zone for pages.
 *     extension:false gives the same browser without the extension (extensionId '' and worker absent).
 *   LaunchedBrowser:
 *     context        Playwright BrowserContext (persistent)
 *     extensionId    from the service worker's URL
 *     worker         the extension's service worker: worker.evaluate(() => chrome.notifications.getAll())
 *     currentWorker()  the live worker (MV3 workers can be restarted; this waits for the new one)
 *     page()         a new tab
 *     extensionUrl(path)  chrome-extension://ID/path;  openPopup() opens popup.html in a tab
 *     close()        closes Chromium and removes the profile
 *
 * ─── URLs ───────────────────────────────────────────────────────────────────────────────────────
 *   railSearchUrl({ from: ['北京','BJP'], to: ['上海','SHH'], date })   12306's init page for a search
 *   fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date })           Fliggy's search result page
 *   chinaToday(), chinaTomorrow()                                       China dates (lib/time)
 *   replayFetch(replay, host, path, init?)   a Node-side request to the replay as `host` ({status, headers, body})
 *   pageTableSnapshot(page)                  12306's results table as text, our overlay hosts removed
 *
 * Convention for overlays: every element RailAir inserts into a site's page (shadow-root hosts)
 * carries the attribute data-railair-overlay, so tests can find them and prove the page is otherwise
 * unchanged (pageTableSnapshot removes them before comparing).
 *
 * ─── Inside our closed shadow roots (./shadow.ts) ───────────────────────────────────────────────
 *   Every root RailAir attaches is closed: the page (and Playwright's locators) see host.shadowRoot
 *   === null. shadow(page) reads and clicks inside through the DevTools protocol (DOM.getDocument
 *   with pierce lists closed roots; Runtime.callFunctionOn runs over them); clicks are page.mouse
 *   at the element's centre, so the extension gets a trusted event as from the user.
 *   Selectors: CSS segments joined by ' >>> ', each looked for deep (light DOM and every shadow root,
 *   nested ones too) under the previous one's matches, the first under the document:
 *     const ours = shadow(page);
 *     const panel = '[data-railair-overlay="12306"] >>> [data-testid="railair-panel"]';
 *     await ours.waitFor(`${panel}[data-state="ok"]`, { timeout: 15_000 });   // or { state: 'detached' }
 *     await ours.text(`${panel} >>> [data-testid="railair-verdict"]`)           // first match's textContent | null
 *     await ours.text(sel, { inner: true })                                      // its innerText
 *     await ours.attr(sel, 'aria-pressed'); await ours.attrs(`${panel} >>> tbody tr[data-code]`, 'data-code');
 *     await ours.count(sel);  await ours.click('td[id^="ZE_240000G1010N"] >>> [data-testid="railair-bell"]');
 *     await ours.evalAll(sel, (els, arg, roots) => …, arg)   // any read (roots: every shadow root, closed
 *                                                           // ones too); the function is serialized into the page
 *
 * Selectors of the replayed pages (as on the real sites, see ../shared/SITES.md):
 *   12306: #queryLeftTable tr[id^="ticket_"] (train rows), a.number (train code, click toggles #train_stop),
 *          td[id^="ZE_"] (二等座 cell…), #query_ticket (查询), #sear-result p (count line).
 *   Fliggy: #J_FlightListBox .J_FlightItem (one per flight; click toggles .flight-detail), #J_SearchBtn.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { hostResolverRules, type Replay } from '../replay/server';
import { chinaDateOf, DAY_MS } from '../../lib/time';
import type { ChinaDate } from '../../lib/model';

export { startReplay, hostResolverRules, isRailQuery, REPLAY_HOSTS } from '../replay/server';
export type { Replay, ReplayRequest, ReplayHost, StartReplayOptions, Scenario, ScenarioPatch } from '../replay/server';
export { TEST_TOP_APP_KEY, TEST_TOP_APP_SECRET } from '../replay/scenario';
export { trainsFor, MAINTENANCE_NOTICE } from '../replay/rail-data';
export { flightsFor } from '../replay/air-data';
export { topSign, TOP_SEARCH_METHOD } from '../replay/top';
export { SAVED_INIT_PAGE, ERROR_PAGE_URL } from '../replay/rail';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const EXTENSION_DIR = join(REPO_ROOT, '.output', 'chrome-mv3');

/** The Chromium binary: $CHROME_PATH, else Debian's. */
export function chromePath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export interface LaunchOptions {
  /** Default true. */
  headless?: boolean;
  /** Default .output/chrome-mv3. */
  extensionPath?: string;
  /** false: the same browser without the extension. */
  extension?: boolean;
  /** Extra Chromium switches. */
  args?: string[];
  /** Default 1280×900. */
  viewport?: { width: number; height: number };
  /** The browser's UI language and the pages' locale. Default zh-CN. */
  lang?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** '' when launched with extension:false. */
  extensionId: string;
  /** The extension's service worker (undefined only with extension:false). */
  worker: Worker;
  currentWorker(): Promise<Worker>;
  page(): Promise<Page>;
  extensionUrl(path: string): string;
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(replay: Replay, opts: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const withExtension = opts.extension !== false;
  const extensionPath = opts.extensionPath ?? EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'railair-chromium-'));
  const args = [
    `--host-resolver-rules=${hostResolverRules(replay.port)}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--lang=${opts.lang ?? 'zh-CN'}`,
    ...(withExtension ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : []),
    ...(opts.args ?? []),
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromePath(),
      headless: opts.headless ?? true,
      args,
      locale: opts.lang ?? 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: opts.viewport ?? { width: 1280, height: 900 },
      ignoreHTTPSErrors: true,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`could not start Chromium at ${chromePath()} (set CHROME_PATH): ${String(e)}`);
  }

  const findWorker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (live) return live;
    return context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: 15_000,
    });
  };

  let worker: Worker | undefined;
  let extensionId = '';
  if (withExtension) {
    try {
      worker = await findWorker();
    } catch (e) {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      throw new Error(`the extension's service worker did not start (is ${extensionPath} built?): ${String(e)}`);
    }
    extensionId = new URL(worker.url()).host;
  }

  const extensionUrl = (path: string) => {
    if (!extensionId) throw new Error('launched without the extension');
    return `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  };

  return {
    context,
    extensionId,
    worker: worker as Worker,
    currentWorker: findWorker,
    page: () => context.newPage(),
    extensionUrl,
    async openPopup() {
      const page = await context.newPage();
      await page.goto(extensionUrl('popup.html'));
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      // Chromium may still be flushing the profile for a moment after close.
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

export function chinaToday(now = Date.now()): ChinaDate {
  return chinaDateOf(now);
}

export function chinaTomorrow(now = Date.now()): ChinaDate {
  return chinaDateOf(now + DAY_MS);
}

/** 12306's search page for a route and date, the URL its own links use. */
export function railSearchUrl(q: { from: [name: string, telecode: string]; to: [name: string, telecode: string]; date: string }): string {
  // As 12306's own links write it: the name percent-encoded, the comma and telecode literal.
  const fs = `${encodeURIComponent(q.from[0])},${q.from[1]}`;
  const ts = `${encodeURIComponent(q.to[0])},${q.to[1]}`;
  return `https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=${fs}&ts=${ts}&date=${q.date}&flag=N,N,Y`;
}

/** Fliggy's one-way search result page (city codes: BJS, SHA, …). */
export function fliggySearchUrl(q: { depCity: string; arrCity: string; date: string }): string {
  return `https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=${q.depCity}&arrCity=${q.arrCity}&depDate=${q.date}`;
}

/** A Node-side request to the replay as if to `host` (for checks without a browser). */
export function replayFetch(
  replay: Replay,
  host: string,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: replay.port,
        path,
        method: init.method ?? 'GET',
        servername: host,
        rejectUnauthorized: false,
        headers: { host, ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

/**
 * 12306's results as the page rendered them — each train row's id and cell texts, and the count
 * line — with RailAir's own inserted elements ([data-railair-overlay]) left out, to compare a page
 * with and without the extension.
 */
export function pageTableSnapshot(page: Page): Promise<{ rows: string[]; count: string }> {
  return page.evaluate(() => {
    const tbody = document.getElementById('queryLeftTable');
    const rows: string[] = [];
    if (tbody) {
      const copy = tbody.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-railair-overlay]').forEach((el) => el.remove());
      copy.querySelectorAll('tr').forEach((tr) => {
        const cells = Array.from(tr.children).map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim());
        rows.push(`${tr.id}|${tr.getAttribute('style') ?? ''}|${cells.join('|')}`);
      });
    }
    const count = (document.querySelector('#sear-result p')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { rows, count };
  });
}
