// Flight decoders against JSON.parse of the same bytes: a generated 200-flight day from the
// Taobao Open Platform (JSON; its flight_info_map is a JSON string decoded a second time) and
// from Fliggy's search JSONP (baseline: JSON.parse of the JSON inside the callback).
import { decodeFliggySearch } from '../lib/air/fliggy-search';
import { decodeTopSearch } from '../lib/air/top-search';
import { buildFliggyJsonp, buildTopSearchJson, generateFlights } from '../test/support/air-bodies';
import { type BenchRow, type BenchSuite, measure, ratio, us } from './harness';

const suite: BenchSuite = () => {
  const specs = generateFlights(200, 'BJS', 'SHA', '2026-11-23', 42);
  const top = buildTopSearchJson(specs);
  const jsonp = buildFliggyJsonp(specs, 'jsonp123');
  const inner = jsonp.slice(jsonp.indexOf('(') + 1, jsonp.lastIndexOf(')'));

  const check = (name: string, r: ReturnType<typeof decodeTopSearch>) => {
    if (!r.ok || r.value.flights.length !== 200) throw new Error(`${name}: bench input did not decode to 200 flights`);
  };
  check('TOP', decodeTopSearch(top));
  check('Fliggy', decodeFliggySearch(jsonp));

  const rows: BenchRow[] = [];
  const topBase = measure(() => JSON.parse(top));
  const topDec = measure(() => decodeTopSearch(top));
  rows.push(
    { name: `TOP JSON 200 flights (${(top.length / 1024).toFixed(0)} KB): JSON.parse`, value: us(topBase.medianUs), note: `p99 ${us(topBase.p99Us)}` },
    { name: 'TOP JSON 200 flights: decodeTopSearch', value: us(topDec.medianUs), note: `p99 ${us(topDec.p99Us)}` },
    { name: 'TOP JSON ratio decode / JSON.parse', value: ratio(topDec.medianUs, topBase.medianUs), note: 'includes the second parse of the *_map JSON strings' },
  );
  const flBase = measure(() => JSON.parse(inner));
  const flDec = measure(() => decodeFliggySearch(jsonp));
  rows.push(
    { name: `Fliggy JSONP 200 flights (${(jsonp.length / 1024).toFixed(0)} KB): JSON.parse`, value: us(flBase.medianUs), note: `p99 ${us(flBase.p99Us)}` },
    { name: 'Fliggy JSONP 200 flights: decodeFliggySearch', value: us(flDec.medianUs), note: `p99 ${us(flDec.p99Us)}` },
    { name: 'Fliggy JSONP ratio decode / JSON.parse', value: ratio(flDec.medianUs, flBase.medianUs) },
  );
  return rows;
};

export default suite;
