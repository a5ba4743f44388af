// Decoder of 12306's left-ticket query (/otn/leftTicket/query*): every row layout 12306 has
// used (pipe rows of 2018, 2025 and longer future ones, the pre-2017 queryLeftNewDTO objects,
// a bare JSON array of rows) and every error body it sends instead. Never throws: a body it
// cannot read is a typed error, a row it cannot read fully is an issue.
//   envelope.ts    the outer JSON and error shapes, where the rows are
//   objects.ts     the pre-2017 object format, rewritten as pipe rows
//   rows.ts        rows → result: row order, rows without a date, the query date
//   row.ts         one row → RailOption (code, stations, date, times, status)
//   layout.ts      the row's anchors: a row whose fields moved is left out, no seats read
//   seat-cells.ts  seat codes, price groups and count cells → seats, hasSeats, cheapest
//   scan.ts        field boundaries of a row, in-place time and digit readers
import type { LeftTicketResult } from '../../model';
import { guard, type DecodeResult } from '../../result';
import { decodeEnvelope } from './envelope';
import type { LeftTicketContext } from './row';

export { FIELD, FULL_ROW_FIELDS, MIN_ROW_FIELDS } from './scan';
export { decodeLeftTicketRow, saleStatus, trainType, type LeftTicketContext } from './row';

/** Decodes a left-ticket response body. `ctx.date` is the queried date when the caller knows it. */
export function decodeLeftTicket(text: string, ctx: LeftTicketContext = {}): DecodeResult<LeftTicketResult> {
  return guard('left-ticket', () => decodeEnvelope(typeof text === 'string' ? text : String(text), ctx));
}
