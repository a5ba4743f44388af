// The bounded seat history behind each watch's sparkline: a point when the count changes, else at
// most one per step, nothing older than the span, never more than MAX points.
import type { EpochMs } from '../model';
import { DAY_MS, MINUTE_MS } from '../time';
import type { HistoryPoint } from './model';

export const HISTORY_MAX = 300;
export const HISTORY_SPAN_MS = 3 * DAY_MS;
export const HISTORY_STEP_MS = 15 * MINUTE_MS;

export function pushHistory(h: readonly HistoryPoint[], t: EpochMs, n: number): HistoryPoint[] {
  const last = h[h.length - 1];
  if (last && last[1] === n && t - last[0] < HISTORY_STEP_MS) return h as HistoryPoint[];
  const kept = h.filter((p) => p[0] >= t - HISTORY_SPAN_MS && p[0] <= t);
  kept.push([t, n]);
  return kept.length > HISTORY_MAX ? kept.slice(kept.length - HISTORY_MAX) : kept;
}
