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

/** A row that has left already (greyed, listed last, ranked nowhere). */
export const DEPARTED: Bilingual = { zh: '已出发', en: 'Departed' };

/** Only the waiting list is open (候补): a state of its own, never a price to compare. */
export const WAITLIST: Bilingual = { zh: '候补', en: 'Waitlist' };

/** 12306 opens the sale later: shown instead of the seats. */
export const saleOpensText = (at: string): Bilingual => ({ zh: `${at} 开售`, en: `On sale at ${at}` });

/** The panel while the background reads captures and, when there are none, asks the live clients. */
export const LOOKING_UP: Record<'12306' | 'fliggy', Bilingual> = {
  '12306': { zh: '正在查询航班…', en: 'Looking up flights…' },
  fliggy: { zh: '正在查询火车…', en: 'Looking up trains…' },
};

/** The no-data face's retry, once a wait has run out (or at once, for other failures). */
export const RETRY: Bilingual = { zh: '重试', en: 'Retry' };

/** The challenge face's link to Fliggy's search page, where the user completes the verification. */
export const VERIFY_LINK: Bilingual = { zh: '在飞猪页面完成验证', en: 'Verify on Fliggy' };
