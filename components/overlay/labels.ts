// Texts of the overlays, Chinese first and English second.
import type { Top } from '../../lib/compare/rank';

export const TOP_LABELS: Record<Top, [string, string]> = {
  cheapest: ['最便宜', 'Cheapest'],
  fastest: ['门到门最快', 'Fastest door to door'],
  earliest: ['最早到达', 'Earliest arrival'],
  pareto: ['性价比', 'Best trade-off'],
};

export const WATCH_SOON: [string, string] = ['提醒功能即将推出', 'Watches coming soon'];

/** Best within the list's own mode. */
export const BEST_LABELS: Record<'cheapest' | 'fastest', [string, string]> = {
  cheapest: ['最便宜', 'Cheapest'],
  fastest: ['门到门最快', 'Fastest door to door'],
};
