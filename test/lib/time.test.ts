import { describe, expect, it } from 'vitest';
import { addDays, chinaDateOf, chinaHm, chinaInstant, compactToChinaDate, isChinaDate, parseChinaDateTime, parseHm } from '../../lib/time';

describe('China time', () => {
  it('puts China midnight at 16:00 UTC the day before', () => {
    expect(new Date(chinaInstant('2026-11-23')).toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });
  it('reads wall-clock times back in China time whatever the offset', () => {
    const t = chinaInstant('2026-11-23', 23 * 60 + 50);
    expect(chinaHm(t)).toBe('23:50');
    expect(chinaDateOf(t)).toBe('2026-11-23');
    expect(chinaDateOf(t + 20 * 60_000)).toBe('2026-11-24');
  });
  it('rejects impossible dates and times', () => {
    expect(isChinaDate('2026-02-30')).toBe(false);
    expect(isChinaDate('2026-2-3')).toBe(false);
    expect(compactToChinaDate('20180113')).toBe('2018-01-13');
    expect(compactToChinaDate('2018011')).toBeUndefined();
    expect(parseHm('25:00')).toBeUndefined();
    expect(parseHm('06:43')).toBe(403);
    expect(parseChinaDateTime('2026-11-23 07:05')).toBe(chinaInstant('2026-11-23', 425));
  });
  it('adds days across month ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
