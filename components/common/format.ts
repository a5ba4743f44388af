// Small display helpers shared by the popup and the options page. China time throughout.
import type { Lang } from '../../lib/i18n';
import type { Availability, EpochMs } from '../../lib/model';
import { chinaHm } from '../../lib/time';

/** Chinese first, English second, for messages a user must understand whatever the setting. */
export const bi = (zh: string, en: string) => `${zh} · ${en}`;

/** "5 分钟前" / "5 min ago". */
export function formatAge(ms: number, lang: Lang): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 1) return lang === 'en' ? 'just now' : '刚刚';
  if (min < 60) return lang === 'en' ? `${min} min ago` : `${min} 分钟前`;
  const h = Math.round(min / 60);
  if (h < 48) return lang === 'en' ? `${h} h ago` : `${h} 小时前`;
  const d = Math.round(h / 24);
  return lang === 'en' ? `${d} days ago` : `${d} 天前`;
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

export function availabilityText(a: Availability, lang: Lang): string {
  switch (a.kind) {
    case 'count':
      return lang === 'en' ? `${a.n} left` : `${a.n}张`;
    case 'plenty':
      return lang === 'en' ? 'Available' : '有';
    case 'none':
      return lang === 'en' ? 'Sold out' : '无';
    case 'waitlist':
      return lang === 'en' ? 'Waitlist' : '候补';
    case 'not-on-sale':
      return lang === 'en' ? 'Not on sale' : '未开售';
  }
}

/** Seconds (or minutes) until an instant, for "retry in …". */
export function untilText(at: EpochMs, now: EpochMs, lang: Lang): string {
  const s = Math.max(0, Math.ceil((at - now) / 1000));
  if (s < 90) return lang === 'en' ? `${s} s` : `${s} 秒`;
  const m = Math.ceil(s / 60);
  return lang === 'en' ? `${m} min (at ${hm(at)})` : `${m} 分钟（${hm(at)}）`;
}
