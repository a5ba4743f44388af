// The search form: from, swap, to, date (today to the end of the 15-day presale, China time),
// student tickets, search. Enter anywhere outside an open suggestion list searches.
import { t } from '../../lib/i18n/catalog';
import type { ChinaDate } from '../../lib/model';
import type { Place } from '../../lib/messages/search';
import { addDays, chinaDateOf } from '../../lib/time';
import type { StationChoice } from './api';
import { StationInput } from './StationInput';

export const PRESALE_DAYS = 15;

export interface FormState {
  from: Place | null;
  to: Place | null;
  date: ChinaDate;
  student: boolean;
}

/** The dates 12306 sells: today .. today + 14, China time. */
export function bookableDates(now: number): ChinaDate[] {
  const today = chinaDateOf(now);
  return Array.from({ length: PRESALE_DAYS }, (_, i) => addDays(today, i));
}

/** "3月4日 周三（今天）" / "3-4 Wed (today)". */
function dateLabel(d: ChinaDate, i: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, day)).getUTCDay();
  const label = t('popup_date_label', m, day, t('popup_weekdays').split(' ')[wd] ?? '');
  return i === 0 ? t('popup_date_today', label) : i === 1 ? t('popup_date_tomorrow', label) : label;
}

export function SearchForm({
  state,
  onChange,
  onSubmit,
  search,
  now,
  busy,
}: {
  state: FormState;
  onChange: (s: FormState) => void;
  onSubmit: () => void;
  search: (q: string) => Promise<StationChoice[]>;
  now: number;
  busy: boolean;
}) {
  const dates = bookableDates(now);
  const ready = !!state.from && !!state.to && state.from.telecode !== state.to.telecode;
  return (
    <form
      class="search-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onSubmit();
      }}
    >
      <StationInput id="from" label={t('popup_from')} value={state.from} onChange={(from) => onChange({ ...state, from })} search={search} />
      <button
        type="button"
        class="swap"
        aria-label={t('popup_swap_label')}
        title={t('popup_swap')}
        onClick={() => onChange({ ...state, from: state.to, to: state.from })}
      >
        ⇄
      </button>
      <StationInput id="to" label={t('popup_to')} value={state.to} onChange={(to) => onChange({ ...state, to })} search={search} />
      <div class="field">
        <label for="date">{t('popup_date')}</label>
        <select id="date" value={state.date} onChange={(e) => onChange({ ...state, date: (e.currentTarget as HTMLSelectElement).value as ChinaDate })}>
          {dates.map((d, i) => (
            <option key={d} value={d}>
              {dateLabel(d, i)}
            </option>
          ))}
        </select>
      </div>
      <label class="check">
        <input type="checkbox" id="student" checked={state.student} onChange={(e) => onChange({ ...state, student: (e.currentTarget as HTMLInputElement).checked })} />
        {t('popup_student')}
      </label>
      <button type="submit" class="go" disabled={!ready || busy}>
        {t('popup_search')}
      </button>
    </form>
  );
}
