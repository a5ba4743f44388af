// "A week at a glance": a disclosure under the search's status that, only once the user opens
// it, fills 7 days around the chosen one with the cheapest buyable train and the cheapest adult
// flight fare, as small bars on one scale with their prices. A day is a button (click, Enter or
// Space) that moves the search to it. The queries are planned and spaced by the worker
// (lib/background/week.ts); this only draws what arrives.
import { useEffect, useState } from 'preact/hooks';
import { formatYuan } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import type { ChinaDate } from '../../lib/model';
import type { AirDay, RailDay, WeekDay } from '../../lib/week/model';
import { runWeek, type WeekApi, type WeekQuery, type WeekState } from './week-run';

/** The day's side as words (also what a screen reader hears) and its price when it has one. */
function railText(d: RailDay | undefined): [string, number?] {
  if (!d) return [t('week_pending')];
  if (d.state === 'ok') return d.cheapest !== undefined ? [formatYuan(d.cheapest), d.cheapest] : [t(d.seatsLeft ? 'week_seats' : 'week_sold_out')];
  return [t(d.state === 'not-on-sale' ? 'week_not_on_sale' : d.state === 'held' ? 'week_paused' : 'week_failed')];
}

function airText(d: AirDay | undefined): [string, number?] {
  if (!d) return [t('week_pending')];
  if (d.state === 'ok' && d.cheapest !== undefined) return [d.taxesIn ? formatYuan(d.cheapest) : t('week_excl_taxes', formatYuan(d.cheapest)), d.cheapest];
  return [t(d.state === 'held' ? 'week_paused' : d.state === 'error' ? 'week_failed' : 'week_no_flights')];
}

/** The day as the date list names it ("3月12日 周四", "3-12 Thu"). */
function dayName(date: ChinaDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return t('popup_date_label', m, d, t('popup_weekdays').split(' ')[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '');
}

const pct = (price: number | undefined, max: number) => (price === undefined || max <= 0 ? 0 : Math.max(8, Math.round((price / max) * 100)));

function Day({ day, chosen, max, onPick }: { day: WeekDay; chosen: boolean; max: number; onPick: (d: ChinaDate) => void }) {
  const [rail, railPrice] = railText(day.rail);
  const [air, airPrice] = airText(day.air);
  const name = dayName(day.date);
  const bar = (mode: 'rail' | 'air', price: number | undefined, pending: boolean) => (
    <span class={`week-bar week-${mode}${pending ? ' week-wait' : ''}`} style={{ height: `${pending ? 8 : pct(price, max)}%` }} />
  );
  return (
    <li>
      <button
        type="button"
        class="week-day"
        data-date={day.date}
        aria-current={chosen ? 'date' : undefined}
        aria-label={t('week_day_label', name, rail, air)}
        onClick={() => onPick(day.date)}
      >
        {/* Date and weekday as blocks of their own: a narrow column breaks between them first. */}
        <span class="week-date">
          {name.split(' ').map((part, i) => (
            <span key={i}>{part}</span>
          ))}
        </span>
        <span class="week-bars" aria-hidden="true">
          {bar('rail', railPrice, !day.rail)}
          {bar('air', airPrice, !day.air)}
        </span>
        <span class="week-price week-p-rail" data-testid="week-rail" data-state={day.rail?.state ?? 'pending'}>
          {day.rail ? rail : '…'}
        </span>
        <span class="week-price week-p-air" data-testid="week-air" data-state={day.air?.state ?? 'pending'}>
          {day.air ? air : '…'}
        </span>
      </button>
    </li>
  );
}

export function WeekStrip({ api, query, onPick }: { api: WeekApi; query: WeekQuery; onPick: (d: ChinaDate) => void }) {
  const [open, setOpen] = useState(() => api.wasOpen());
  const [state, setState] = useState<WeekState | undefined>();
  const key = JSON.stringify(query);
  useEffect(() => {
    setState(undefined);
    if (!open) return;
    return runWeek(api, query, setState);
  }, [open, key]);

  const toggle = () => {
    api.rememberOpen(!open);
    setOpen(!open);
  };
  const days = state?.days ?? [];
  const prices = days.flatMap((d) => [railText(d.rail)[1], airText(d.air)[1]]).filter((p): p is number => p !== undefined);
  const max = Math.max(0, ...prices);
  const held = (mode: 'rail' | 'air') => days.some((d) => d[mode]?.state === 'held');
  return (
    <section class="week" data-testid="week">
      <button type="button" class="week-toggle" aria-expanded={open} aria-controls="week-panel" onClick={toggle}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('week_title')}
      </button>
      {open && (
        <div id="week-panel" class="week-panel">
          <p class="week-legend">
            <span class="week-key week-rail" aria-hidden="true" /> {t('week_rail')} <span class="week-key week-air" aria-hidden="true" /> {t('week_air')}
            <span class="week-note"> · {t('week_legend')}</span>
          </p>
          {state?.failed && <p class="week-note" data-testid="week-failed">{t('week_unavailable')}</p>}
          {held('rail') && <p class="week-held" data-testid="week-rail-held">{t('week_rail_held')}</p>}
          {held('air') && <p class="week-held" data-testid="week-air-held">{t('week_air_held')}</p>}
          <ol class="week-days" aria-busy={state?.busy ?? true}>
            {days.map((d) => (
              <Day key={d.date} day={d} chosen={d.date === query.date} max={max} onPick={onPick} />
            ))}
          </ol>
          {state?.busy && <p class="week-note" data-testid="week-asking">{t('week_asking')}</p>}
        </div>
      )}
    </section>
  );
}
