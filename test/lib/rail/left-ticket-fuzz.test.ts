// A damaged row never claims seats (issue 9). Rows from the project's own generator are mutated
// many times with a seeded PRNG — a field dropped, fields shifted left or right from an index,
// two cells swapped, U+FFFD or a BOM put into a code, a field doubled — and every seat a mutated
// row is decoded as having (a count or 有) must be what the unmutated row says for that class;
// otherwise the row must have been left out as unreadable. The decoder must never throw.
import { describe, expect, it } from 'vitest';
import type { Availability, RailOption } from '../../../lib/model';
import { decodeLeftTicket, decodeLeftTicketRow } from '../../../lib/rail/left-ticket';
import { buildLeftTicketBody, buildRailRow, generateTrains, rng, type RailLayout } from '../../support/rail-rows';
import { MAP } from './left-ticket-fixtures';

const DATE = '2026-12-01';
type Rand = () => number;
const pick = (r: Rand, n: number) => Math.floor(r() * n);

/** Field mutations, each on the fields of one row (in place). */
const MUTATIONS: Record<string, (f: string[], r: Rand) => void> = {
  drop: (f, r) => void f.splice(pick(r, f.length), 1),
  // Shifts keep the field count, as a lost or extra '|' inside one value would.
  shiftLeft: (f, r) => {
    f.splice(pick(r, f.length), 1);
    f.push('');
  },
  shiftRight: (f, r) => {
    f.splice(pick(r, f.length), 0, '');
    f.pop();
  },
  swap: (f, r) => {
    const a = pick(r, f.length);
    const b = pick(r, f.length);
    [f[a], f[b]] = [f[b]!, f[a]!];
  },
  garble: (f, r) => {
    const k = 2 + pick(r, 6); // train_no, code, the four telecodes
    const at = pick(r, f[k]!.length + 1);
    f[k] = f[k]!.slice(0, at) + (r() < 0.5 ? '\uFFFD' : '\uFEFF') + f[k]!.slice(at);
  },
  duplicate: (f, r) => {
    const k = pick(r, f.length);
    f.splice(k, 0, f[k]!);
  },
};

/**
 * 2018 rows carry no seat counts besides the cells (no price groups), so two count cells swapped
 * inside one row leave nothing to disagree: no decoder can see it. They are fuzzed with every
 * mutation that moves fields; 2025 and later rows, whose price groups count the seats, with all.
 */
const KINDS: Record<RailLayout, string[]> = {
  '2018': ['drop', 'shiftLeft', 'shiftRight', 'garble', 'duplicate'],
  '2025': Object.keys(MUTATIONS),
  future: Object.keys(MUTATIONS),
};

const claimOf = (a: Availability) => (a.kind === 'plenty' ? 'plenty' : a.kind === 'count' && a.n > 0 ? `count ${a.n}` : undefined);

/** Class → claim of every class the train says can be bought. */
function claims(t: RailOption): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of t.seats) {
    const c = claimOf(s.availability);
    if (c) m.set(s.cls, c);
  }
  return m;
}

function originals(layout: RailLayout, seed: number): { row: string; claims: Map<string, string> }[] {
  return generateTrains(40, { from: 'VNP', to: 'AOH', km: 1318 }, DATE, seed).map((spec) => {
    const row = buildRailRow(spec, layout);
    const d = decodeLeftTicketRow(row, 0, MAP, { date: DATE });
    if (!d.option || d.issues.length > 0) throw new Error(`generated row does not decode cleanly: ${spec.code}`);
    return { row, claims: claims(d.option) };
  });
}

interface Tally {
  rows: number;
  unreadable: number;
  /** Mutated rows still read with seats to buy. */
  kept: number;
  wrong: string[];
}

function fuzz(layout: RailLayout, rounds: number, seed: number): Tally {
  const r = rng(seed);
  const base = originals(layout, seed);
  const kinds = KINDS[layout];
  const tally: Tally = { rows: 0, unreadable: 0, kept: 0, wrong: [] };
  for (let n = 0; n < rounds; n++) {
    const o = base[n % base.length]!;
    const f = o.row.split('|');
    // One mutation, sometimes two: a drop and a doubling elsewhere put the later fields back.
    const times = layout === '2018' || r() < 0.75 ? 1 : 2;
    const did: string[] = [];
    for (let m = 0; m < times; m++) {
      const kind = kinds[pick(r, kinds.length)]!;
      MUTATIONS[kind]!(f, r);
      did.push(kind);
    }
    const row = f.join('|');
    tally.rows++;
    const d = decodeLeftTicketRow(row, 0, MAP, { date: DATE }); // no guard around it: a throw fails the test
    if (!d.option) {
      if (!d.issues.some((i) => i.code === 'row-bad-field' || i.code === 'row-short')) tally.wrong.push(`${did.join('+')}: left out without saying why`);
      tally.unreadable++;
      continue;
    }
    const t = d.option;
    if (claims(t).size > 0) tally.kept++;
    for (const [cls, claim] of claims(t)) {
      if (o.claims.get(cls) !== claim) tally.wrong.push(`${did.join('+')}: ${t.code} ${cls} ${claim}, was ${o.claims.get(cls) ?? 'not buyable'} in ${row.slice(row.indexOf('|'))}`);
    }
    if (t.hasSeats && claims(t).size === 0) tally.wrong.push(`${did.join('+')}: ${t.code} hasSeats with no class to buy`);
    if (t.cheapest && !claims(t).has(t.cheapest.cls)) tally.wrong.push(`${did.join('+')}: ${t.code} cheapest ${t.cheapest.cls} is not buyable`);
  }
  return tally;
}

describe('a damaged row never claims seats', () => {
  it.each([
    ['2025', 12_000, 1],
    ['future', 6_000, 2],
    ['2018', 6_000, 3],
  ] as const)('%s rows, %i mutations: every seat claimed is the original row\'s, or the row is unreadable', (layout, rounds, seed) => {
    const tally = fuzz(layout, rounds, seed);
    expect(tally.wrong.slice(0, 10)).toEqual([]);
    expect(tally.rows).toBe(rounds);
    // Both ways happen: rows refused, and rows whose mutation left the seats in place still read.
    expect(tally.unreadable).toBeGreaterThan(rounds * 0.05);
    expect(tally.kept).toBeGreaterThan(rounds * 0.01);
  });

  it('the whole-body decoder never throws on mutated rows and counts the unreadable ones as issues', () => {
    const r = rng(4);
    const rows = originals('2025', 4).map((o) => o.row);
    for (let n = 0; n < 50; n++) {
      const mutated = rows.map((row) => {
        const f = row.split('|');
        const kinds = KINDS['2025'];
        MUTATIONS[kinds[pick(r, kinds.length)]!]!(f, r);
        return f.join('|');
      });
      const res = decodeLeftTicket(buildLeftTicketBody(mutated, MAP), { date: DATE });
      expect(res.ok).toBe(true);
      if (!res.ok) continue;
      const left = new Set(res.issues.filter((i) => i.code === 'row-bad-field' || i.code === 'row-short').map((i) => i.row));
      expect(res.value.trains.length + left.size).toBeGreaterThanOrEqual(rows.length);
    }
  });
});
