// The watch flow end to end: on the replayed 12306 page, the overlay's bell on G101's sold-out
// 二等座 sets a watch; the background polls through the shared 12306 client; the replay server
// turns that class from 无 to 5; the worker shows a notification and the badge.
//
// Runs a test build (WXT_RAILAIR_TEST=1, --mode e2e → .output/chrome-mv3-e2e) in which the
// storage item `watchTest` = { intervalSec: 2 } lowers the 30 s poll floor; no sleep of a minute.
// The shared 12306 client caches an answer for 60 s in the worker's memory (lib/rail/client.ts),
// so after 无 → 5 the test stops the service worker, as Chrome does at will: the alarm wakes a new
// worker, which must restore the watch from storage, poll, and notify — also the real-browser
// proof that a worker's death loses nothing. A WeCom group bot added in options (the replay stands
// in for qyapi.weixin.qq.com) hears the same alert, once.
import { describe, expect, it } from 'vitest';
import { chinaTomorrow, railSearchUrl, type LaunchedBrowser, type Replay } from './harness';
import { useBrowser } from './suite';
import { inWorker as workerEval } from './test-build';
import { storedWatches } from './watch-storage';
import { shadow } from './shadow';

const date = chinaTomorrow();

let replay: Replay;
let browser: LaunchedBrowser;

const inWorker = <T>(fn: (arg: any) => Promise<T>, arg?: unknown) => workerEval(browser, fn, arg);

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 500));
    last = await read();
  }
  return last;
}

useBrowser({ testBuild: true, lang: 'zh-CN' }, (s) => void ({ replay, browser } = s));

const WECOM_KEY = 'e2e-wecom-key-0001';

describe('watch e2e', () => {
  it('adds a WeCom group bot in options, shows its key masked, and sends a test to it', async () => {
    const options = await browser.page();
    await options.goto(browser.extensionUrl('options.html'));
    const form = options.locator('[data-testid=push-add]');
    await form.locator('select').selectOption('wecom');
    await form.locator('input[name=key]').fill(WECOM_KEY);
    await form.getByRole('button', { name: '添加' }).click();
    const row = options.locator('[data-testid=push-channel][data-kind=wecom]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toContain('qyapi.weixin.qq.com · ••••••••0001');
    expect(await options.locator('body').innerText()).not.toContain(WECOM_KEY);
    await row.getByRole('button', { name: '发送测试' }).click();
    await options.locator('[data-testid=push-test-result]').waitFor({ timeout: 15_000 });
    expect(await options.locator('[data-testid=push-test-result]').innerText()).toContain('测试推送已发出');
    expect(replay.pushes).toEqual([expect.objectContaining({ host: 'qyapi.weixin.qq.com', to: WECOM_KEY, text: expect.stringContaining('测试推送') })]);
    await options.close();
  });

  it('bell on a sold-out class → 无 turns to 5 → one notification and the badge', async () => {
    const page = await browser.page();
    await page.goto(railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date }));
    const cell = page.locator('#queryLeftTable td[id^="ZE_240000G1010N"]');
    await cell.waitFor();
    expect((await cell.innerText()).trim()).toContain('无');

    // The overlay's bell in that cell, inside our closed shadow root (shadow.ts: a trusted click).
    const bell = '#queryLeftTable td[id^="ZE_240000G1010N"] >>> [data-testid="railair-bell"]';
    await shadow(page).click(bell, { timeout: 20_000 });
    await expect.poll(() => shadow(page).text('#queryLeftTable td[id^="ZE_240000G1010N"] >>> [data-testid="railair-bell-msg"]', { inner: true }), { timeout: 10_000 }).toContain('已设提醒');

    const stored = () => inWorker(storedWatches);
    // The watch's first check through the shared client: still 无.
    const first = await until('the first check', stored, (d) => d?.watches[0]?.lastCheckedAt !== undefined, 30_000);
    expect(first!.watches).toHaveLength(1);
    expect(first!.watches[0]).toMatchObject({ kind: 'rail', date, trains: ['G101'], classes: ['ze'], seats: 1, origin: 'overlay', available: [] });
    expect(await inWorker(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()).length)).toBe(0);

    replay.setSeats('G101', { ze: '5' });
    const t0 = Date.now();
    const before = replay.railQueries().length;
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const notifications = await until(
      'the notification',
      () => inWorker(async () => (globalThis as any).chrome.notifications.getAll() as Promise<Record<string, unknown>>),
      (n) => Object.keys(n).length > 0,
      90_000,
    );
    console.log(`[watch e2e] notification ${Math.round((Date.now() - t0) / 1000)} s after 无 → 5 and a worker stop`);
    expect(replay.railQueries().length).toBeGreaterThan(before);
    // getAll returns ids only in Chromium; the content is read back from the watch's state.
    expect(Object.keys(notifications)).toHaveLength(1);
    expect(Object.keys(notifications)[0]).toMatch(/^railair-watch:/);
    const after = await stored();
    expect(after!.watches[0].available).toEqual([expect.objectContaining({ code: 'G101', cls: 'ze', n: 5, price: 55300 })]);
    expect(await inWorker(async () => (globalThis as any).chrome.action.getBadgeText({}))).toBe('1');
    // The phone heard it too, once, in the notification's words with the 12306 link.
    const alerts = await until('the push', async () => replay.pushes.filter((p) => p.text.includes('G101')), (p) => p.length > 0, 20_000);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ host: 'qyapi.weixin.qq.com', to: WECOM_KEY });
    expect(alerts[0]!.text).toContain('有票了：G101 二等座');
    expect(alerts[0]!.text).toContain('G101');
    expect(alerts[0]!.text).toContain('余5张 ¥553');
    expect(alerts[0]!.text).toContain(`https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=`);
    const alarms = await inWorker(async () => (globalThis as any).chrome.alarms.getAll() as Promise<{ name: string }[]>);
    expect(alarms.map((a) => a.name)).toEqual(['railair-watch']);

    // Same state on the next cycles: no second notification. (Chromium closes a shown
    // notification after a while, so this reads the watch's own record of when it notified.)
    const notifiedAt = after!.watches[0].notifiedAt as number;
    expect(notifiedAt).toBeGreaterThan(0);
    const cycled = (await stored()) as { lastCycleAt?: number } | undefined;
    await until('three more cycles', stored, (d: any) => (d?.lastCycleAt ?? 0) >= (cycled?.lastCycleAt ?? 0) + 5000, 30_000);
    const later = await stored();
    expect(later!.watches[0].notifiedAt).toBe(notifiedAt);
    expect(later!.watches[0].available).toHaveLength(1);
    expect(replay.pushes.filter((p) => p.text.includes('G101'))).toHaveLength(1);
  }, 240_000);

  it('shows the watch with seats in the popup', async () => {
    const popup = await browser.openPopup();
    await popup.getByRole('tab', { name: /提醒/ }).click();
    const item = popup.locator('.ra-w-item');
    await item.first().waitFor({ timeout: 10_000 });
    await expect.poll(() => item.first().getAttribute('data-state'), { timeout: 10_000 }).toBe('seats');
    expect(await item.first().innerText()).toContain('G101');
    expect(await item.first().locator('svg.ra-w-spark path').count()).toBe(1);
  });
});
