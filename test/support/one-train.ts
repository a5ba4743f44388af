// One train decoded from a generated 2025-layout row (defaults: G7 北京 → 上海, 09:00–13:30, 二等座 有).
import type { ChinaDate, RailOption } from '../../lib/model';
import { decodeLeftTicket } from '../../lib/rail/left-ticket';
import { buildLeftTicketBody, buildRailRow, type RailRowSpec } from './rail-rows';

export function oneTrain(date: ChinaDate, spec: Partial<RailRowSpec> = {}): RailOption {
  const full: RailRowSpec = { code: 'G7', from: 'BJP', to: 'SHH', depart: '09:00', arrive: '13:30', date, seats: { ze: { cell: '有', price: 55300 } }, ...spec };
  const r = decodeLeftTicket(buildLeftTicketBody([buildRailRow(full, '2025')], { BJP: '北京', SHH: '上海' }), { date });
  if (!r.ok) throw new Error(r.error.code);
  return r.value.trains[0]!;
}
