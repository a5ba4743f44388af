// The words for a watch's state and times, in the UI language.
import { formatYuan, pick, type Lang } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import type { EpochMs } from '../../lib/model';
import { chinaDateOf, chinaHm } from '../../lib/time';
import { CLASS_NAMES, type RailWatch, type Sighting, type Watch } from '../../lib/watch/model';
import type { WatchStatus } from '../../lib/watch/view';

/** "14:05" today, "11-23 14:05" another day (China time). */
export function when(t: EpochMs, now: EpochMs): string {
  return chinaDateOf(t) === chinaDateOf(now) ? chinaHm(t) : `${chinaDateOf(t).slice(5)} ${chinaHm(t)}`;
}

export function statusText(lang: Lang, s: WatchStatus, now: EpochMs): string {
  switch (s.kind) {
    case 'seats':
      return t('watch_status_seats');
    case 'waitlist':
      return t('watch_status_waitlist');
    case 'watching':
      return s.nextCheckAt !== undefined && s.nextCheckAt > now
        ? t('watch_status_watching_next', when(s.nextCheckAt, now))
        : t('watch_status_watching');
    case 'expired':
      return s.reason === 'departed' ? t('watch_status_expired_departed') : t('watch_status_expired_date');
    case 'paused-user':
      return t('watch_status_paused');
    case 'paused-quiet':
      return t('watch_status_quiet', when(s.until, now));
    case 'paused-backoff':
      return t('watch_status_backoff', pick(lang, s.message), when(s.until, now));
    case 'error':
      return t('watch_status_error', pick(lang, s.message));
  }
}

/** "G101 二等座 5张 ¥553"; a train on a neighbouring day of the watch's is led by its day ("11-24 G101 …"). */
export function sightingText(lang: Lang, s: Sighting, w?: Pick<RailWatch, 'date'>): string {
  const seats = s.n === null ? t('watch_seats_plenty') : t('common_seats_count', s.n);
  return `${dayLead(s, w)}${s.code} ${pick(lang, { zh: s.name, en: s.nameEn })} ${seats}${s.price !== undefined ? ` ${formatYuan(s.price)}` : ''}`;
}

/** "G101 二等座 可候补". */
export function waitlistText(lang: Lang, s: Sighting, w?: Pick<RailWatch, 'date'>): string {
  return `${dayLead(s, w)}${s.code} ${pick(lang, { zh: s.name, en: s.nameEn })} ${t('watch_waitlist_open')}`;
}

function dayLead(s: Sighting, w?: Pick<RailWatch, 'date'>): string {
  return s.date && w && s.date !== w.date ? `${s.date.slice(5)} ` : '';
}

export function whatText(lang: Lang, w: Watch): string {
  if (w.kind === 'fare') return t('watch_what_fare', formatYuan(w.maxFen));
  const trains = w.trains.length
    ? w.trains.join(' ')
    : [
        w.filter?.types?.length ? w.filter.types.join('/') : t('watch_any_train'),
        w.filter?.departFrom || w.filter?.departTo ? `${w.filter.departFrom ?? '00:00'}–${w.filter.departTo ?? '24:00'}` : '',
      ]
        .filter(Boolean)
        .join(' ');
  const classes = w.classes.map((c) => pick(lang, CLASS_NAMES[c])).join(' > ');
  // Classes read as the preference they are: 二等座 > 一等座.
  const what = `${trains} · ${classes}${w.flexDays ? ` · ${t('watch_what_flex')}` : ''}`;
  return w.seats > 1 ? t('watch_what_seats', what, w.seats) : what;
}

export function routeText(w: Watch): string {
  return w.kind === 'rail'
    ? `${w.from.name ?? w.from.telecode} → ${w.to.name ?? w.to.telecode} · ${w.date}`
    : `${w.fromCity} → ${w.toCity} · ${w.date}`;
}
