// Station autocomplete per keystroke over the full 12306 list (../shared/fixtures/station_name.2026-03-03.js
// when present, else a generated list of the same size): median and p99 per keystroke.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StationRecord } from '../lib/model';
import { buildStationIndex, searchStations } from '../lib/rail/station-search';
import { decodeStationList } from '../lib/rail/stations';
import { generateStations } from '../test/support/rail-rows';
import { measure, us, type BenchRow, type BenchSuite } from './harness';

const FIXTURE = resolve(import.meta.dirname, '../../shared/fixtures/station_name.2026-03-03.js');

function stations(): { list: StationRecord[]; source: string } {
  if (existsSync(FIXTURE)) {
    const r = decodeStationList(readFileSync(FIXTURE, 'utf8'));
    if (r.ok) return { list: r.value.stations, source: 'station_name.2026-03-03.js' };
  }
  return { list: generateStations(3364), source: 'generated' };
}

/** Every prefix of `word`, as typed one keystroke at a time. */
const keystrokes = (word: string) => Array.from({ length: [...word].length }, (_, i) => [...word].slice(0, i + 1).join(''));

const suite: BenchSuite = () => {
  const { list, source } = stations();
  let index = buildStationIndex(list);
  const build = measure(() => {
    index = buildStationIndex(list);
  }, 20, 3);
  const rows: BenchRow[] = [
    { name: 'stations', value: String(list.length), note: source },
    { name: 'build index', value: us(build.medianUs), note: `p99 ${us(build.p99Us)}` },
  ];
  for (const word of ['beijingn', '上海', 'sh']) {
    const typed = keystrokes(word);
    let i = 0;
    // One keystroke per run, cycling through the prefixes.
    const t = measure(() => searchStations(index, typed[i++ % typed.length]!, 10), 2000, 200);
    rows.push({ name: `type "${word}" (${typed.length} keys)`, value: us(t.medianUs), note: `p99 ${us(t.p99Us)} per keystroke` });
  }
  return rows;
};
export default suite;
