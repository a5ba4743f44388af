// A 500-row 12306 left-ticket response (2025 layout): decoding it vs JSON.parse of the same bytes.
// The decoder parses the JSON itself, so the ratio is the cost of everything after JSON.parse.
// The two run interleaved in one loop (see harness.interleave): the ratio is the figure to watch.
import { decodeLeftTicket } from '../lib/rail/left-ticket';
import { layoutProblem } from '../lib/rail/left-ticket/layout';
import { scanRow } from '../lib/rail/left-ticket/scan';
import { readSeats } from '../lib/rail/left-ticket/seat-cells';
import type { DecodeIssue } from '../lib/result';
import { buildLeftTicketBody, buildRailRow, generateTrains } from '../test/support/rail-rows';
import { interleave, us, type BenchSuite } from './harness';

const suite: BenchSuite = () => {
  const specs = generateTrains(500, { from: 'BJP', to: 'SHH', km: 1460 }, '2026-12-01', 11);
  const body = buildLeftTicketBody(specs.map((s) => buildRailRow(s, '2025')), { BJP: '北京', SHH: '上海' });
  const check = decodeLeftTicket(body);
  if (!check.ok || check.value.trains.length !== 500 || check.issues.length > 0) throw new Error('decode-rail bench: the generated body does not decode cleanly');
  const m = interleave(() => JSON.parse(body), () => decodeLeftTicket(body), 400, 3);
  // The floor under any decoder of this body: JSON.parse and finding every row's fields, nothing
  // read or checked. What the decoder costs above it is the reading, the checks that decide each
  // row's issues, and the trains it builds.
  const scanOnly = () => {
    const rows = (JSON.parse(body) as { data: { result: string[] } }).data.result;
    let fields = 0;
    for (const row of rows) fields += scanRow(row);
    return fields;
  };
  const floor = interleave(() => JSON.parse(body), scanOnly, 200, 3);
  // What a decoder that builds trains lazily still pays up front: the checks that decide whether a
  // row stands and which issues it has (layout anchors, seat codes, price groups, count cells) must
  // run during the decode, or a bad cell would surface only when someone reads the seats.
  const issues: DecodeIssue[] = [];
  const scanAndCheck = () => {
    const rows = (JSON.parse(body) as { data: { result: string[] } }).data.result;
    let bad = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const n = scanRow(row);
      if (layoutProblem(row, n) || readSeats(row, n, i, '', issues).damaged) bad++;
    }
    issues.length = 0;
    return bad;
  };
  const checks = interleave(() => JSON.parse(body), scanAndCheck, 200, 3);
  const AIM = 3;
  const meets = m.ratio <= AIM;
  return [
    { name: 'body', value: `${(body.length / 1024).toFixed(0)} KiB`, note: '500 rows, 58 fields' },
    { name: 'JSON.parse', value: us(m.baseUs), note: 'median, interleaved with the decoder' },
    { name: 'decodeLeftTicket', value: us(m.candUs), note: 'median, interleaved with JSON.parse' },
    { name: 'ratio (aim ≤ 3×)', value: `${m.ratio.toFixed(2)}×`, note: `median of ${m.rounds} per-round ratios; IQR ${m.q1.toFixed(2)}–${m.q3.toFixed(2)}` },
    {
      name: `meets ≤ ${AIM}×`,
      value: meets ? 'yes' : 'no',
      note: meets ? `decoder ${us(m.candUs)} ≤ ${AIM} × ${us(m.baseUs)}` : `${us(m.candUs - AIM * m.baseUs)} over ${AIM} × JSON.parse (${us(AIM * m.baseUs)})`,
    },
    { name: 'floor: parse + row scan', value: `${floor.ratio.toFixed(2)}×`, note: `the same ratio for JSON.parse and scanRow over every row alone; IQR ${floor.q1.toFixed(2)}–${floor.q3.toFixed(2)}` },
    { name: 'floor + eager row checks', value: `${checks.ratio.toFixed(2)}×`, note: `parse, scan, layout anchors and seat cells of every row, no train kept; IQR ${checks.q1.toFixed(2)}–${checks.q3.toFixed(2)}` },
  ];
};
export default suite;
