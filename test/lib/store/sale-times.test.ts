import { describe, expect, it } from 'vitest';
import type { RailOption } from '../../../lib/model';
import { parseSaleTimes, SALE_TIMES_MAX, withSaleTimes } from '../../../lib/store/sale-times';

const train = (from: string, saleTime?: string) => ({ from: { telecode: from }, ...(saleTime ? { saleTime } : {}) }) as RailOption;

describe('sale times', () => {
  it('keeps what the rows say of their from stations, and reports no change as none', () => {
    const t = withSaleTimes({}, [train('BJP', '1230'), train('VNP', '0800'), train('AOH')])!;
    expect(t).toEqual({ BJP: '1230', VNP: '0800' });
    expect(withSaleTimes(t, [train('BJP', '1230')])).toBeUndefined();
    expect(withSaleTimes(t, [train('BJP', '1300')])).toEqual({ VNP: '0800', BJP: '1300' });
  });
  it('refuses malformed codes and times, on the way in and on the way back', () => {
    expect(withSaleTimes({}, [train('__proto__', '1230'), train('BJP', '2460'), train('SHH', '12:30')])).toBeUndefined();
    expect(parseSaleTimes({ BJP: '1230', constructor: '1200', SHH: 1230, VNP: '9999' })).toEqual({ BJP: '1230' });
    expect(parseSaleTimes('x')).toEqual({});
  });
  it('forgets the stations learnt longest ago once full', () => {
    const codes = Array.from({ length: SALE_TIMES_MAX + 5 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 676), 65 + (Math.floor(i / 26) % 26), 65 + (i % 26)));
    const t = withSaleTimes({}, codes.map((c) => train(c, '1000')))!;
    expect(Object.keys(t)).toHaveLength(SALE_TIMES_MAX);
    expect(t.AAA).toBeUndefined();
    expect(t[codes.at(-1)!]).toBe('1000');
  });
});
