// A sale-opening reminder end to end in the test build: set from the popup for a date past
// 12306's window (which asks 12306 nothing for that date and says when it goes on sale), it
// learns 北京's opening time from one replayed query, sets its alarm,
// speaks a few minutes before the opening and becomes a seat watch at it. The test build's clock
// hook (local:reminderTestClock) stands the reminder service days ahead instead of waiting.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser, Replay } from './harness';
import { useBrowser } from './suite';
import { inWorker as workerEval } from './test-build';
import { addDays, chinaDateOf, chinaInstant } from '../../lib/time';
import { pickStation } from './popup-form';

let replay: Replay;
let browser: LaunchedBrowser;
let page: Page;
const today = chinaDateOf(Date.now());
const far = addDays(today, 20);
const inWorker = <T>(fn: (arg: any) => Promise<T>, arg?: unknown) => workerEval(browser, fn, arg);

/** A message to the worker from an extension page, as the popup sends it. */
const ask = (name: string, data: unknown) =>
  page.evaluate(([n, d]) => (globalThis as any).chrome.runtime.sendMessage({ railair: 1, name: n, data: d }), [name, data] as const) as Promise<{ ok: boolean; data: any }>;

const notifications = () => inWorker(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()));
const setClock = (offsetMs: number) => inWorker(async (o) => (globalThis as any).chrome.storage.local.set({ reminderTestClock: { offsetMs: o } }), offsetMs);

useBrowser({ testBuild: true, lang: 'zh-CN' }, async (s) => {
  ({ replay, browser } = s);
  page = await s.browser.page();
  await page.goto(s.browser.extensionUrl('popup.html'));
});

describe('sale-opening reminder', () => {
  it('learns the opening time, reminds before it and watches seats from it', async () => {
    replay.clearRequests();
    await pickStation(page, '#from', '北京', '北京');
    await pickStation(page, '#to', '上海', '上海');
    const option = page.locator(`#date option[value="${far}"]`);
    expect(await option.textContent()).toContain('开售');
    await page.locator('#date').selectOption(far);
    await page.locator('form button[type="submit"]').click();
    // No train query for that date: the rail side says when it goes on sale and offers the reminder.
    await page.locator('[data-testid=sale-reminder]').click({ timeout: 20_000 });
    const result = page.locator('[data-testid=sale-reminder-result]');
    await result.waitFor({ timeout: 20_000 });
    const list0 = (await ask('reminder.list', {})).data.reminders;
    expect(list0).toHaveLength(1);
    const r = { ...list0[0], remindAt: list0[0].opensAt - 5 * 60_000 };
    // The replay's rows open 北京 at 12:30; the sale for `far` opens 14 days before it.
    expect(r.opensDay).toBe(addDays(far, -14));
    expect(r.opensAt).toBe(chinaInstant(addDays(far, -14), 12 * 60 + 30));
    expect(await result.textContent()).toContain('12:25 提醒你');
    // One query taught the opening time (the last day on sale); none for the far date itself.
    expect(replay.railQueries().map((q) => q.query['leftTicketDTO.train_date'])).toEqual([addDays(today, 14)]);
    const alarms = await inWorker(async () => (globalThis as any).chrome.alarms.getAll() as Promise<{ name: string; scheduledTime: number }[]>);
    expect(alarms.find((a) => a.name === 'railair-reminder')?.scheduledTime).toBe(r.remindAt);

    // A minute before the opening (in the service's clock): the reminder speaks, once.
    await setClock(r.opensAt - 60_000 - Date.now());
    await expect.poll(notifications, { timeout: 10_000 }).toEqual([`railair-reminder:${r.id}:soon`]);
    expect((await ask('watch.list', {})).data.watches.filter((v: { watch: { date: string } }) => v.watch.date === far)).toEqual([]);

    // The opening: an ordinary seat watch for that train and class, and the second notification.
    await setClock(r.opensAt + 1000 - Date.now());
    await expect.poll(notifications, { timeout: 10_000 }).toContain(`railair-reminder:${r.id}:open`);
    const watches = (await ask('watch.list', {})).data.watches.map((v: { watch: { date: string } }) => v.watch).filter((w: { date: string }) => w.date === far);
    expect(watches).toHaveLength(1);
    expect(watches[0]).toMatchObject({ trains: [], from: { telecode: 'BJP' }, to: { telecode: 'SHH' } });
    expect(watches[0].classes).toContain('ze');
    const list = (await ask('reminder.list', {})).data.reminders;
    expect(list).toEqual([expect.objectContaining({ id: r.id, state: 'done', watchId: watches[0].id })]);
  });
});
