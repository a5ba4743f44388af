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
import { withFocus } from '../sites/focus';
import { byPreference } from './best';
import { dayOf } from './dates';

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

/** "11-24 " before a train on a neighbouring day; nothing on the chosen day. */
function dayPrefix(w: RailWatch, s: Sighting): string {
  const d = dayOf(w, s);
  return d === w.date ? '' : `${d.slice(5)} `;
}

function line(w: RailWatch, lang: Lang, s: Sighting, state: string): string {
  const cls = lang === 'en' ? s.nameEn : s.name;
  const price = s.price !== undefined ? ` ${formatYuan(s.price)}` : '';
  const at = s.depart !== undefined ? ` ${chinaHm(s.depart)}` : '';
  return `${dayPrefix(w, s)}${s.code}${at} ${cls} ${state}${price}`;
}

/** 12306's search for the sighting's day with its train named: the page scrolls to it (the popup's links do the same). */
export function sightingUrl(w: RailWatch, s: Sighting): string {
  return withFocus(searchUrl(dayOf(w, s), w.from, w.to), s.code);
}

interface Alert {
  first: Sighting;
  /** The best match's train (with its day when it is a neighbouring one) and class, for the title. */
  train: string;
  cls: string;
  lines: string[];
  route: string;
}

function alertOf(w: RailWatch, list: readonly Sighting[], lang: Lang, state: (s: Sighting) => string): Alert {
  const ranked = byPreference(w, list);
  const first = ranked[0]!;
  const lines = ranked.slice(0, 3).map((s) => line(w, lang, s, state(s)));
  if (ranked.length > 3) lines.push(t('notify_more', ranked.length - 3));
  const route = `${w.from.name ?? w.from.telecode} → ${w.to.name ?? w.to.telecode} ${dayOf(w, first)}`;
  return { first, train: `${dayPrefix(w, first)}${first.code}`, cls: lang === 'en' ? first.nameEn : first.name, lines, route };
}

/** One notification per watch and answer, naming the best new match (lib/watch/best.ts) and counting the rest. */
export function railNotification(w: RailWatch, fresh: readonly Sighting[], lang: Lang): WatchNotification {
  const { first, train, cls, lines, route } = alertOf(w, fresh, lang, seatsText);
  return {
    title: fresh.length > 1 ? t('notify_railTitleMany', train, cls, fresh.length) : t('notify_railTitle', train, cls),
    message: `${lines.join('\n')}\n${route}`,
    url: sightingUrl(w, first),
    buttonTitle: t('notify_openRail'),
  };
}

/** No wanted class has seats, but the waiting list (候补) opened: where to join it. */
export function waitlistNotification(w: RailWatch, fresh: readonly Sighting[], lang: Lang): WatchNotification {
  const { first, train, cls, lines, route } = alertOf(w, fresh, lang, () => t('notify_waitlistOpen'));
  return {
    title: t('notify_waitlistTitle', train, cls),
    message: `${lines.join('\n')}\n${route}`,
    url: sightingUrl(w, first),
    buttonTitle: t('notify_joinWaitlist'),
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
