// What a notification says (zh-CN or en) and where its button leads: 12306's own search page for
// the watch's route and date, where the user buys.
import type { ChinaDate, Station } from '../model';
import { formatYuan, tr, type Lang } from '../i18n';
import { chinaHm } from '../time';
import type { FareWatch, RailWatch, Sighting } from './model';
import { searchPageUrl } from '../sites/12306-page';
import { searchPageUrl as fliggySearchPageUrl } from '../sites/fliggy-page';

export interface WatchNotification {
  title: string;
  message: string;
  /** Opened by the notification's button (and by a click on it). */
  url: string;
  buttonTitle: string;
}

/** 12306's search page for the watched route, opened by the notification. */
export function searchUrl(date: ChinaDate, from: Station, to: Station): string {
  return searchPageUrl({ date, from, to });
}

function seatsText(lang: Lang, s: Sighting): string {
  if (s.n === null) return tr(lang, '有票', 'seats available');
  return tr(lang, `余${s.n}张`, `${s.n} ${s.n === 1 ? 'seat' : 'seats'} left`);
}

function line(lang: Lang, s: Sighting): string {
  const cls = tr(lang, s.name, s.nameEn);
  const price = s.price !== undefined ? ` ${formatYuan(s.price)}` : '';
  const at = s.depart !== undefined ? ` ${chinaHm(s.depart)}` : '';
  return `${s.code}${at} ${cls} ${seatsText(lang, s)}${price}`;
}

/** One notification per watch and cycle, naming the first new train × class and counting the rest. */
export function railNotification(w: RailWatch, fresh: readonly Sighting[], lang: Lang): WatchNotification {
  const first = fresh[0]!;
  const route = `${w.from.name ?? w.from.telecode} → ${w.to.name ?? w.to.telecode} ${w.date}`;
  const more = fresh.length - 1;
  const lines = fresh.slice(0, 3).map((s) => line(lang, s));
  if (fresh.length > 3) lines.push(tr(lang, `另有 ${fresh.length - 3} 项`, `and ${fresh.length - 3} more`));
  return {
    title: tr(
      lang,
      `有票了：${first.code} ${first.name}${more > 0 ? ` 等${fresh.length}项` : ''}`,
      `Seats on ${first.code}, ${first.nameEn}${more > 0 ? ` (+${more})` : ''}`,
    ),
    message: `${lines.join('\n')}\n${route}`,
    url: searchUrl(w.date, w.from, w.to),
    buttonTitle: tr(lang, '打开 12306 购票', 'Open 12306 to buy'),
  };
}

/** Fliggy's search page for a city pair and date. */
export function fliggyUrl(w: Pick<FareWatch, 'date' | 'fromCity' | 'toCity'>): string {
  return fliggySearchPageUrl({ date: w.date, depCity: w.fromCity, arrCity: w.toCity });
}

export function fareNotification(w: FareWatch, low: { fen: number; includesTaxes: boolean; flightNo?: string }, lang: Lang): WatchNotification {
  const route = `${w.fromCity} → ${w.toCity} ${w.date}`;
  const price = formatYuan(low.fen);
  // Say what the price holds: the traveller compares it with what the booking page will ask.
  const taxes = low.includesTaxes ? { zh: '含税费', en: 'incl. taxes' } : { zh: '未含税费', en: 'excl. taxes' };
  const flight = low.flightNo;
  return {
    title: tr(lang, `机票降价：${price}（${taxes.zh}）`, `Fare down to ${price} (${taxes.en})`),
    message: tr(
      lang,
      `${route} 最低价 ${price}（${taxes.zh}${flight ? `，${flight}` : ''}），低于你设的 ${formatYuan(w.maxFen)}`,
      `${route}: lowest fare ${price} (${taxes.en}${flight ? `, ${flight}` : ''}), at or below your ${formatYuan(w.maxFen)}`,
    ),
    url: fliggyUrl(w),
    buttonTitle: tr(lang, '打开飞猪', 'Open Fliggy'),
  };
}
