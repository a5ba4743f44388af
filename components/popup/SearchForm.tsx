// The search form: from, swap, to, date (today to the end of the 15-day presale, China time),
// student tickets, search. Enter anywhere outside an open suggestion list searches.
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
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

const WEEK_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEK_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The dates 12306 sells: today .. today + 14, China time. */
export function bookableDates(now: number): ChinaDate[] {
  const today = chinaDateOf(now);
  return Array.from({ length: PRESALE_DAYS }, (_, i) => addDays(today, i));
}

function dateLabel(d: ChinaDate, i: number, lang: Lang): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, day)).getUTCDay();
  const rel = i === 0 ? tr(lang, '今天', 'today') : i === 1 ? tr(lang, '明天', 'tomorrow') : '';
  const md = `${m}-${day}`;
  return lang === 'en' ? `${md} ${WEEK_EN[wd]}${rel ? ` (${rel})` : ''}` : `${m}月${day}日 周${WEEK_ZH[wd]}${rel ? `（${rel}）` : ''}`;
}

export function SearchForm({
  state,
  onChange,
  onSubmit,
  search,
  now,
  lang,
  busy,
}: {
  state: FormState;
  onChange: (s: FormState) => void;
  onSubmit: () => void;
  search: (q: string) => Promise<StationChoice[]>;
  now: number;
  lang: Lang;
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
      <StationInput id="from" label={tr(lang, '出发', 'From')} value={state.from} onChange={(from) => onChange({ ...state, from })} search={search} lang={lang} />
      <button
        type="button"
        class="swap"
        aria-label={tr(lang, '交换出发和到达', 'Swap from and to')}
        title={tr(lang, '交换', 'Swap')}
        onClick={() => onChange({ ...state, from: state.to, to: state.from })}
      >
        ⇄
      </button>
      <StationInput id="to" label={tr(lang, '到达', 'To')} value={state.to} onChange={(to) => onChange({ ...state, to })} search={search} lang={lang} />
      <div class="field">
        <label for="date">{tr(lang, '日期', 'Date')}</label>
        <select id="date" value={state.date} onChange={(e) => onChange({ ...state, date: (e.currentTarget as HTMLSelectElement).value as ChinaDate })}>
          {dates.map((d, i) => (
            <option key={d} value={d}>
              {dateLabel(d, i, lang)}
            </option>
          ))}
        </select>
      </div>
      <label class="check">
        <input type="checkbox" id="student" checked={state.student} onChange={(e) => onChange({ ...state, student: (e.currentTarget as HTMLInputElement).checked })} />
        {tr(lang, '学生票', 'Student')}
      </label>
      <button type="submit" class="go" disabled={!ready || busy}>
        {tr(lang, '查询', 'Search')}
      </button>
    </form>
  );
}
