// The watch flow in Firefox ESR: on the replayed 12306 page the overlay's bell on G101's sold-out
// 二等座 sets a watch; the background script polls; the replay turns that class from 无 to 5; the
// extension notifies, counts it on the badge, and records it in the watch's state.
//
// Runs the test build (WXT_RAILAIR_TEST=1 wxt build -b firefox --mv3 --mode e2e →
// .output/firefox-mv3-e2e) in which storage `watchTest` = { intervalSec: 2 } lowers the 30 s poll
// floor. The 12306 client caches an answer for 60 s in the background's memory, so after 无 → 5
// the test reloads the add-on (Chromium's suite stops the worker instead): the new background
// must restore the watch from storage, set its alarm again, poll and notify.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaTomorrow, launchFirefox, railSearchUrl, REPO_ROOT, startReplay, type LaunchedFirefox, type Replay } from './harness';
import { storedWatches } from '../e2e/watch-storage';
import { shadow } from './shadow';

const E2E_BUILD = join(REPO_ROOT, '.output', 'firefox-mv3-e2e');
const date = chinaTomorrow();
let replay: Replay;
let ff: LaunchedFirefox;

type Watches = { watches: any[]; lastCycleAt?: number } | undefined;
const stored = (): Promise<Watches> => ff.extensionEval(storedWatches);

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

beforeAll(async () => {
  // Always rebuilt: a stale test build would test yesterday's code. Spawned, not execSync: a
  // blocked event loop would starve vitest's own worker messages.
  await new Promise<void>((resolve, reject) => {
    const p = spawn('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'e2e'], {
      cwd: REPO_ROOT,
      env: { ...process.env, WXT_RAILAIR_TEST: '1' },
      stdio: 'inherit',
    });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wxt build -b firefox --mode e2e exited with ${code}`))));
  });
  replay = await startReplay();
  ff = await launchFirefox(replay, { extensionPath: E2E_BUILD });
  // No quiet hours (the run may be at night in China) and a 2 s poll for this test build.
  await ff.extensionEval(() =>
    (globalThis as any).browser.storage.local.set({
      // Chinese, as these checks read it (language.ts: this Firefox itself speaks only English).
      settings: { language: 'zh-CN', watch: { intervalSec: 60, quietStart: '00:00', quietEnd: '00:00', notify: true } },
      watchTest: { intervalSec: 2 },
    }),
  );
}, 300_000);

afterAll(async () => {
  await ff?.close();
  await replay?.close();
});

describe('watch in Firefox', () => {
  it('bell on a sold-out class → 无 turns to 5 → one notification and the badge', async () => {
    const page = await ff.page();
    await page.goto(railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date }));
    const cell = '#queryLeftTable td[id^="ZE_240000G1010N"]';
    await page.waitForSelector(cell);
    expect(await page.$eval(cell, (td) => td.textContent)).toContain('无');
    // The bell, in its closed shadow root (shadow.ts): the page finds the host but cannot open it.
    const ours = shadow(page);
    await ours.waitFor(`${cell} >>> [data-testid="railair-bell"]`, { timeout: 20_000 });
    expect(await page.evaluate((c: string) => document.querySelector(`${c} [data-railair-overlay]`)?.shadowRoot, cell)).toBeNull();
    await ours.click(`${cell} >>> [data-testid="railair-bell"]`);
    await ours.waitFor(`${cell} >>> [data-testid="railair-bell-msg"]`, { timeout: 10_000 });
    expect(await ours.text(`${cell} >>> [data-testid="railair-bell-msg"]`)).toContain('已设提醒');

    // The watch's first check: still 无, nothing shown.
    const first = await until('the first check', stored, (d) => d?.watches[0]?.lastCheckedAt !== undefined, 30_000);
    expect(first!.watches).toHaveLength(1);
    expect(first!.watches[0]).toMatchObject({ kind: 'rail', date, trains: ['G101'], classes: ['ze'], origin: 'overlay', available: [] });
    expect(await ff.extensionEval(async () => Object.keys(await (globalThis as any).browser.notifications.getAll()).length)).toBe(0);
    await page.close();

    replay.setSeats('G101', { ze: '5' });
    const before = replay.railQueries().length;
    await ff.reloadExtension();
    const after = await until('seats in the watch', stored, (d) => (d?.watches[0]?.available ?? []).length > 0, 60_000);
    expect(replay.railQueries().length).toBeGreaterThan(before);
    expect(after!.watches[0].available).toEqual([expect.objectContaining({ code: 'G101', cls: 'ze', n: 5 })]);
    expect(after!.watches[0].notifiedAt).toBeGreaterThan(0);
    // Firefox keeps the shown notification in getAll (with its content, unlike Chromium).
    const notifications = await ff.extensionEval(() => (globalThis as any).browser.notifications.getAll() as Promise<Record<string, { title: string }>>);
    expect(Object.keys(notifications)).toHaveLength(1);
    expect(Object.keys(notifications)[0]).toMatch(/^railair-watch:/);
    expect(Object.values(notifications)[0]!.title).toContain('G101');
    expect(await ff.extensionEval(() => (globalThis as any).browser.action.getBadgeText({}))).toBe('1');
    const alarms = await ff.extensionEval(() => (globalThis as any).browser.alarms.getAll() as Promise<{ name: string }[]>);
    expect(alarms.map((a) => a.name)).toEqual(['railair-watch']);

    // The next cycles see the same seats: no second notification.
    const notifiedAt = after!.watches[0].notifiedAt as number;
    const cycled = after!.lastCycleAt ?? 0;
    await until('more cycles', stored, (d) => (d?.lastCycleAt ?? 0) >= cycled + 4000, 30_000);
    expect((await stored())!.watches[0].notifiedAt).toBe(notifiedAt);
    expect(Object.keys(await ff.extensionEval(() => (globalThis as any).browser.notifications.getAll()))).toHaveLength(1);
  }, 180_000);
});
