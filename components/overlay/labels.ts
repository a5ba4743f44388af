// Texts of the overlays, each in both languages.
import type { Top } from '../../lib/compare/rank';
import type { Bilingual } from '../../lib/i18n';

export const TOP_LABELS: Record<Top, Bilingual> = {
  cheapest: { zh: '最便宜', en: 'Cheapest' },
  fastest: { zh: '门到门最快', en: 'Fastest door to door' },
  earliest: { zh: '最早到达', en: 'Earliest arrival' },
  pareto: { zh: '性价比', en: 'Best trade-off' },
};

/** The bell's answer when the background does not take watches (not answering, or an older worker). */
export const WATCH_UNAVAILABLE: Bilingual = { zh: '提醒暂不可用', en: 'Watches are unavailable right now' };

/** Best within the list's own mode. */
export const BEST_LABELS: Record<'cheapest' | 'fastest', Bilingual> = {
  cheapest: { zh: '最便宜', en: 'Cheapest' },
  fastest: { zh: '门到门最快', en: 'Fastest door to door' },
};
