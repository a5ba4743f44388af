// Texts of the overlays, each in both languages.
import type { Top } from '../../lib/compare/rank';
import type { Bilingual } from '../../lib/i18n';

export const TOP_LABELS: Record<Top, Bilingual> = {
  cheapest: { zh: '最便宜', en: 'Cheapest' },
  fastest: { zh: '门到门最快', en: 'Fastest door to door' },
  earliest: { zh: '最早到达', en: 'Earliest arrival' },
  pareto: { zh: '性价比', en: 'Best trade-off' },
};

export const WATCH_SOON: Bilingual = { zh: '提醒功能即将推出', en: 'Watches coming soon' };

/** Best within the list's own mode. */
export const BEST_LABELS: Record<'cheapest' | 'fastest', Bilingual> = {
  cheapest: { zh: '最便宜', en: 'Cheapest' },
  fastest: { zh: '门到门最快', en: 'Fastest door to door' },
};
