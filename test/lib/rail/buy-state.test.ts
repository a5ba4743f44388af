// What the popup offers on a train row: 预订 only when seats can be bought, 候补 as its own
// state, sold out, not yet on sale, refused, gone.
import { describe, expect, it } from 'vitest';
import type { ChinaDate, RailOption } from '../../../lib/model';
import { decodeLeftTicket } from '../../../lib/rail/left-ticket';
import { buyState } from '../../../lib/rail/buy-state';
import { chinaInstant } from '../../../lib/time';
import { buildLeftTicketBody, buildRailRow, type RailRowSpec } from '../../support/rail-rows';

const DATE: ChinaDate = '2026-12-01';
const BEFORE = chinaInstant(DATE, 6 * 60);

function train(spec: Partial<RailRowSpec>): RailOption {
  const full: RailRowSpec = { code: 'G1', from: 'BJP', to: 'SHH', depart: '09:00', arrive: '13:30', date: DATE, seats: { ze: { cell: '有', price: 55300 } }, ...spec };
  const r = decodeLeftTicket(buildLeftTicketBody([buildRailRow(full, '2025')], { BJP: '北京', SHH: '上海' }), { date: DATE });
  if (!r.ok) throw new Error(r.error.code);
  return r.value.trains[0]!;
}

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
