// Small display helpers shared by the popup and the overlays, in the UI language (t()). China time throughout.
import type { Bilingual, Lang } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import type { Availability, EpochMs } from '../../lib/model';
import { chinaHm } from '../../lib/time';

/**
 * A message made here, already in the UI language, in the shape errors cross the transport in
 * ({zh, en}), so the faces can show it like any other error's words.
 */
export const local = (text: string): Bilingual => ({ zh: text, en: text });

/**
 * "5 分钟前" / "5 min ago". The words follow t(); `_lang` is still accepted from callers that
 * pass the language they render in (always the same one).
 */
export function formatAge(ms: number, _lang?: Lang): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 1) return t('common_age_just_now');
  if (min < 60) return t('common_age_min', min);
  const h = Math.round(min / 60);
  if (h < 48) return t('common_age_hours', h);
  return t('common_age_days', Math.round(h / 24));
}

/** "a、b、c" / "a, b, c" (or clauses: "a；b" / "a; b"), in the UI language's way of listing. */
export function joinList(items: readonly string[], how: 'list' | 'clauses' = 'list'): string {
  return items.length ? items.reduce((a, b) => t(how === 'list' ? 'common_list' : 'common_clauses', a, b)) : '';
}

/** "14:05" China time. */
export const hm = (t: EpochMs) => chinaHm(t);

/** How many seats an availability says, for colouring: plenty / few / none. */
export function seatLevel(a: Availability): 'plenty' | 'few' | 'none' {
  switch (a.kind) {
    case 'plenty':
      return 'plenty';
    case 'count':
      return a.n >= 10 ? 'plenty' : a.n > 0 ? 'few' : 'none';
    default:
      return 'none';
  }
}

/** "5张" / "5 left", "有" / "Available"… (`_lang` as in formatAge). */
export function availabilityText(a: Availability, _lang?: Lang): string {
  switch (a.kind) {
    case 'count':
      return t('common_seats_count', a.n);
    case 'plenty':
      return t('common_seats_plenty');
    case 'none':
      return t('common_seats_none');
    case 'waitlist':
      return t('common_seats_waitlist');
    case 'not-on-sale':
      return t('common_seats_not_on_sale');
  }
}
