// For a day 12306 does not sell yet: one click sets a sale-opening reminder (开售提醒) for the
// route — notified a few minutes before the from station opens the sale, then watched for seats
// on any train (lib/background/reminders.ts).
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/catalog';
import type { Place } from '../../lib/messages/search';
import type { ReminderMsgRes } from '../../lib/messages/reminder';
import type { ReminderReq } from '../../lib/reminders/model';
import type { SeatClassId } from '../../lib/model';
import { chinaHm, dateParts } from '../../lib/time';

/** The classes an "any train" reminder watches: every seat a traveller books (not 无座, not 其他). */
export const REMINDER_CLASSES: SeatClassId[] = ['swz', 'tz', 'zy', 'gg', 'ze', 'gr', 'rw', 'srrb', 'yw', 'rz', 'yz'];

type Outcome = ReminderMsgRes<'reminder.create'> | { ok: false; error: { code: 'failed'; message: { zh: string; en: string } } };

export function SaleReminder({ date, from, to, remind }: { date: string; from: Place; to: Place; remind: (req: ReminderReq) => Promise<ReminderMsgRes<'reminder.create'>> }) {
  const [state, setState] = useState<'idle' | 'busy' | Outcome>('idle');
  const click = async () => {
    setState('busy');
    try {
      setState(await remind({ date: date as ReminderReq['date'], from: { telecode: from.telecode, name: from.name }, to: { telecode: to.telecode, name: to.name }, trains: [], classes: REMINDER_CLASSES }));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      setState({ ok: false, error: { code: 'failed', message: { zh: why, en: why } } });
    }
  };
  if (state === 'idle' || state === 'busy')
    return (
      <p class="reminder">
        <button type="button" class="primary" disabled={state === 'busy'} onClick={() => void click()} data-testid="sale-reminder">
          {t('popup_reminder_set')}
        </button>
      </p>
    );
  if (!state.ok)
    return (
      <p class="reminder status" role="status" data-testid="sale-reminder-result">
        {state.error.code === 'on-sale' ? t('popup_reminder_on_sale') : state.error.code === 'full' ? t('popup_reminder_full') : t('popup_reminder_failed')}
      </p>
    );
  const [, m, d] = dateParts(state.opensDay);
  return (
    <p class="reminder hint" role="status" data-testid="sale-reminder-result">
      {state.opensAt !== undefined ? t('popup_reminder_done_at', m, d, chinaHm(state.remindAt)) : t('popup_reminder_done_day', m, d)}
    </p>
  );
}
