// The words for a watch's state and times, in the UI language.
import { formatYuan, pick, type Lang } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import { joinList } from '../common/format';
import type { EpochMs } from '../../lib/model';
import { chinaDateOf, chinaHm } from '../../lib/time';
import { CLASS_NAMES, type Sighting, type Watch } from '../../lib/watch/model';
import type { WatchStatus } from '../../lib/watch/view';

/** "14:05" today, "11-23 14:05" another day (China time). */
export function when(t: EpochMs, now: EpochMs): string {
  return chinaDateOf(t) === chinaDateOf(now) ? chinaHm(t) : `${chinaDateOf(t).slice(5)} ${chinaHm(t)}`;
}

export function statusText(lang: Lang, s: WatchStatus, now: EpochMs): string {
  switch (s.kind) {
    case 'seats':
      return t('watch_status_seats');
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

export function sightingText(lang: Lang, s: Sighting): string {
  const seats = s.n === null ? t('watch_seats_plenty') : t('common_seats_count', s.n);
  return `${s.code} ${pick(lang, { zh: s.name, en: s.nameEn })} ${seats}${s.price !== undefined ? ` ${formatYuan(s.price)}` : ''}`;
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
  const classes = joinList(w.classes.map((c) => pick(lang, CLASS_NAMES[c])));
  const what = `${trains} · ${classes}`;
  return w.seats > 1 ? t('watch_what_seats', what, w.seats) : what;
}

export function routeText(w: Watch): string {
  return w.kind === 'rail'
    ? `${w.from.name ?? w.from.telecode} → ${w.to.name ?? w.to.telecode} · ${w.date}`
    : `${w.fromCity} → ${w.toCity} · ${w.date}`;
}
