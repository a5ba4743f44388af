// What a notification says and where its button leads: 12306's own search page for the watch's
// route and date, where the user buys. The words come from the UI catalog (t()), so the caller
// makes `lang` the context's language first (startLanguage); `lang` picks the data's own names.
import type { ChinaDate, Station } from '../model';
import { formatYuan, type Lang } from '../i18n';
import { t } from '../i18n/catalog';
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

function seatsText(s: Sighting): string {
  if (s.n === null) return t('notify_seatsAvailable');
  return t(s.n === 1 ? 'notify_seatLeft' : 'notify_seatsLeft', s.n);
}

function line(lang: Lang, s: Sighting): string {
  const cls = lang === 'en' ? s.nameEn : s.name;
  const price = s.price !== undefined ? ` ${formatYuan(s.price)}` : '';
  const at = s.depart !== undefined ? ` ${chinaHm(s.depart)}` : '';
  return `${s.code}${at} ${cls} ${seatsText(s)}${price}`;
}

/** One notification per watch and cycle, naming the first new train × class and counting the rest. */
export function railNotification(w: RailWatch, fresh: readonly Sighting[], lang: Lang): WatchNotification {
  const first = fresh[0]!;
  const route = `${w.from.name ?? w.from.telecode} → ${w.to.name ?? w.to.telecode} ${w.date}`;
  const lines = fresh.slice(0, 3).map((s) => line(lang, s));
  if (fresh.length > 3) lines.push(t('notify_more', fresh.length - 3));
  const cls = lang === 'en' ? first.nameEn : first.name;
  return {
    title: fresh.length > 1 ? t('notify_railTitleMany', first.code, cls, fresh.length) : t('notify_railTitle', first.code, cls),
    message: `${lines.join('\n')}\n${route}`,
    url: searchUrl(w.date, w.from, w.to),
    buttonTitle: t('notify_openRail'),
  };
}

/** Fliggy's search page for a city pair and date. */
export function fliggyUrl(w: Pick<FareWatch, 'date' | 'fromCity' | 'toCity'>): string {
  return fliggySearchPageUrl({ date: w.date, depCity: w.fromCity, arrCity: w.toCity });
}

/** `_lang` is the language the caller started (the fare's words carry no names of their own). */
export function fareNotification(w: FareWatch, low: { fen: number; includesTaxes: boolean; flightNo?: string }, _lang: Lang): WatchNotification {
  const route = `${w.fromCity} → ${w.toCity} ${w.date}`;
  const price = formatYuan(low.fen);
  // Say what the price holds: the traveller compares it with what the booking page will ask.
  const taxes = t(low.includesTaxes ? 'notify_inclTaxes' : 'notify_exclTaxes');
  const flight = low.flightNo;
  const limit = formatYuan(w.maxFen);
  return {
    title: t('notify_fareTitle', price, taxes),
    message: flight ? t('notify_fareMessageFlight', route, price, taxes, limit, flight) : t('notify_fareMessage', route, price, taxes, limit),
    url: fliggyUrl(w),
    buttonTitle: t('notify_openFliggy'),
  };
}
