// The shared faces' words: which face a code gets, the countdown's wording, and a client's own
// "retry in" cut so the wait is never named twice — in one language at a time.
import { describe, expect, it } from 'vitest';
import { countdownText, faceKind, faceText, railError, secondsLeft } from '../../../components/common/error-face';
import { availabilityText, formatAge, joinList } from '../../../components/common/format';
import { useTestLanguage } from '../../support/i18n';

const CJK = /[\u4e00-\u9fff]/;

describe('error faces', () => {
  it('gives each code its face', () => {
    const kinds = ['blocked', 'rate-limited', 'offline', 'challenge', 'maintenance', 'schema', 'not-json', 'network'].map((code) =>
      faceKind({ code, message: { zh: '', en: '' } }),
    );
    expect(kinds).toEqual(['wait', 'wait', 'offline', 'challenge', 'maintenance', 'format', 'format', 'other']);
  });

  it('counts in seconds, then minutes and seconds past 90 s', () => {
    useTestLanguage('zh-CN');
    expect(secondsLeft(10_500, 0)).toBe(11);
    expect(secondsLeft(0, 5)).toBe(0);
    expect(countdownText('繁忙', 42)).toBe('繁忙，42 秒后重试');
    expect(countdownText('繁忙', 245)).toBe('繁忙，4 分 05 秒后重试');
    useTestLanguage('en');
    expect(countdownText('Busy', 42)).toBe('Busy, retry in 42 s');
    expect(countdownText('Busy', 245)).toBe('Busy, retry in 4 min 05 s');
  });

  it('appends the countdown to the message, cutting a wait the client already named', () => {
    const e = { code: 'rate-limited', message: { zh: '12306 请求过于频繁，30 秒后重试', en: '12306 is limiting requests; retry in 30 s' } };
    useTestLanguage('zh-CN');
    expect(faceText(e, 12)).toBe('12306 请求过于频繁，12 秒后重试');
    expect(faceText(e, 0)).toBe('12306 请求过于频繁');
    useTestLanguage('en');
    expect(faceText(e, 12)).toBe('12306 is limiting requests, retry in 12 s');
    expect(faceText(e, 0)).toBe('12306 is limiting requests');
  });

  it('says offline and challenge in fixed words, and 12306’s refusal the same everywhere', () => {
    const offline = { code: 'offline', message: { zh: 'fetch failed', en: 'fetch failed' } };
    const challenge = { code: 'challenge', message: { zh: 'x', en: 'x' }, retryAt: 5 };
    const refused = { code: 'blocked', message: { zh: '12306 拒绝了查询（error.html）', en: 'refused (error.html)' }, retryAt: 1 };
    useTestLanguage('zh-CN');
    expect(faceText(offline, undefined)).toBe('网络不可用');
    expect(faceText(challenge, 3)).toBe('请在飞猪页面完成验证');
    expect(faceText(railError(refused), 7)).toBe('12306 暂时拒绝了查询（繁忙或风控），7 秒后重试');
    useTestLanguage('en');
    expect(faceText(offline, undefined)).toBe('Offline');
    expect(faceText(challenge, 3)).toBe('Verify on Fliggy');
    expect(faceText(railError(refused), 7)).toBe('12306 turned the query away for now (busy or risk control), retry in 7 s');
  });

  it('shows any other error in its own words, in the UI language only', () => {
    const e = { code: 'network', message: { zh: '网络错误', en: 'Network error' } };
    useTestLanguage('zh-CN');
    expect(faceText(e, undefined)).toBe('网络错误');
    useTestLanguage('en');
    expect(faceText(e, undefined)).toBe('Network error');
    expect(faceText(e, undefined)).not.toMatch(CJK);
  });
});

describe('shared display words', () => {
  it('say ages, seats and lists in Chinese', () => {
    useTestLanguage('zh-CN');
    expect([0, 5, 180, 72 * 60].map((min) => formatAge(min * 60_000))).toEqual(['刚刚', '5 分钟前', '3 小时前', '3 天前']);
    expect(availabilityText({ kind: 'count', n: 3 })).toBe('3张');
    expect(availabilityText({ kind: 'plenty' })).toBe('有');
    expect(availabilityText({ kind: 'none' })).toBe('无');
    expect(availabilityText({ kind: 'waitlist' })).toBe('候补');
    expect(availabilityText({ kind: 'not-on-sale' })).toBe('未开售');
    expect(joinList(['一等座', '二等座', '无座'])).toBe('一等座、二等座、无座');
    expect(joinList([])).toBe('');
  });

  it('say them in English with no Chinese', () => {
    useTestLanguage('en');
    const words = [
      ...[0, 5, 180, 72 * 60].map((min) => formatAge(min * 60_000)),
      ...(['plenty', 'none', 'waitlist', 'not-on-sale'] as const).map((kind) => availabilityText({ kind })),
      availabilityText({ kind: 'count', n: 3 }),
    ];
    expect(words).toEqual(['just now', '5 min ago', '3 h ago', '3 days ago', 'Available', 'Sold out', 'Waitlist', 'Not on sale', '3 left']);
    expect(joinList(['First', 'Second'])).toBe('First, Second');
    expect(joinList(['a', 'b'], 'clauses')).toBe('a; b');
    for (const w of words) expect(w).not.toMatch(CJK);
  });
});
