import { describe, expect, it } from 'vitest';
import { createBackoff, type BackoffCause } from '../../../lib/net/backoff';

describe('createBackoff', () => {
  it('doubles the wait per consecutive failure up to the cap, and a success clears it', () => {
    let t = 1_000_000;
    const b = createBackoff({ now: () => t, baseMs: 1000, maxMs: 5000 });
    expect(b.blockedUntil()).toBeUndefined();
    expect(b.failure()).toBe(t + 1000);
    expect(b.failure()).toBe(t + 2000);
    expect(b.failure()).toBe(t + 4000);
    expect(b.failure()).toBe(t + 5000); // capped
    expect(b.failure()).toBe(t + 5000);
    expect(b.blockedUntil()).toBe(t + 5000);
    t += 5000;
    expect(b.blockedUntil()).toBeUndefined();
    b.success();
    expect(b.state()).toEqual({ failures: 0, until: 0 });
    expect(b.failure()).toBe(t + 1000);
  });

  it('honours a longer Retry-After, still capped', () => {
    const b = createBackoff({ now: () => 0, baseMs: 1000, maxMs: 60_000 });
    expect(b.failure(30_000)).toBe(30_000);
    expect(b.failure(10 * 60_000)).toBe(60_000);
  });

  it('restores persisted state and reports every change', () => {
    const seen: unknown[] = [];
    const b = createBackoff({
      now: () => 100,
      baseMs: 1000,
      initial: { failures: 2, until: 5000 },
      onChange: (s) => seen.push(s),
    });
    expect(b.blockedUntil()).toBe(5000);
    b.failure();
    expect(seen).toEqual([{ failures: 3, until: 100 + 4000 }]);
  });

  it('keeps the cause of the latest failure while the wait lasts, and forgets it on success', () => {
    let t = 0;
    const seen: unknown[] = [];
    const b = createBackoff({ now: () => t, baseMs: 1000, onChange: (s) => seen.push(s) });
    const blocked = { code: 'blocked', message: { zh: '拒绝', en: 'refused' } };
    b.failure(0, blocked);
    expect(b.cause()).toEqual(blocked);
    expect(seen.at(-1)).toEqual({ failures: 1, until: 1000, cause: blocked });
    b.failure(0, { code: 'rate-limited', message: { zh: '过于频繁', en: 'slow down' } });
    expect(b.cause()?.code).toBe('rate-limited');
    t = 3000;
    expect(b.cause()).toBeUndefined(); // the wait is over
    b.success();
    expect(b.state()).toEqual({ failures: 0, until: 0 });
    const restored = createBackoff({ now: () => 0, initial: { failures: 1, until: 500, cause: blocked } });
    expect(restored.cause()).toEqual(blocked);
  });

  it('reads a cause persisted before causes carried one bilingual message', () => {
    const old = { code: 'blocked', message: 'refused', messageZh: '拒绝' } as unknown as BackoffCause;
    const restored = createBackoff({ now: () => 0, initial: { failures: 1, until: 500, cause: old } });
    expect(restored.cause()).toEqual({ code: 'blocked', message: { zh: '拒绝', en: 'refused' } });
    expect(restored.state().cause).toEqual({ code: 'blocked', message: { zh: '拒绝', en: 'refused' } });
  });
});
