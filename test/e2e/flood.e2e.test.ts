// A flood of large bodies leaves the user's watches working and storage under budget. A page
// script sends 24 forged captures of 1.9 MB every way the first version accepted (they must be
// ignored), then queries 12306 itself 30 times (real answers, which the tap copies and the worker
// files); storage is measured from the worker (getBytesInUse), and a watch set with the bell
// before the flood still sees 无 turn to 5 and notifies.
//
// Runs the test build (2 s polls; test/e2e/test-build.ts), as watch.e2e.test.ts does.
import { describe, expect, it } from 'vitest';
import { chinaTomorrow, railSearchUrl, type LaunchedBrowser, type Replay } from './harness';
import { useBrowser } from './suite';
import { inWorker as workerEval } from './test-build';
import { storedWatches } from './watch-storage';
import { queryAsThePage, until } from './page-script';
import { LIMITS } from '../../lib/background/captures';
import { addDays } from '../../lib/time';
import { shadow } from './shadow';

const date = chinaTomorrow();
let replay: Replay;
let browser: LaunchedBrowser;
const inWorker = <T>(fn: (arg: any) => Promise<T>, arg?: unknown) => workerEval(browser, fn, arg);

useBrowser({ testBuild: true }, (s) => void ({ replay, browser } = s));

describe('a flood of large bodies', () => {
  it('stores nothing forged, keeps captures within their budget and storage far from its quota, and the watch still notifies', async () => {
    const page = await browser.page();
    await page.goto(railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date }));
    const cell = page.locator('#queryLeftTable td[id^="ZE_240000G1010N"]');
    await cell.waitFor();
    await shadow(page).click('#queryLeftTable td[id^="ZE_240000G1010N"] >>> [data-testid="railair-bell"]', { timeout: 20_000 });
    await until('the first check', () => inWorker(storedWatches), (d) => d?.watches[0]?.lastCheckedAt !== undefined, 30_000);

    // Forged: 24 bodies of 1.9 MB, by DOM event and postMessage (the old channel's ways in).
    await page.evaluate(
      ({ date }) => {
        const big = 'x'.repeat(1_900_000);
        for (let i = 0; i < 24; i++) {
          const url = `https://kyfw.12306.cn/otn/leftTicket/queryZ?leftTicketDTO.train_date=${date}&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT&n=${i}`;
          const detail = `${JSON.stringify({ v: 1, kind: 'left-ticket', url, status: 200, at: Date.now() })}\n${big}`;
          document.dispatchEvent(new CustomEvent('railair:capture:v1', { detail }));
          window.postMessage(detail, '*');
        }
      },
      { date },
    );
    // Real-sized: the page's own queries of 30 routes and dates (each answer a real capture).
    const codes = ['XAY', 'GZQ', 'SZQ', 'CDW', 'CUW', 'HZH', 'NJH', 'WHN', 'CSQ', 'ZZF'];
    const routes = [0, 1, 2].flatMap((d) => codes.map((to) => ({ date: addDays(date, d), to })));
    const answered = await queryAsThePage(page, routes);
    expect(answered).toBe(30);
    await page.waitForTimeout(3000);

    const use = await inWorker(async () => {
      const local = (globalThis as any).chrome.storage.local;
      const all = await local.get(null);
      return {
        total: (await local.getBytesInUse(null)) as number,
        captures: (await local.getBytesInUse(['captureResults'])) as number,
        keys: (all.captureResults ?? []).map((r: { key: string }) => r.key) as string[],
        quota: local.QUOTA_BYTES as number,
      };
    });
    console.log(`[flood e2e] storage.local ${use.total} B in use (captures ${use.captures} B, ${use.keys.length} results) of ${use.quota} B`);
    expect(use.keys.length).toBeGreaterThan(1);
    expect(use.keys.every((k) => !k.includes('&n='))).toBe(true);
    expect(use.captures).toBeLessThanOrEqual(LIMITS.resultBytes + 100_000);
    expect(use.total).toBeLessThan(use.quota / 2);

    // The watch set before the flood still works: 无 → 5 notifies (a stopped worker drops the
    // 12306 client's 60 s cache, as in watch.e2e.test.ts).
    replay.setSeats('G101', { ze: '5' });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await until(
      'the notification',
      () => inWorker(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll())),
      (ids) => ids.length > 0,
      90_000,
    );
    const after = await inWorker(storedWatches);
    expect(after!.watches).toHaveLength(1);
    expect(after!.watches[0].available).toEqual([expect.objectContaining({ code: 'G101', cls: 'ze', n: 5 })]);
    await page.close();
  }, 180_000);
});
