import { describe, expect, it } from 'vitest';
import { pushHistory, HISTORY_MAX } from '../../../lib/watch/history';
import { railNotification, searchUrl } from '../../../lib/watch/notify';
import { DATE, NOON, railWatch } from './support';

describe('notification text and link', () => {
  it('links to 12306 search page for the route and date', () => {
    expect(decodeURIComponent(searchUrl(DATE, { telecode: 'BJP', name: '北京' }, { telecode: 'SHH', name: '上海' }))).toBe(
      'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=北京,BJP&ts=上海,SHH&date=2026-11-23&flag=N,N,Y',
    );
  });
  it('names train, class, seats and price in Chinese and English', () => {
    const s = { trainNo: '240000G1010A', code: 'G101', cls: 'ze' as const, name: '二等座', nameEn: 'Second class', n: 5, price: 55300 };
    const zh = railNotification(railWatch(), [s], 'zh-CN');
    expect(zh.title).toBe('有票了：G101 二等座');
    expect(zh.message).toContain('G101');
    expect(zh.message).toContain('二等座 余5张 ¥553');
    expect(zh.message).toContain('北京 → 上海 2026-11-23');
    const en = railNotification(railWatch(), [s, { ...s, cls: 'zy', name: '一等座', nameEn: 'First class', n: null }], 'en');
    expect(en.title).toBe('Seats on G101, Second class (+1)');
    expect(en.message).toContain('Second class 5 seats left ¥553');
    expect(en.message).toContain('First class seats available');
    expect(en.buttonTitle).toBe('Open 12306 to buy');
  });
});

describe('seat history', () => {
  it('adds a point when the count changes, at most one per 15 min otherwise, and stays bounded', () => {
    let h = pushHistory([], NOON, 0);
    h = pushHistory(h, NOON + 60_000, 0);
    expect(h).toHaveLength(1);
    h = pushHistory(h, NOON + 120_000, 3);
    expect(h).toHaveLength(2);
    h = pushHistory(h, NOON + 120_000 + 15 * 60_000, 3);
    expect(h).toHaveLength(3);
    for (let i = 0; i < 2000; i++) h = pushHistory(h, NOON + i * 60_000 * 20, i % 5);
    expect(h.length).toBeLessThanOrEqual(HISTORY_MAX);
    expect(h.at(-1)![0]).toBe(NOON + 1999 * 60_000 * 20);
    expect(h[0]![0]).toBeGreaterThanOrEqual(NOON + 1999 * 60_000 * 20 - 3 * 24 * 3600_000);
  });
});
