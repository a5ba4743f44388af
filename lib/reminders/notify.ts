// What a sale-opening reminder says, in the UI language (the worker starts it before calling).
import type { EpochMs } from '../model';
import { t } from '../i18n/catalog';
import { searchPageUrl } from '../sites/12306-page';
import { chinaHm, dateParts } from '../time';
import type { Reminder } from './model';

export interface ReminderNotification {
  title: string;
  body: string;
  /** 12306's search for the trip: where the user buys once the sale is open. */
  url: string;
}

/** 12306's search for the reminder's trip (rebuilt from the stored reminder when its notification is clicked). */
export function reminderUrl(r: Pick<Reminder, 'date' | 'from' | 'to'>): string {
  return searchPageUrl({ date: r.date, from: r.from, to: r.to });
}

export function reminderNotification(r: Reminder, kind: 'soon' | 'open', opensAt: EpochMs): ReminderNotification {
  const route = `${r.from.name ?? r.from.telecode} → ${r.to.name ?? r.to.telecode}`;
  const [, m, d] = dateParts(r.date);
  const trains = r.trains.length ? r.trains.join(' ') : t('reminder_any_train');
  const time = r.opensAt !== undefined ? chinaHm(opensAt) : t('reminder_time_unknown');
  return {
    title: kind === 'soon' ? t('reminder_soon_title', time) : t('reminder_open_title'),
    body: kind === 'soon' ? t('reminder_soon_body', route, `${m}/${d}`, trains) : t('reminder_open_body', route, `${m}/${d}`, trains),
    url: reminderUrl(r),
  };
}
