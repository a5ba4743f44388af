// The shared faces' words: which face a code gets, the countdown's wording, and a client's own
// "retry in" cut so the wait is never named twice.
import { describe, expect, it } from 'vitest';
import { countdownText, faceKind, faceText, railError, secondsLeft } from '../../../components/common/error-face';

describe('error faces', () => {
  it('gives each code its face', () => {
    const kinds = ['blocked', 'rate-limited', 'offline', 'challenge', 'maintenance', 'schema', 'not-json', 'network'].map((code) =>
      faceKind({ code, message: { zh: '', en: '' } }),
    );
    expect(kinds).toEqual(['wait', 'wait', 'offline', 'challenge', 'maintenance', 'format', 'format', 'other']);
  });

  it('counts in seconds, then minutes and seconds past 90 s', () => {
    expect(secondsLeft(10_500, 0)).toBe(11);
    expect(secondsLeft(0, 5)).toBe(0);
    expect(countdownText(42)).toEqual({ zh: '，42 秒后重试', en: ', retry in 42 s' });
    expect(countdownText(245)).toEqual({ zh: '，4 分 05 秒后重试', en: ', retry in 4 min 05 s' });
  });

  it('appends the countdown to the message, cutting a wait the client already named', () => {
    const e = { code: 'rate-limited', message: { zh: '12306 请求过于频繁，30 秒后重试', en: '12306 is limiting requests; retry in 30 s' } };
    expect(faceText(e, 12)).toEqual({ zh: '12306 请求过于频繁，12 秒后重试', en: '12306 is limiting requests, retry in 12 s' });
    expect(faceText(e, 0)).toEqual({ zh: '12306 请求过于频繁', en: '12306 is limiting requests' });
  });

  it('says offline and challenge in fixed words, and 12306’s refusal the same everywhere', () => {
    expect(faceText({ code: 'offline', message: { zh: 'fetch failed', en: 'fetch failed' } }, undefined)).toEqual({ zh: '网络不可用', en: 'Offline' });
    expect(faceText({ code: 'challenge', message: { zh: 'x', en: 'x' }, retryAt: 5 }, 3)).toEqual({ zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' });
    const refused = railError({ code: 'blocked', message: { zh: '12306 拒绝了查询（error.html）', en: 'refused (error.html)' }, retryAt: 1 });
    expect(faceText(refused, 7).zh).toBe('12306 暂时拒绝了查询（繁忙或风控），7 秒后重试');
  });
});
