// A bell on 12306 shows the watch it set: pressed after a reload (12306 redraws its whole table),
// and a second click removes the watch.
import { describe, expect, it } from 'vitest';
import { chinaTomorrow, railSearchUrl, type LaunchedBrowser, type Replay } from './harness';
import { useBrowser } from './suite';
import { shadow } from './shadow';

const date = chinaTomorrow();
let replay: Replay;
let browser: LaunchedBrowser;

useBrowser({ lang: 'zh-CN' }, (s) => void ({ replay, browser } = s));

describe('12306 bells', () => {
  it('show their watch after a redraw, and a second click removes it', async () => {
    const page = await browser.page();
    await page.goto(railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date }));
    // The bell and its message live in our closed shadow root in that cell (shadow.ts reads them).
    const ours = shadow(page);
    const cell = '#queryLeftTable td[id^="ZE_240000G1010N"]';
    const bell = `${cell} >>> [data-testid="railair-bell"]`;
    const msg = () => ours.text(`${cell} >>> [data-testid="railair-bell-msg"]`, { inner: true });
    await ours.waitFor(bell, { timeout: 20_000 });
    expect(await ours.attr(bell, 'aria-pressed')).toBe('false');
    await ours.click(bell);
    await expect.poll(msg, { timeout: 10_000 }).toContain('已设提醒');
    expect(await ours.attr(bell, 'aria-pressed')).toBe('true');

    await page.reload();
    await ours.waitFor(bell, { timeout: 20_000 });
    await expect.poll(() => ours.attr(bell, 'aria-pressed'), { timeout: 10_000 }).toBe('true');
    expect(await ours.attr(bell, 'title')).toContain('再点一次取消');
    // Only the watched class is pressed.
    expect(await ours.count('#queryLeftTable >>> [data-testid="railair-bell"][aria-pressed="true"]')).toBe(1);

    await ours.click(bell);
    await expect.poll(msg, { timeout: 10_000 }).toContain('已取消提醒');
    expect(await ours.attr(bell, 'aria-pressed')).toBe('false');
    const popup = await browser.openPopup();
    const list = await popup.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ railair: 1, name: 'watch.list', data: {} }));
    expect(list.data.watches).toEqual([]);
    await popup.close();
    await page.close();
  });
});
