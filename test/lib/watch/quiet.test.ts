import { describe, expect, it } from 'vitest';
import type { ChinaDate } from '../../../lib/model';
import { chinaInstant } from '../../../lib/time';
import { quietUntil } from '../../../lib/watch/quiet';

const at = (date: string, hm: string) => chinaInstant(date as ChinaDate, Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3)));
const Q = { quietStart: '23:00', quietEnd: '06:00' };

describe('quiet hours (China time)', () => {
  it.each([
    ['2026-11-22', '22:59', undefined],
    ['2026-11-22', '23:00', at('2026-11-23', '06:00')],
    ['2026-11-22', '23:59', at('2026-11-23', '06:00')],
    ['2026-11-23', '00:00', at('2026-11-23', '06:00')],
    ['2026-11-23', '05:59', at('2026-11-23', '06:00')],
    ['2026-11-23', '06:00', undefined],
  ])('%s %s → %s', (d, hm, until) => {
    expect(quietUntil(at(d, hm), Q)).toBe(until);
  });
  it('handles a window inside one day and an empty window', () => {
    const day = { quietStart: '12:00', quietEnd: '14:00' };
    expect(quietUntil(at('2026-11-23', '13:00'), day)).toBe(at('2026-11-23', '14:00'));
    expect(quietUntil(at('2026-11-23', '14:00'), day)).toBeUndefined();
    expect(quietUntil(at('2026-11-23', '11:59'), day)).toBeUndefined();
    expect(quietUntil(at('2026-11-23', '03:00'), { quietStart: '06:00', quietEnd: '06:00' })).toBeUndefined();
  });
  it('does not depend on the machine time zone (16:00 UTC is midnight in China)', () => {
    expect(quietUntil(Date.UTC(2026, 10, 22, 16, 0), Q)).toBe(Date.UTC(2026, 10, 22, 22, 0));
    expect(quietUntil(Date.UTC(2026, 10, 22, 14, 59), Q)).toBeUndefined();
  });
});
