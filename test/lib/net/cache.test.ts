import { describe, expect, it } from 'vitest';
import { createTtlCache } from '../../../lib/net/cache';

describe('createTtlCache', () => {
  it('serves a value for ttl, then loads again', async () => {
    let t = 0;
    let loads = 0;
    const c = createTtlCache<number>({ ttlMs: 60_000, now: () => t });
    const load = async () => ++loads;
    expect(await c.run('k', load)).toEqual({ value: 1, fromCache: false, at: 0 });
    t = 59_999;
    expect(await c.run('k', load)).toEqual({ value: 1, fromCache: true, at: 0 });
    t = 60_000;
    expect((await c.run('k', load)).value).toBe(2);
    expect(loads).toBe(2);
  });

  it('runs one load for concurrent callers of the same key (single flight), separate keys apart', async () => {
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const c = createTtlCache<string>({ ttlMs: 1000, now: () => 0 });
    const load = async () => {
      loads++;
      await gate;
      return 'v';
    };
    const a = c.run('a', load);
    const b = c.run('a', load);
    const other = c.run('b', load);
    expect(c.inFlight('a')).toBe(true);
    release();
    const [ra, rb] = await Promise.all([a, b, other]);
    expect(loads).toBe(2);
    expect(ra.fromCache).toBe(false);
    expect(rb.fromCache).toBe(true);
    expect(c.inFlight('a')).toBe(false);
  });

  it('does not remember values `keep` rejects, and a failing load frees the key', async () => {
    const c = createTtlCache<{ ok: boolean }>({ ttlMs: 1000, now: () => 0, keep: (v) => v.ok });
    await c.run('k', async () => ({ ok: false }));
    expect(c.peek('k')).toBeUndefined();
    await expect(
      c.run('k', () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(c.inFlight('k')).toBe(false);
    expect((await c.run('k', async () => ({ ok: true }))).fromCache).toBe(false);
    expect(c.peek('k')?.value).toEqual({ ok: true });
  });

  it('evicts the oldest entry beyond max', async () => {
    const c = createTtlCache<number>({ ttlMs: 1000, now: () => 0, max: 2 });
    await c.run('a', async () => 1);
    await c.run('b', async () => 2);
    await c.run('c', async () => 3);
    expect(c.size()).toBe(2);
    expect(c.peek('a')).toBeUndefined();
  });
});
