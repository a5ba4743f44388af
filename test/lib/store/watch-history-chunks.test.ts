import { describe, expect, it } from 'vitest';
import { CHUNK_POINTS, emptyHistory, historyOf, packPoints, phaseOf, planHistory, TAIL_POINTS, unpackPoints, type ChunkedHistory } from '../../../lib/store/watch-history-chunks';
import type { HistoryPoint } from '../../../lib/watch/model';

const pts = (from: number, n: number): HistoryPoint[] => Array.from({ length: n }, (_, i) => [(from + i) * 1000, (from + i) % 5]);
const empty: ChunkedHistory = emptyHistory();

describe('history chunks', () => {
  it('stores a history in chunks and reads it back', () => {
    const p = planHistory(empty, pts(0, 60));
    expect(p.write.map((c) => c.pts.length)).toEqual([CHUNK_POINTS, CHUNK_POINTS, 10]);
    expect(historyOf(p.next)).toEqual(pts(0, 60));
  });

  it('an added point goes to the tail and writes no chunk; the tail is folded into the newest chunk when its phase wraps', () => {
    const first = planHistory(empty, pts(0, 60)).next;
    expect(first.k).toBe(60 % TAIL_POINTS);
    const one = planHistory(first, pts(0, 61));
    expect(one.write).toEqual([]);
    expect(one.next.tail).toEqual(pts(60, 1));
    expect(historyOf(one.next)).toEqual(pts(0, 61));
    // 60 + 4 points: the phase wraps to 0 and the tail joins chunk 2 (10 + 4 points).
    let h = one.next;
    for (let n = 62; n < 64; n++) expect(planHistory(h, pts(0, n)).write).toEqual([]), (h = planHistory(h, pts(0, n)).next);
    const fold = planHistory(h, pts(0, 64));
    expect(fold.write).toEqual([{ n: 2, pts: pts(50, 14) }]);
    expect(fold.next.tail).toEqual([]);
    expect(historyOf(fold.next)).toEqual(pts(0, 64));
  });

  it('a tail that does not fit the newest chunk starts the next one', () => {
    const full = planHistory(empty, pts(0, 75)).next;
    let h = full;
    let writes: number[] = [];
    for (let n = 76; n <= 75 + TAIL_POINTS; n++) {
      const p = planHistory(h, pts(0, n));
      writes = writes.concat(p.write.map((c) => c.n));
      h = p.next;
    }
    // Chunk 2 is full: the tail becomes chunk 3 when the phase (75 points so far) wraps.
    const folded = TAIL_POINTS - (75 % TAIL_POINTS);
    expect(writes).toEqual([3]);
    expect(h.chunks.at(-1)).toEqual({ n: 3, pts: pts(75, folded) });
    expect(h.tail).toEqual(pts(75 + folded, TAIL_POINTS - folded));
    expect(historyOf(h)).toEqual(pts(0, 75 + TAIL_POINTS));
  });

  it('watches checked together fold a share at a time, never all in one check', () => {
    const slots = Array.from({ length: 500 }, (_, i) => `w${i.toString(36).padStart(4, '0')}`);
    let hs = slots.map((s) => planHistory(emptyHistory(phaseOf(s)), pts(0, 100)).next);
    for (let round = 1; round <= 3 * TAIL_POINTS; round++) {
      const plans = hs.map((h) => planHistory(h, pts(round, 100)));
      const folded = plans.filter((p) => p.write.length > 0).length;
      expect(folded).toBeGreaterThan(0);
      expect(folded).toBeLessThan(500 / TAIL_POINTS + 40);
      hs = plans.map((p) => p.next);
    }
    hs.forEach((h) => expect(h.tail.length).toBeLessThan(TAIL_POINTS));
  });

  it('a dropped head is skipped, not rewritten, and its chunk removed once wholly dropped', () => {
    const first = planHistory(empty, pts(0, 60)).next;
    const moved = planHistory(first, pts(1, 60));
    expect(moved.write).toEqual([]);
    expect(moved.next.skip).toBe(1);
    expect(historyOf(moved.next)).toEqual(pts(1, 60));
    const later = planHistory(moved.next, pts(25, 40));
    expect(later.remove).toEqual([0]);
    expect(historyOf(later.next)).toEqual(pts(25, 40));
  });

  it('an unchanged history writes nothing; one not grown from the old is rewritten whole', () => {
    const first = planHistory(empty, pts(0, 30)).next;
    expect(planHistory(first, pts(0, 30))).toEqual({ next: first, write: [], remove: [] });
    const other: HistoryPoint[] = [[5, 1], [6, 2]];
    const p = planHistory(first, other);
    expect(p.remove).toEqual([0, 1]);
    expect(p.write).toEqual([{ n: 2, pts: other }]);
    expect(historyOf(p.next)).toEqual(other);
    expect(historyOf(planHistory(first, []).next)).toEqual([]);
  });

  it('packs a chunk as gaps and reads both that and the older [[t, n], …] form', () => {
    const p: HistoryPoint[] = [[1795312800000, 3], [1795312861000, 0], [1795312922000, 7]];
    expect(packPoints(p)).toEqual([1795312800000, 3, 61000, 0, 61000, 7]);
    expect(unpackPoints(packPoints(p))).toEqual(p);
    expect(unpackPoints(p)).toEqual(p);
    const odd: HistoryPoint[] = [[1.5, 1], [2.25, 2]];
    expect(unpackPoints(packPoints(odd))).toEqual(odd);
    expect(unpackPoints({ no: 1 })).toBeUndefined();
    expect(unpackPoints([1, 2, 3])).toBeUndefined();
  });
});
