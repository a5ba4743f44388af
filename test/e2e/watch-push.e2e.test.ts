// Alerts that reach the phone, and a watch that fits how people travel, end to end in the test
// build (2 s polls): two push channels (a WeCom group bot and an ntfy topic) added in options
// through the real form; a seat watch set from the popup's bell; 无 → 5 reaches the desktop
// notification and both channels, each with the exact words (train, class, seats, price, the 12306
// link) as the replay's stand-ins for their hosts received them. Then a watch for a sold-out day,
// widened in the watches tab to the day before and after: the next day gets seats, and one alert
// names that day's train. Last, a sold-out class whose waiting list (候补) opens: one alert says so,
// with the link to join it, and the watches tab shows that state.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser, Replay } from './harness';
import { useBrowser } from './suite';
import { inWorker as workerEval } from './test-build';
import { storedWatches } from './watch-storage';
import { pickStation } from './popup-form';
import { until } from './page-script';
import { addDays, chinaDateOf } from '../../lib/time';
import type { ChinaDate } from '../../lib/model';

const today = chinaDateOf(Date.now());
// Days of their own: the client's 60 s cache never answers one check with another's.
const D1 = addDays(today, 2);
const D2 = addDays(today, 6);
const D2_NEXT = addDays(D2, 1);
const D3 = addDays(today, 10);
const WECOM_KEY = 'e2e-wecom-key-0002';
const NTFY_TOPIC = 'railair-e2e-topic';

let replay: Replay;
let browser: LaunchedBrowser;
let popup: Page;
const inWorker = <T>(fn: (arg: any) => Promise<T>, arg?: unknown) => workerEval(browser, fn, arg);
const notificationIds = () => inWorker(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()));

/** 12306's search for 北京南 → 上海虹桥 on `date`, naming G101: the link every alert carries. */
const link = (date: ChinaDate) =>
  `https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC%E5%8D%97,VNP&ts=%E4%B8%8A%E6%B5%B7%E8%99%B9%E6%A1%A5,AOH&date=${date}&flag=N,N,Y#railair=G101`;

/** Searches 北京 → 上海 on `date` in the popup and clicks the bell on G101's sold-out 二等座. */
async function watchFromPopup(date: ChinaDate): Promise<void> {
  await popup.getByRole('tab', { name: /查询/ }).click();
  await popup.locator('#date').selectOption(date);
  await popup.locator('form button[type="submit"]').click();
  const g101 = popup.locator('[data-testid=train]', { hasText: 'G101' });
  await g101.first().waitFor({ timeout: 20_000 });
  await g101.getByRole('button', { name: '有票提醒：G101 二等座' }).click();
  await expect.poll(() => g101.locator('[data-testid="railair-bell-msg"]').innerText(), { timeout: 10_000 }).toContain('已设提醒');
}

const g101Pushes = (host: string) => replay.pushes.filter((p) => p.host === host && p.text.includes('G101'));

useBrowser({ testBuild: true, lang: 'zh-CN' }, (s) => void ({ replay, browser } = s));

