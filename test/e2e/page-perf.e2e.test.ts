// The page must not feel us: the replayed 12306 search page is loaded N times, interleaved, in a
// warm browser with RailAir and in one without; we compare when the page's own result rows
// appear, the main thread's long tasks, and when our panel follows the rows. Medians over the
// runs, not single runs: a 2-core machine shared with other work is noisy, a median difference
// is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chinaTomorrow, launchBrowser, railSearchUrl, startReplay, type LaunchedBrowser, type Replay } from './harness';
import { extensionScriptTime } from './trace';

const RUNS = Number(process.env.PERF_RUNS ?? 9);
const route = { from: ['北京', 'BJP'] as [string, string], to: ['上海', 'SHH'] as [string, string], date: chinaTomorrow() };

/**
 * Runs in the page's main world before any of its scripts: records (performance.now()) when the
 * first train row is in #queryLeftTable, and every long task.
 */
const PROBE = `(() => {
  const t = { rows: -1, long: [] };
  Object.defineProperty(window, '__perfProbe', { value: t });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) t.long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    if (t.rows < 0 && document.querySelector('#queryLeftTable tr[id^="ticket_"]')) t.rows = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

/**
 * When our panel host shows its panel, on the same clock. Our shadow roots are closed, so the page's
 * world cannot see inside; this runs in the extension's own content-script world, where
 * chrome.dom.openOrClosedShadowRoot opens them (the panel's host is mounted inside the slot
 * reserved for it: components/overlay/slot.ts).
 */
const PANEL_PROBE = `(() => {
  if (globalThis.__panelProbe) return;
  const t = (globalThis.__panelProbe = { panel: -1 });
  const rootOf = (el) => el && chrome.dom.openOrClosedShadowRoot(el);
  const watched = new WeakSet();
  const watch = (root) => {
    if (watched.has(root)) return;
    watched.add(root);
    new MutationObserver(check).observe(root, { childList: true, subtree: true });
  };
  function check() {
    if (t.panel >= 0) return;
    const slotRoot = rootOf(document.querySelector('[data-railair-overlay="slot"]'));
    if (!slotRoot) return;
    watch(slotRoot);
    const root = rootOf(slotRoot.querySelector('[data-railair-overlay="12306"]'));
    if (root && root.querySelector('[data-testid="railair-panel"]')) t.panel = performance.now();
    else if (root) watch(root);
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  check();
})();`;

/** Installs PANEL_PROBE in the extension's world of `page` as soon as that world exists; `panel()` reads it (-1 before). */
async function panelProbe(page: Page): Promise<{ panel(): Promise<number> }> {
  const cdp = await page.context().newCDPSession(page);
  let world: number | undefined;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.['type'] !== 'isolated' || !context.origin.startsWith('chrome-extension://')) return;
    world = context.id;
    void cdp.send('Runtime.evaluate', { contextId: context.id, expression: PANEL_PROBE }).catch(() => undefined);
  });
  await cdp.send('Runtime.enable');
  return {
    async panel() {
      if (world === undefined) return -1;
      const r = await cdp.send('Runtime.evaluate', { contextId: world, expression: 'globalThis.__panelProbe ? globalThis.__panelProbe.panel : -1', returnByValue: true });
      return r.result.value as number;
    },
  };
}

/** Waits until the probe saw the panel; its time. */
async function panelShown(probe: { panel(): Promise<number> }): Promise<number> {
  const end = Date.now() + 30_000;
  for (let t = await probe.panel(); ; t = await probe.panel()) {
    if (t >= 0) return t;
    if (Date.now() > end) throw new Error('the panel did not show within 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Run {
  rows: number;
  panel: number;
  longTotal: number;
  longMax: number;
}

async function load(b: LaunchedBrowser, extension: boolean): Promise<Run> {
  const page: Page = await b.page();
  const probe = extension ? await panelProbe(page) : undefined;
  await page.goto(railSearchUrl(route));
  await page.waitForFunction(() => (window as unknown as { __perfProbe: { rows: number } }).__perfProbe.rows >= 0);
  const panel = probe ? await panelShown(probe) : -1;
  // Long tasks are delivered asynchronously: give the observer a moment after the last one.
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => (window as unknown as { __perfProbe: { rows: number; long: Array<{ duration: number }> } }).__perfProbe);
  await page.close();
  const durations = seen.long.map((l) => l.duration);
  return {
    rows: seen.rows,
    panel,
    longTotal: durations.reduce((a, b) => a + b, 0),
    longMax: durations.length ? Math.max(...durations) : 0,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

let replay: Replay;
let withExt: LaunchedBrowser;
let plain: LaunchedBrowser;

beforeAll(async () => {
  replay = await startReplay();
  // PERF_RAIL_DELAY_MS: 12306 as it answers over a network (e.g. 80), not from loopback; the page
  // waits for its query then, and idle-time work of ours can fall into that wait.
  const delayMs = Number(process.env.PERF_RAIL_DELAY_MS ?? 0);
  if (delayMs > 0) replay.setScenario({ rail: { delayMs } });
  // PERF_EXTENSION: time another build (e.g. an older one) against the same page.
  withExt = await launchBrowser(replay, process.env.PERF_EXTENSION ? { extensionPath: process.env.PERF_EXTENSION } : {});
  plain = await launchBrowser(replay, { extension: false });
  await withExt.context.addInitScript(PROBE);
  await plain.context.addInitScript(PROBE);
});
afterAll(async () => {
  await withExt?.close();
  await plain?.close();
  await replay?.close();
});

describe('the 12306 page with and without RailAir, timed', () => {
  it('shows its own rows as fast, with no long task of ours, and our panel soon after', async () => {
    // Warm both profiles (HTTP cache, compiled scripts, a station list in the extension's store).
    for (let i = 0; i < 2; i++) {
      await load(plain, false);
      await load(withExt, true);
    }
    const runs: { with: Run[]; without: Run[] } = { with: [], without: [] };
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first so a drift of the machine's load hits both alike.
      if (i % 2) {
        runs.with.push(await load(withExt, true));
        runs.without.push(await load(plain, false));
      } else {
        runs.without.push(await load(plain, false));
        runs.with.push(await load(withExt, true));
      }
    }
    const rowsWith = median(runs.with.map((r) => r.rows));
    const rowsWithout = median(runs.without.map((r) => r.rows));
    const panelAfterRows = median(runs.with.map((r) => r.panel - r.rows));
    const longWith = median(runs.with.map((r) => r.longTotal));
    const longWithout = median(runs.without.map((r) => r.longTotal));
    const longMaxWith = median(runs.with.map((r) => r.longMax));
    const longMaxWithout = median(runs.without.map((r) => r.longMax));
    console.log(
      `[perf] 12306 rows appear, median of ${RUNS} interleaved warm loads: with RailAir ${round(rowsWith)} ms, ` +
        `without ${round(rowsWithout)} ms (difference ${round(rowsWith - rowsWithout)} ms); ` +
        `panel ${round(panelAfterRows)} ms after the rows; long tasks (>50 ms) total with ${round(longWith)} ms, ` +
        `without ${round(longWithout)} ms, longest with ${round(longMaxWith)} ms, without ${round(longMaxWithout)} ms`,
    );
    console.log(`[perf] rows with:    ${runs.with.map((r) => round(r.rows)).join(' ')}`);
    console.log(`[perf] rows without: ${runs.without.map((r) => round(r.rows)).join(' ')}`);
    console.log(`[perf] panel - rows: ${runs.with.map((r) => round(r.panel - r.rows)).join(' ')}`);
    // The goals are rows within 10 ms, the panel within 50 ms of the rows and no slice of ours
    // over 16 ms, on a quiet machine. They are not met yet (this build: rows +55 ms, panel 185 ms
    // after them, longest slice 24 ms, at a 2.6× slowness), so these bounds sit at about twice what
    // this build measures and fail a regression of that size. They are scaled by how slow the
    // machine is right now: the page's own time without RailAir (about 90 ms quiet) is the yardstick.
    const scale = Math.max(1, rowsWithout / 90);
    console.log(`[perf] machine slowness factor ${round(scale)} (page alone ${round(rowsWithout)} ms vs 90 ms quiet)`);
    expect(rowsWith - rowsWithout).toBeLessThan(40 * scale);
    expect(panelAfterRows).toBeLessThan(150 * scale);
    // The API reports only tasks over 50 ms: none may be added by us beyond the noise.
    expect(longWith - longWithout).toBeLessThan(60 * scale);

    // Every slice of our own script work on the page's thread, from Chrome's trace of five more
    // loads (the median load's longest slice: one descheduled slice on a busy machine is noise;
    // five loads, since one slow load in three was seen to decide the median on a loaded CI).
    const traced = [];
    for (let i = 0; i < 5; i++) {
      const page = await withExt.page();
      const probe = await panelProbe(page);
      traced.push(
        await extensionScriptTime(page, async () => {
          await page.goto(railSearchUrl(route));
          await panelShown(probe);
          await page.waitForTimeout(300);
        }),
      );
      await page.close();
    }
    traced.sort((a, b) => a.maxMs - b.maxMs);
    const ours = traced[2]!;
    console.log(
      `[perf] our script work on the page's thread (median of 5 traced loads): ${ours.slices} slices, longest ${round(ours.maxMs)} ms, ` +
        `total ${round(ours.totalMs)} ms (goal: no slice over 16 ms on a quiet machine); longest: ${ours.top.join('; ')}`,
    );
    expect(ours.slices).toBeGreaterThan(0); // the trace did see our scripts run
    expect(ours.maxMs).toBeLessThan(16 * scale);
  }, 240_000);
});
