import { describe, expect, it } from 'vitest';
import { gapMs, MAX_GAP_MS } from '../../../lib/watch/spacing';

describe('polite spacing of a cycle\'s queries', () => {
  it('shares half the interval out between the routes, never more than 4 s apart, with jitter', () => {
    expect(gapMs(1, 60, () => 0.5)).toBe(0);
    // 20 routes every 60 s: 1.5 s apart, so the cycle takes ~30 s, not half a second.
    expect(gapMs(20, 60, () => 0.5)).toBe(1500);
    expect(gapMs(20, 60, () => 0)).toBe(1125);
    expect(gapMs(20, 60, () => 1)).toBe(1875);
    expect(gapMs(2, 300, () => 0.5)).toBe(MAX_GAP_MS);
    expect(gapMs(200, 60, () => 0.5)).toBe(150);
  });
});
