// A 500-row 12306 left-ticket response (2025 layout): decoding it vs JSON.parse of the same bytes.
// The decoder parses the JSON itself, so the ratio is the cost of everything after JSON.parse.
import { decodeLeftTicket } from '../lib/rail/left-ticket';
import { buildLeftTicketBody, buildRailRow, generateTrains } from '../test/support/rail-rows';
import { measure, ratio, us, type BenchSuite } from './harness';

const suite: BenchSuite = () => {
  const specs = generateTrains(500, { from: 'BJP', to: 'SHH', km: 1460 }, '2026-12-01', 11);
  const body = buildLeftTicketBody(specs.map((s) => buildRailRow(s, '2025')), { BJP: '北京', SHH: '上海' });
  const check = decodeLeftTicket(body);
  if (!check.ok || check.value.trains.length !== 500 || check.issues.length > 0) throw new Error('decode-rail bench: the generated body does not decode cleanly');
  const base = measure(() => JSON.parse(body), 200, 30);
  const dec = measure(() => decodeLeftTicket(body), 200, 30);
  return [
    { name: 'body', value: `${(body.length / 1024).toFixed(0)} KiB`, note: '500 rows, 58 fields' },
    { name: 'JSON.parse', value: us(base.medianUs), note: `p99 ${us(base.p99Us)}` },
    { name: 'decodeLeftTicket', value: us(dec.medianUs), note: `p99 ${us(dec.p99Us)}` },
    { name: 'ratio (aim ≤ 1.5×)', value: ratio(dec.medianUs, base.medianUs) },
  ];
};
export default suite;