describe('watch alerts on two push channels', () => {
  it('adds a WeCom group bot and an ntfy topic in options', async () => {
    const options = await browser.page();
    await options.goto(browser.extensionUrl('options.html'));
    const form = options.locator('[data-testid=push-add]');
    for (const [kind, field, value] of [['wecom', 'key', WECOM_KEY], ['ntfy', 'topic', NTFY_TOPIC]] as const) {
      await form.locator('select').selectOption(kind);
      await form.locator(`input[name=${field}]`).fill(value);
      await form.getByRole('button', { name: '添加' }).click();
      await options.locator(`[data-testid=push-channel][data-kind=${kind}]`).waitFor({ timeout: 10_000 });
    }
    expect(await options.locator('[data-testid=push-channel]').count()).toBe(2);
    await options.close();
  });

  it('a seat coming back reaches the desktop and both channels, in the same words', async () => {
    popup = await browser.openPopup();
    await pickStation(popup, '#from', '北京', '北京');
    await pickStation(popup, '#to', '上海', '上海');
    await watchFromPopup(D1);
    const first = await until('the first check', () => inWorker(storedWatches), (d) => d?.watches[0]?.lastCheckedAt !== undefined, 30_000);
    expect(first!.watches[0]).toMatchObject({ date: D1, trains: ['G101'], classes: ['ze'], origin: 'popup', available: [] });
    expect(await notificationIds()).toEqual([]);

    replay.setSeats('G101', { ze: '5' }, D1);
    // The popup's search left D1 in the worker's 60 s cache: a stopped worker starts without it
    // (and must bring the watch back from storage).
    const cdp = await browser.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const ids = await until('the notification', notificationIds, (n) => n.length > 0, 90_000);
    expect(ids).toHaveLength(1);
    // The desktop notification opens the same link as the pushes (its id carries it).
    expect(decodeURIComponent(ids[0]!.split(':').slice(3).join(':'))).toBe(link(D1));

    const title = '有票了：G101 二等座';
    const body = `G101 06:45 二等座 余5张 ¥553\n北京南 → 上海虹桥 ${D1}`;
    await until('both pushes', async () => [g101Pushes('qyapi.weixin.qq.com'), g101Pushes('ntfy.sh')] as const, ([w, n]) => w.length > 0 && n.length > 0, 20_000);
    expect(g101Pushes('qyapi.weixin.qq.com')).toEqual([expect.objectContaining({ to: WECOM_KEY, text: `${title}\n${body}\n${link(D1)}` })]);
    expect(g101Pushes('ntfy.sh')).toEqual([expect.objectContaining({ to: NTFY_TOPIC, title, text: body, url: link(D1) })]);
    const after = await inWorker(storedWatches);
    expect(after!.watches[0].available).toEqual([expect.objectContaining({ code: 'G101', cls: 'ze', n: 5, price: 55300, date: D1 })]);
  }, 240_000);

  it('a watch widened to the day before and after alerts once, naming the next day’s train', async () => {
    await watchFromPopup(D2);
    replay.setSeats('G101', { ze: '3' }, D2_NEXT);
    await popup.getByRole('tab', { name: /提醒/ }).click();
    const item = popup.locator('.ra-w-item', { hasText: D2 });
    await item.getByRole('button', { name: '编辑' }).click();
    await item.locator('input[name=flex]').check();
    await item.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await inWorker(storedWatches))!.watches.find((w) => w.date === D2)?.flexDays, { timeout: 10_000 }).toBe(1);

    const day = D2_NEXT.slice(5);
    const title = `有票了：${day} G101 二等座`;
    const body = `${day} G101 06:45 二等座 余3张 ¥553\n北京南 → 上海虹桥 ${D2_NEXT}`;
    await until('the next day’s pushes', async () => [g101Pushes('qyapi.weixin.qq.com'), g101Pushes('ntfy.sh')] as const, ([w, n]) => w.length > 1 && n.length > 1, 60_000);
    // The days either side were asked, each once per poll, and only the next day had seats.
    const days = new Set(replay.railQueries().map((q) => q.query['leftTicketDTO.train_date']));
    expect(days).toContain(addDays(D2, -1));
    expect(days).toContain(D2_NEXT);
    expect(g101Pushes('qyapi.weixin.qq.com').slice(1)).toEqual([expect.objectContaining({ text: `${title}\n${body}\n${link(D2_NEXT)}` })]);
    expect(g101Pushes('ntfy.sh').slice(1)).toEqual([expect.objectContaining({ title, text: body, url: link(D2_NEXT) })]);
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 10_000 }).toBe('seats');
    expect(await item.innerText()).toContain(`${day} G101 二等座 3张 ¥553`);
    // Later cycles say the same: no second alert.
    const cycled = (await inWorker(storedWatches))!.lastCycleAt ?? 0;
    await until('more cycles', () => inWorker(storedWatches), (d) => (d?.lastCycleAt ?? 0) >= cycled + 5000, 30_000);
    expect(g101Pushes('ntfy.sh')).toHaveLength(2);
  }, 180_000);

  it('a waiting list opening (无 → 候补) alerts once as 可候补, with the link to join it', async () => {
    await popup.getByRole('tab', { name: /查询/ }).click();
    await watchFromPopup(D3);
    const before = { wecom: g101Pushes('qyapi.weixin.qq.com').length, ntfy: g101Pushes('ntfy.sh').length };
    replay.setSeats('G101', { ze: '候补' }, D3);

    const title = '可候补：G101 二等座';
    await until('the waiting-list pushes', async () => [g101Pushes('qyapi.weixin.qq.com'), g101Pushes('ntfy.sh')] as const, ([w, n]) => w.length > before.wecom && n.length > before.ntfy, 60_000);
    const wecom = g101Pushes('qyapi.weixin.qq.com').slice(before.wecom);
    const ntfy = g101Pushes('ntfy.sh').slice(before.ntfy);
    expect(wecom).toHaveLength(1);
    expect(wecom[0]!.text.startsWith(`${title}\nG101 06:45 二等座 可候补`)).toBe(true);
    expect(wecom[0]!.text.endsWith(`北京南 → 上海虹桥 ${D3}\n${link(D3)}`)).toBe(true);
    expect(ntfy).toEqual([expect.objectContaining({ title, url: link(D3) })]);

    await popup.getByRole('tab', { name: /提醒/ }).click();
    const item = popup.locator('.ra-w-item', { hasText: D3 });
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 10_000 }).toBe('waitlist');
    expect(await item.innerText()).toContain('G101 二等座 可候补');
    expect(await item.getByRole('link', { name: '去 12306 候补' }).getAttribute('href')).toContain(`date=${D3}`);
    // The same 候补 in later cycles is not news.
    const cycled = (await inWorker(storedWatches))!.lastCycleAt ?? 0;
    await until('more cycles', () => inWorker(storedWatches), (d) => (d?.lastCycleAt ?? 0) >= cycled + 5000, 30_000);
    expect(g101Pushes('ntfy.sh')).toHaveLength(before.ntfy + 1);
  }, 180_000);
});
