import { describe, expect, it } from 'vitest';
import { pushHistory, HISTORY_MAX } from '../../../lib/watch/history';
import { fareNotification, railNotification, searchUrl } from '../../../lib/watch/notify';
import { newFareWatch } from '../../../lib/watch/model';
import { DATE, NOON, railWatch } from './support';
import { useTestLanguage } from '../../support/i18n';

describe('notification text and link', () => {
  it('links to 12306 search page for the route and date', () => {
    expect(decodeURIComponent(searchUrl(DATE, { telecode: 'BJP', name: '北京' }, { telecode: 'SHH', name: '上海' }))).toBe(
      'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=北京,BJP&ts=上海,SHH&date=2026-11-23&flag=N,N,Y',
    );
  });
  const s = { trainNo: '240000G1010A', code: 'G101', cls: 'ze' as const, name: '二等座', nameEn: 'Second class', n: 5, price: 55300 };
  const more = [s, { ...s, cls: 'zy' as const, name: '一等座', nameEn: 'First class', n: null }, { ...s, cls: 'swz' as const, name: '商务座', nameEn: 'Business', n: 1 }, { ...s, code: 'G7', n: 2 }];

  it('names train, class, seats and price in Chinese', () => {
    useTestLanguage('zh-CN');
    const zh = railNotification(railWatch(), [s], 'zh-CN');
    expect(zh.title).toBe('有票了：G101 二等座');
    expect(zh.message).toContain('G101');
    expect(zh.message).toContain('二等座 余5张 ¥553');
    expect(zh.message).toContain('北京 → 上海 2026-11-23');
    expect(zh.buttonTitle).toBe('打开 12306 购票');
    const many = railNotification(railWatch(), more, 'zh-CN');
    expect(many.title).toBe('有票了：G101 二等座 等4项');
    expect(many.message).toContain('一等座 有票');
    expect(many.message).toContain('另有 1 项');
    expect(`${many.title}${many.message}${many.buttonTitle}`).not.toMatch(/Seats|seat|Open/);
  });

  it('names them in English only when the user reads English', () => {
    useTestLanguage('en');
    const en = railNotification(railWatch({ classes: ['ze', 'zy', 'swz'] }), more, 'en');
    expect(en.title).toBe('Seats on G101, Second class (4 in all)');
    expect(en.message).toContain('Second class 5 seats left ¥553');
    expect(en.message).toContain('First class seats available');
    // Best first: the preferred class on both trains, then the next class; the rest counted.
    expect(en.message).toContain('G7 Second class 2 seats left');
    expect(en.message).not.toContain('Business');
    expect(en.message).toContain('and 1 more');
    expect(en.buttonTitle).toBe('Open 12306 to buy');
    // 北京 and 上海 are the watch's own station names.
    expect(`${en.title}\n${en.message.replace(/北京|上海/g, '')}\n${en.buttonTitle}`).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('says what a fare includes, in the language started', () => {
    const w = newFareWatch({ date: DATE, fromCity: 'BJS', toCity: 'SHA', maxFen: 60000 }, 'f1', NOON);
    useTestLanguage('zh-CN');
    const zh = fareNotification(w, { fen: 57000, includesTaxes: false }, 'zh-CN');
    expect(zh).toMatchObject({ title: '机票降价：¥570（未含税费）', message: 'BJS → SHA 2026-11-23 最低价 ¥570（未含税费），低于你设的 ¥600', buttonTitle: '打开飞猪' });
    useTestLanguage('en');
    const en = fareNotification(w, { fen: 57000, includesTaxes: true, flightNo: 'MU511' }, 'en');
    expect(en).toMatchObject({ title: 'Fare down to ¥570 (incl. taxes)', message: 'BJS → SHA 2026-11-23: lowest fare ¥570 (incl. taxes, MU511), at or below your ¥600', buttonTitle: 'Open Fliggy' });
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
