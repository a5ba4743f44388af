// A flapping seat cannot spam a phone: one push per transition, at most N an hour.
import { describe, expect, it } from 'vitest';
import { allowPush, EMPTY_PUSH_LIMIT } from '../../../lib/push/limit';

const MIN = 60_000;

describe('push limit', () => {
  it('sends a transition once', () => {
    const a = allowPush(EMPTY_PUSH_LIMIT, 'w1:无→5', 0);
    expect(a.send).toBe(true);
    const b = allowPush(a.state, 'w1:无→5', MIN);
    expect(b).toMatchObject({ send: false, why: 'already-sent' });
    expect(allowPush(b.state, 'w1:无→3@2', 2 * MIN).send).toBe(true);
  });

  it('caps the pushes of any hour, and lets them go again as the hour passes', () => {
    let state = EMPTY_PUSH_LIMIT;
    for (let i = 0; i < 30; i++) {
      const d = allowPush(state, `w${i}`, i * MIN);
      expect(d.send).toBe(true);
      state = d.state;
    }
    expect(allowPush(state, 'w30', 30 * MIN)).toMatchObject({ send: false, why: 'hourly-cap' });
    // An hour after the first push, one slot is free again.
    expect(allowPush(state, 'w30', 60 * MIN).send).toBe(true);
  });
});
