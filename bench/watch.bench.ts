// Watch scheduler: one decision over 1,000 watches, and the queries one cycle sends for 200
// watches on 20 routes (batching: must be 20, one per (date, from, to)). Watch storage at 500
// watches × 300 history points: the watches tab's load and one cycle's bytes written.
import { measure, us, type BenchSuite } from './harness';
import { storageRows } from './watch-storage';
import type { ChinaDate } from '../lib/model';
import { chinaInstant } from '../lib/time';
import { newRailWatch, type WatchesDoc } from '../lib/watch/model';
import { decide, type SchedulerSettings } from '../lib/watch/scheduler';

const DATE = '2026-11-23' as ChinaDate;
const NOW = chinaInstant('2026-11-22' as ChinaDate, 10 * 60);
const SETTINGS: SchedulerSettings = { intervalSec: 60, quietStart: '23:00', quietEnd: '06:00', notify: true, language: 'zh-CN' };

function docOf(watches: number, routes: number): WatchesDoc {
  const list = [];
  for (let i = 0; i < watches; i++) {
    const r = i % routes;
    const from = `${String.fromCharCode(65 + (r % 26))}${String.fromCharCode(65 + Math.floor(r / 26) % 26)}P`;
    list.push(newRailWatch({ date: DATE, from: { telecode: from }, to: { telecode: 'SHH' }, trains: [`G${i}`], trainNos: [], classes: ['ze'], seats: 1 }, `w${i}`, NOW));
  }
  return { watches: list, routes: {} };
}

const suite: BenchSuite = async () => {
  const big = docOf(1000, 100);
  const t = measure(() => decide(big, NOW, SETTINGS, () => 0.5), 200, 20);
  const small = docOf(200, 20);
  const q = decide(small, NOW, SETTINGS, () => 0.5).actions.filter((a) => a.type === 'query').length;
  return [
    { name: 'decide, 1,000 watches / 100 routes (median)', value: us(t.medianUs), note: `p99 ${us(t.p99Us)}` },
    { name: 'queries per cycle, 200 watches / 20 routes', value: String(q), note: q === 20 ? 'one per route' : 'EXPECTED 20' },
    ...(await storageRows()),
  ];
};
export default suite;
