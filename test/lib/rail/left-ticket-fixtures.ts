// Shared by the left-ticket decoder tests: the station map, result readers, and rebuilt sample rows.
import type { LeftTicketResult, RailOption } from '../../../lib/model';
import type { DecodeResult } from '../../../lib/result';
import type { RailRowSpec } from '../../support/rail-rows';

export const MAP = { AOH: '上海虹桥', BJP: '北京', SHH: '上海', VNP: '北京南' };

export function value(r: DecodeResult<LeftTicketResult>): LeftTicketResult {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
export function issuesOf(r: DecodeResult<LeftTicketResult>) {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.issues;
}
export function errorOf(r: DecodeResult<LeftTicketResult>) {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}
export const seat = (t: RailOption, cls: string) => t.seats.find((s) => s.cls === cls);

/** The seed document's G101 row (BJP→SHH query of 2018-02-19, during the nightly window), rebuilt. */
export const SEED_G101: RailRowSpec = {
  code: 'G101',
  trainNo: '240000G1010D',
  from: 'VNP',
  to: 'AOH',
  depart: '06:43',
  arrive: '12:39',
  date: '2018-02-19',
  button: '23:00-06:00系统维护时间',
  canWebBuy: 'IS_TIME_NOT_BUY',
  fromNo: '01',
  toNo: '11',
  secret: '',
  seats: { swz: { cell: '7' }, zy: { cell: '有' }, ze: { cell: '有' } },
};
export const SEED_G103: RailRowSpec = { ...SEED_G101, code: 'G103', trainNo: '240000G10325', depart: '06:53', arrive: '12:49', seats: { swz: { cell: '17' }, zy: { cell: '有' }, ze: { cell: '有' } } };

/** A G1-like 2025 row with yp_info_new prices: 商务座 ¥2337, 一等座 ¥1070, 优选一等座 ¥1471, 二等座 ¥669, 无座 ¥669. */
export const G1_2025: RailRowSpec = {
  code: 'G1',
  trainNo: '24000000G10K',
  from: 'VNP',
  to: 'SHH',
  depart: '07:00',
  arrive: '11:29',
  date: '2025-12-20',
  fromNo: '01',
  toNo: '04',
  saleTime: '202512061245',
  seats: {
    swz: { cell: '1', price: 233700 },
    zy: { cell: '有', price: 107000 },
    gg: { cell: '4', price: 147100 },
    ze: { cell: '有', price: 66900 },
    wz: { cell: '无', price: 66900 },
  },
};
