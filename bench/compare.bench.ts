// Comparing a day of 500 trains with 200 flights (generated in the real wire formats): compare()
// alone, then as a ratio to decoding the two responses it works on (12306 left-ticket JSON and
// Fliggy JSONP), and end to end with place filtering.
import { decodeFliggySearch } from '../lib/air/fliggy-search';
import { compare, resolvePlace } from '../lib/compare';
import { decodeLeftTicket } from '../lib/rail/left-ticket';
import { buildFliggyJsonp, generateFlights } from '../test/support/air-bodies';
import { buildLeftTicketBody, buildRailRow, generateTrains } from '../test/support/rail-rows';
import { type BenchRow, type BenchSuite, measure, ratio, us } from './harness';

const suite: BenchSuite = () => {
  const date = '2026-11-23';
  const railText = buildLeftTicketBody(
    generateTrains(500, { from: 'VNP', to: 'AOH' }, date, 42).map((s) => buildRailRow(s, '2025')),
    { VNP: '北京南', AOH: '上海虹桥' },
  );
  const airText = buildFliggyJsonp(generateFlights(200, 'BJS', 'SHA', date, 42));

  const decodeBoth = () => {
    const rail = decodeLeftTicket(railText);
    const air = decodeFliggySearch(airText);
    if (!rail.ok || !air.ok) throw new Error('bench input did not decode');
    return { rail: rail.value, air: air.value };
  };
  const { rail, air } = decodeBoth();
  if (rail.trains.length !== 500 || air.flights.length !== 200) throw new Error('bench input: expected 500 trains and 200 flights');
  const now = Date.now();
  const input = { rail: { result: rail, fetchedAt: now }, air: { result: air, fetchedAt: now }, now };
  const from = resolvePlace({ cityCode: 'BJS' });
  const to = resolvePlace({ cityCode: 'SHA' });
  if (!from.ok || !to.ok) throw new Error('bench places');
  const withPlaces = { ...input, from: from.value, to: to.value };
  const check = compare(withPlaces);
  if (!check.ok || check.value.options.length !== 700) throw new Error('bench: compare did not keep 700 options');

  const dec = measure(decodeBoth, 50, 5);
  const cmp = measure(() => compare(input), 100, 10);
  const cmpPlaces = measure(() => compare(withPlaces), 100, 10);
  const rows: BenchRow[] = [
    { name: 'decode 500 trains + 200 flights', value: us(dec.medianUs), note: `p99 ${us(dec.p99Us)}` },
    { name: 'compare 500 trains × 200 flights', value: us(cmp.medianUs), note: `p99 ${us(cmp.p99Us)}` },
    { name: 'compare, filtered to BJS → SHA places', value: us(cmpPlaces.medianUs), note: `p99 ${us(cmpPlaces.p99Us)}` },
    { name: 'ratio compare / decoding them', value: ratio(cmp.medianUs, dec.medianUs) },
  ];
  return rows;
};

export default suite;
