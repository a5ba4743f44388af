// The search form: from, swap, to, date (60 days from today, China time: flights sell far ahead;
// days past 12306's 15-day presale say when the trains go on sale), student tickets, search.
// Enter anywhere outside an open suggestion list searches. A search that cannot be answered gets
// a sentence saying why (lib/search/problems.ts) instead of a grey button.
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/catalog';
import type { ChinaDate } from '../../lib/model';
import type { Place } from '../../lib/messages/search';
import { lastOnSale, saleDayOf } from '../../lib/rail/presale';
import { searchDates, searchProblem } from '../../lib/search/problems';
import { dateParts } from '../../lib/time';
import type { StationChoice } from './api';
import { SearchProblemNote } from './SearchProblem';
import { StationInput } from './StationInput';

export interface FormState {
  from: Place | null;
  to: Place | null;
  date: ChinaDate;
  student: boolean;
}

/** "3月4日 周三（今天）" / "3-4 Wed (today)"; past the presale, "… · 火车3月6日开售". */
function dateLabel(d: ChinaDate, i: number, lastRail: ChinaDate): string {
  const [y, m, day] = dateParts(d);
  const wd = new Date(Date.UTC(y, m - 1, day)).getUTCDay();
  const label = t('popup_date_label', m, day, t('popup_weekdays').split(' ')[wd] ?? '');
  const named = i === 0 ? t('popup_date_today', label) : i === 1 ? t('popup_date_tomorrow', label) : label;
  if (d <= lastRail) return named;
  const [, om, od] = dateParts(saleDayOf(d));
  return t('popup_date_rail_opens', named, om, od);
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
  const dates = searchDates(now);
  const lastRail = lastOnSale(now);
  const problem = searchProblem(state, now);
  // A missing end is said only after a search was asked for; the others as soon as they exist.
  const [tried, setTried] = useState(false);
  const shown = problem && (problem.kind !== 'missing' || tried) ? problem : undefined;
  return (
    <form
      class="search-form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!problem) onSubmit();
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
              {dateLabel(d, i, lastRail)}
            </option>
          ))}
        </select>
      </div>
      <label class="check">
        <input type="checkbox" id="student" checked={state.student} onChange={(e) => onChange({ ...state, student: (e.currentTarget as HTMLInputElement).checked })} />
        {t('popup_student')}
      </label>
      <button type="submit" class="go" disabled={busy}>
        {t('popup_search')}
      </button>
      {shown && <SearchProblemNote problem={shown} />}
    </form>
  );
}
