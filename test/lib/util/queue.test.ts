import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../../lib/util/queue';

describe('createSerialQueue', () => {
  it('runs calls one after the other, in order, even when they arrive together', async () => {
    const serial = createSerialQueue();
    const log: string[] = [];
    const step = (name: string, ms: number) =>
      serial(async () => {
        log.push(`${name} start`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name} end`);
        return name;
      });
    expect(await Promise.all([step('a', 20), step('b', 0), step('c', 5)])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('passes a failure to its caller only, and goes on with the next call', async () => {
    const serial = createSerialQueue();
    const failed = serial(async () => {
      throw new Error('boom');
    });
    const next = serial(async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });
});
