// The words for a watch's state and times, zh-CN first, English second.
import { formatYuan, pick, tr, type Lang } from '../../lib/i18n';
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
      return tr(lang, '有票', 'Seats now');
    case 'watching':
      return s.nextCheckAt !== undefined && s.nextCheckAt > now
        ? tr(lang, `监控中 · 下次 ${when(s.nextCheckAt, now)}`, `Watching · next check ${when(s.nextCheckAt, now)}`)
        : tr(lang, '监控中', 'Watching');
    case 'expired':
      return s.reason === 'departed' ? tr(lang, '已过期（列车已发车）', 'Expired (train departed)') : tr(lang, '已过期（日期已过）', 'Expired (date passed)');
    case 'paused-user':
      return tr(lang, '已暂停', 'Paused');
    case 'paused-quiet':
      return tr(lang, `安静时段，${when(s.until, now)} 恢复`, `Quiet hours until ${when(s.until, now)}`);
    case 'paused-backoff':
      return tr(lang, `${s.message.zh}，${when(s.until, now)} 前暂停`, `${s.message.en}; paused until ${when(s.until, now)}`);
    case 'error':
      return tr(lang, `查询出错：${s.message.zh}`, `Check failed: ${s.message.en}`);
  }
}

export function sightingText(lang: Lang, s: Sighting): string {
  const seats = s.n === null ? tr(lang, '有', 'plenty') : tr(lang, `${s.n}张`, `${s.n} left`);
  return `${s.code} ${tr(lang, s.name, s.nameEn)} ${seats}${s.price !== undefined ? ` ${formatYuan(s.price)}` : ''}`;
}

export function whatText(lang: Lang, w: Watch): string {
  if (w.kind === 'fare') return tr(lang, `机票 ≤ ${formatYuan(w.maxFen)}（含税费）`, `Flights ≤ ${formatYuan(w.maxFen)} (taxes in)`);
  const trains = w.trains.length
    ? w.trains.join(' ')
    : [
        w.filter?.types?.length ? w.filter.types.join('/') : tr(lang, '任意车次', 'any train'),
        w.filter?.departFrom || w.filter?.departTo ? `${w.filter.departFrom ?? '00:00'}–${w.filter.departTo ?? '24:00'}` : '',
      ]
        .filter(Boolean)
        .join(' ');
  const classes = w.classes.map((c) => pick(lang, CLASS_NAMES[c])).join(tr(lang, '、', ', '));
  const seats = w.seats > 1 ? tr(lang, ` · ${w.seats}张`, ` · ${w.seats} seats`) : '';
  return `${trains} · ${classes}${seats}`;
}

export function routeText(w: Watch): string {
  return w.kind === 'rail'
    ? `${w.from.name ?? w.from.telecode} → ${w.to.name ?? w.to.telecode} · ${w.date}`
    : `${w.fromCity} → ${w.toCity} · ${w.date}`;
}
