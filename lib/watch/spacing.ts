// Polite spacing: a cycle's route queries are spread over the first half of the poll interval
// instead of leaving in one burst (20 routes within half a second looked like a scraper to 12306),
// a few seconds apart at most, with jitter so two cycles never keep the same rhythm.

/** The longest pause between two route queries of one cycle. */
export const MAX_GAP_MS = 4_000;

/** The pause before the next of `routes` queries of a cycle polled every `intervalSec`. */
export function gapMs(routes: number, intervalSec: number, rng: () => number): number {
  if (routes <= 1) return 0;
  const even = Math.min(MAX_GAP_MS, (intervalSec * 1000 * 0.5) / routes);
  // ±25 %: never the same rhythm twice.
  return Math.round(even * (0.75 + 0.5 * rng()));
}
