import { describe, expect, it } from 'vitest';
import { CHUNK_POINTS, historyOf, planHistory, type ChunkedHistory } from '../../../lib/store/watch-history-chunks';
import type { HistoryPoint } from '../../../lib/watch/model';

const pts = (from: number, n: number): HistoryPoint[] => Array.from({ length: n }, (_, i) => [(from + i) * 1000, (from + i) % 5]);
const empty: ChunkedHistory = { chunks: [], skip: 0 };

describe('history chunks', () => {
  it('stores a history in chunks and reads it back', () => {
    const p = planHistory(empty, pts(0, 60));
    expect(p.write.map((c) => c.pts.length)).toEqual([CHUNK_POINTS, CHUNK_POINTS, 10]);
    expect(historyOf(p.next)).toEqual(pts(0, 60));
  });

  it('an added point rewrites only the newest chunk; a full one starts the next', () => {
    const first = planHistory(empty, pts(0, 60)).next;
    const one = planHistory(first, pts(0, 61));
    expect(one.write).toEqual([{ n: 2, pts: pts(50, 11) }]);
    expect(one.remove).toEqual([]);
    const full = planHistory(first, pts(0, 75));
    const next = planHistory(full.next, pts(0, 76));
    expect(next.write).toEqual([{ n: 3, pts: pts(75, 1) }]);
    expect(historyOf(next.next)).toEqual(pts(0, 76));
  });

  it('a dropped head is skipped, not rewritten, and its chunk removed once wholly dropped', () => {
    const first = planHistory(empty, pts(0, 60)).next;
    const moved = planHistory(first, pts(1, 60));
    expect(moved.write.map((c) => c.n)).toEqual([2]);
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
});
