// decodeLeftTicket over whole responses against a reference made row by row with
// decodeLeftTicketRow: the same trains, the same issues in row order, and the same value after
// JSON and structured clone (what storage and runtime messages do to it), for every row layout,
// clean and with defects, with and without the query date. Any later change to how the rows are
// decoded (e.g. building parts of a train on first read) must keep these equal.
import { describe, expect, it } from 'vitest';
import type { ChinaDate, LeftTicketResult, RailOption } from '../../../lib/model';
import type { DecodeIssue } from '../../../lib/result';
import { decodeLeftTicket, decodeLeftTicketRow } from '../../../lib/rail/left-ticket';
import { buildLeftTicketBody, buildRailRow, generateTrains, type RailLayout } from '../../support/rail-rows';

const MAP = { BJP: '北京', SHH: '上海' };
const DATE: ChinaDate = '2026-12-01';

/** Rows with the defects the decoder reports: bad times, unknown codes, bad prices and cells, short rows… */
function mangle(rows: string[]): string[] {
  return rows.map((r, i) => {
    const f = r.split('|');
    if (i % 7 === 1) f[10] = 'xx:yy';
    if (i % 11 === 2) f[9] = '25:99';
    if (i % 13 === 3) f[35] = `${f[35]}Z`;
    if (i % 17 === 4 && f.length > 39) f[39] = 'garbage';
    if (i % 19 === 5) f[13] = '2026130';
    if (i % 23 === 6) f[30] = '？?';
    if (i % 29 === 7) f[1] = '列车停运';
    if (i % 31 === 8) f[11] = 'IS_TIME_NOT_BUY';
    if (i % 37 === 9) f[27] = '12';
    if (i % 41 === 10) return f.slice(0, 30).join('|');
    if (i % 43 === 11) return f.slice(0, 10).join('|');
    if (i % 47 === 12) f[3] = '';
    if (i % 53 === 13) f[8] = '7:00';
    return f.join('|');
  });
}

/** The reference: each row decoded and built on its own, issues in row order. */
function reference(rows: string[], date: ChinaDate): { value: LeftTicketResult; issues: DecodeIssue[] } {
  const trains: RailOption[] = [];
  const issues: DecodeIssue[] = [];
  const counts = new Set<number>();
  rows.forEach((row, i) => {
    const r = decodeLeftTicketRow(row, i, MAP, { date });
    counts.add(r.fieldCount);
    issues.push(...r.issues);
    if (r.option) trains.push(r.option);
  });
  return { value: { format: 'pipe', fieldCounts: [...counts].sort((a, b) => a - b), stationNames: MAP, trains, date }, issues };
}

const cases: [RailLayout, number, boolean, boolean][] = [];
for (const layout of ['2018', '2025', 'future'] as const)
  for (const seed of [3, 8]) for (const bad of [false, true]) for (const withDate of [false, true]) cases.push([layout, seed, bad, withDate]);

describe.each(cases)('%s rows, seed %i, mangled %s, query date given %s', (layout, seed, bad, withDate) => {
  const clean = generateTrains(80, { from: 'BJP', to: 'SHH', km: 1460 }, DATE, seed).map((s) => buildRailRow(s, layout));
  const rows = bad ? mangle(clean) : clean;
  const body = buildLeftTicketBody(rows, MAP);
  const ctx = withDate ? { date: DATE } : {};
  const ref = reference(rows, DATE);
  const fresh = () => {
    const r = decodeLeftTicket(body, ctx);
    if (!r.ok) throw new Error(r.error.message.en);
    return r;
  };

  it('reports the issues of every row, in row order', () => {
    const r = fresh();
    expect(r.issues).toEqual(ref.issues);
    if (bad) expect(r.issues.length).toBeGreaterThan(5);
  });

  it('serialises to exactly the reference JSON (same keys, same order)', () => {
    expect(JSON.stringify(fresh().value)).toBe(JSON.stringify(ref.value));
    expect(JSON.parse(JSON.stringify(fresh().value))).toEqual(JSON.parse(JSON.stringify(ref.value)));
  });

  it('structured-clones to the reference value', () => {
    const cloned = structuredClone(fresh().value);
    expect(cloned).toStrictEqual(structuredClone(ref.value));
    expect(Object.keys(cloned)).toEqual(Object.keys(ref.value));
  });

  it('reads as the reference value; trains is a plain data property', () => {
    const v = fresh().value;
    expect(v).toEqual(ref.value);
    expect(v.trains).toBe(v.trains);
    expect(Object.getOwnPropertyDescriptor(v, 'trains')).toMatchObject({ writable: true, enumerable: true, configurable: true });
  });
});

describe('the trains property', () => {
  const body = buildLeftTicketBody(generateTrains(5, { from: 'BJP', to: 'SHH' }, DATE, 1).map((s) => buildRailRow(s, '2025')), MAP);

  it('can be assigned like a plain property', () => {
    const r = decodeLeftTicket(body);
    if (!r.ok) throw new Error('expected ok');
    r.value.trains = [];
    expect(r.value.trains).toEqual([]);
    expect(JSON.parse(JSON.stringify(r.value)).trains).toEqual([]);
  });

  it('is one own enumerable key among the others, in the usual order', () => {
    const r = decodeLeftTicket(body);
    if (!r.ok) throw new Error('expected ok');
    expect(Object.keys(r.value)).toEqual(['format', 'fieldCounts', 'stationNames', 'trains', 'date']);
    expect({ ...r.value }.trains).toHaveLength(5);
  });

  it('is an empty array when no row makes a train', () => {
    const r = decodeLeftTicket(buildLeftTicketBody([], MAP));
    expect(r.ok && r.value.trains).toEqual([]);
  });
});
