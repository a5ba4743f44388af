import { describe, expect, it } from 'vitest';
import { newFareWatch, watchSchema } from '../../../lib/watch/model';
import { exportWatches, importWatches } from '../../../lib/watch/transfer';
import { DATE, NOON, railWatch } from './support';

let i = 0;
const id = () => `imp${++i}`;

describe('export / import', () => {
  it('round-trips definitions into fresh watches, skipping duplicates', () => {
    const a = { ...railWatch({ trains: ['G1', 'G3'], classes: ['ze', 'zy'], seats: 2 }), seatsLeft: 9, history: [[NOON, 9]] as [number, number][] };
    const b = newFareWatch({ date: DATE, fromCity: 'BJS', toCity: 'SHA', maxFen: 50000 }, 'f', NOON);
    const json = exportWatches([a, b], NOON);
    const into = importWatches(json, [], NOON + 1, id);
    expect(into).toMatchObject({ added: 2, duplicates: 0, errors: [] });
    expect(into.watches[0]).toMatchObject({ kind: 'rail', trains: ['G1', 'G3'], classes: ['ze', 'zy'], seats: 2, history: [], seatsLeft: 0, origin: 'import' });
    expect(into.watches[1]).toMatchObject({ kind: 'fare', maxFen: 50000 });
    for (const w of into.watches) expect(watchSchema.safeParse(w).success).toBe(true);
    const again = importWatches(json, into.watches, NOON + 2, id);
    expect(again).toMatchObject({ added: 0, duplicates: 2 });
    expect(again.watches).toHaveLength(2);
  });

  it('reports what is wrong, entry by entry, and keeps the good ones', () => {
    const json = JSON.stringify({
      format: 'railair-watches',
      version: 1,
      watches: [
        { kind: 'rail', date: '2026-02-30', from: { telecode: 'BJP' }, to: { telecode: 'SHH' }, classes: ['ze'] },
        { kind: 'rail', date: DATE, from: { telecode: 'BJP' }, to: { telecode: 'SHH' }, classes: [] },
        { kind: 'rail', date: DATE, from: { telecode: 'BJP' }, to: { telecode: 'SHH' }, trains: ['g7'], classes: ['yw'] },
      ],
    });
    const r = importWatches(json, [], NOON, id);
    expect(r.added).toBe(1);
    expect(r.errors.map((e) => e.index)).toEqual([0, 1]);
    expect(r.errors[0]!.message).toContain('date');
    expect(r.watches[0]).toMatchObject({ trains: ['G7'], seats: 1 });
  });

  it('rejects files that are not JSON or not ours', () => {
    expect(importWatches('{', [], NOON, id).errors[0]!.message).toBe('not JSON');
    expect(importWatches('{"watches":[]}', [], NOON, id).errors[0]!.message).toContain('not a RailAir watch file');
  });
});
