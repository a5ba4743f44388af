// What the popup offers on a train row: 预订 only when seats can be bought, 候补 as its own
// state, sold out, not yet on sale, refused, gone.
import { describe, expect, it } from 'vitest';
import type { ChinaDate, RailOption } from '../../../lib/model';
import { buyState } from '../../../lib/rail/buy-state';
import { chinaInstant } from '../../../lib/time';
import type { RailRowSpec } from '../../support/rail-rows';
import { oneTrain } from '../../support/one-train';

const DATE: ChinaDate = '2026-12-01';
const BEFORE = chinaInstant(DATE, 6 * 60);

const train = (spec: Partial<RailRowSpec>): RailOption => oneTrain(DATE, spec);

describe('buyState', () => {
  it('is bookable with seats left in any class', () => {
    expect(buyState(train({ seats: { ze: { cell: '无', price: 55300 }, zy: { cell: '3', price: 93300 } } }), BEFORE)).toEqual({ kind: 'bookable' });
  });
  it('is the waiting list when no class has seats but one takes 候补', () => {
    expect(buyState(train({ seats: { ze: { cell: '候补', price: 55300 }, zy: { cell: '无', price: 93300 } } }), BEFORE)).toEqual({ kind: 'waitlist' });
  });
  it('is sold out when every class says 无', () => {
    expect(buyState(train({ seats: { ze: { cell: '无', price: 55300 }, wz: { cell: '无', price: 55300 } } }), BEFORE)).toEqual({ kind: 'sold-out' });
  });
  it('says when the sale opens', () => {
    expect(buyState(train({ canWebBuy: 'N', button: '12点30分起售', seats: { ze: { cell: '*', price: 55300 } } }), BEFORE)).toMatchObject({ kind: 'opens' });
  });
  it('passes on 12306\'s own words when it refuses (suspended)', () => {
    expect(buyState(train({ canWebBuy: 'N', button: '列车停运', seats: { ze: { cell: '--' } } }), BEFORE)).toEqual({ kind: 'unavailable', status: 'suspended', text: '列车停运' });
  });
  it('is gone once the train has left, whatever the seats', () => {
    expect(buyState(train({}), chinaInstant(DATE, 9 * 60 + 1))).toEqual({ kind: 'departed' });
  });
});
