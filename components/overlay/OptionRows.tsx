// The other mode's options as a compact table: flights on 12306, trains on Fliggy. Departed
// options come last, greyed; a fare only some travellers may buy is listed with its condition
// and never marked cheapest; 候补 and "not on sale yet" are states of their own.
import { useState } from 'preact/hooks';
import { formatYuan, pick, type Lang } from '../../lib/i18n';
import { t, uiLang } from '../../lib/i18n/catalog';
import type { RowView, SeatView } from '../../lib/capture/view';
import { formatDuration } from '../../lib/time';
import { availabilityText, hm, seatLevel } from '../common/format';
import { directFirst } from '../../lib/air/connection';
import { STUDENT_FARE_NOTE } from '../../lib/compare/student-note';
import { BEST_LABELS } from './labels';

const SHOWN = 8;

function Badges({ row }: { row: RowView }) {
  return (
    <>
      {row.best.map((top) => (
        <span key={top} class={`ra-badge ra-badge-${top}`}>
          {t(BEST_LABELS[top])}
        </span>
      ))}
      {row.tops.includes('earliest') && (
        // The clock time at the door (+1 the next day): whether they make a 14:00 meeting, not a duration.
        <span class="ra-badge ra-badge-earliest" title={t('overlay_earliestTitle', row.reachDoorAt.text)}>
          {t('overlay_earliest', row.reachDoorAt.text)}
        </span>
      )}
    </>
  );
}

function seatAvailability(s: SeatView) {
  return s.kind === 'count' ? { kind: 'count' as const, n: s.n ?? 0 } : { kind: s.kind };
}

function Seats({ seats, lang }: { seats: SeatView[]; lang: Lang }) {
  return (
    <>
      {seats.map((s) => {
        const a = seatAvailability(s);
        return (
          <span key={s.cls} class={`ra-seat ra-seat-${seatLevel(a as never)}`} data-cls={s.cls}>
            {lang === 'en' ? s.nameEn : s.name} {availabilityText(a as never, lang)}
            {s.price !== undefined ? ` ${formatYuan(s.price)}` : ''}
          </span>
        );
      })}
    </>
  );
}

/** Fares only other travellers may buy: "¥387 限16–25周岁", never marked cheapest. */
function ConditionalFares({ row, lang }: { row: RowView; lang: Lang }) {
  if (!row.conditionalFares?.length) return null;
  return (
    <>
      {row.conditionalFares.map((f, i) => (
        <span key={i} class="ra-cond" data-testid="railair-conditional">
          {' '}
          {formatYuan(f.price)} {pick(lang, f.condition)}
        </span>
      ))}
    </>
  );
}

function Price({ row, lang }: { row: RowView; lang: Lang }) {
  if (row.price === undefined) {
    const wait = row.waitlist?.[0];
    const state =
      row.saleOpens !== undefined ? (
        <span class="ra-note">{row.priceNote ? pick(lang, row.priceNote) : t('overlay_saleOpens', row.saleOpens)}</span>
      ) : wait && !row.departed ? (
        <span class="ra-waitlist" data-testid="railair-waitlist">
          {t('overlay_waitlist')} {pick(lang, wait.name)}
          {wait.price !== undefined ? ` ${formatYuan(wait.price)}` : ''}
        </span>
      ) : row.conditionalFares?.length ? (
        // The fares themselves follow, each with its condition: the note would only repeat the first.
        <span class="ra-note">{t('overlay_restrictedOnly')}</span>
      ) : (
        <span class="ra-note">{row.priceNote ? pick(lang, row.priceNote) : t('overlay_soldOut')}</span>
      );
    return (
      <>
        {state}
        <ConditionalFares row={row} lang={lang} />
      </>
    );
  }
  const note = row.priceNote ? pick(lang, row.priceNote) : undefined;
  return (
    <>
      <span class="ra-price" title={note}>
        {formatYuan(row.price)}
      </span>
      {row.priceCondition && <span class="ra-cond"> {pick(lang, row.priceCondition)}</span>}
      {!row.priceIncludesTaxes && row.priceNote && <span class="ra-note"> {pick(lang, row.priceNote)}</span>}
      <ConditionalFares row={row} lang={lang} />
    </>
  );
}

function rowClass(r: RowView): string {
  return [r.departed ? 'ra-departed' : '', r.soldOut ? 'ra-soldout' : ''].filter(Boolean).join(' ');
}

export function OptionRows({ rows: given, mode }: { rows: RowView[]; mode: 'rail' | 'air' }) {
  const lang = uiLang();
  const [all, setAll] = useState(false);
  // Connections (one ticket, several flights) are listed apart, after the direct flights.
  const { direct, connections } = directFirst(given, (r) => r.via !== undefined);
  const rows = [...direct, ...connections];
  const shown = all ? rows : rows.slice(0, SHOWN);
  const dur = lang === 'en' ? 'en' : 'zh';
  // Trains asked for as student tickets: 12306's answer cannot be confirmed to hold student prices.
  const student = rows.some((r) => r.mode === 'rail' && r.priceNote?.zh.includes(STUDENT_FARE_NOTE.zh));
  return (
    <div>
      {student && (
        <div class="ra-note" data-testid="railair-student-note">
          {pick(lang, STUDENT_FARE_NOTE)}
        </div>
      )}
      <table class="ra-table" data-testid="railair-rows">
        <thead>
          <tr>
            <th>{t(mode === 'air' ? 'overlay_colFlight' : 'overlay_colTrain')}</th>
            <th>{t('overlay_colTimes')}</th>
            <th>{t(mode === 'air' ? 'overlay_colAirports' : 'overlay_colStations')}</th>
            <th>{t('overlay_colDoor')}</th>
            <th>{t('overlay_colPrice')}</th>
            <th>{mode === 'rail' ? t('overlay_colSeats') : ''}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => [
            i === direct.length && (
              <tr key="connections" class="ra-group">
                <th colSpan={6}>{t('overlay_connections')}</th>
              </tr>
            ),
            <tr key={r.id} class={rowClass(r)} data-code={r.code} {...(r.departed ? { 'data-departed': '' } : {})}>
              <td>
                <span class="ra-code">{r.code}</span>
                {r.airline && <span class="ra-note"> {r.airline}</span>}
                {r.via && <span class="ra-note" data-testid="railair-via"> {pick(lang, r.via)}</span>}
              </td>
              <td>
                {hm(r.depart)}–{hm(r.arrive)}
                {r.arriveDayOffset > 0 && <sup>+{r.arriveDayOffset}</sup>}
                {r.departed && <span class="ra-note"> {t('overlay_departed')}</span>}
              </td>
              <td>
                {r.fromName} → {r.toName}
              </td>
              <td title={t('overlay_doorTitle', formatDuration(r.durationMin, dur), r.reachDoorAt.text)}>
                {formatDuration(r.doorToDoorMin, dur)}
              </td>
              <td>
                <Price row={r} lang={lang} />
              </td>
              <td class={mode === 'rail' ? 'ra-seats' : ''}>
                <Badges row={r} />
                {mode === 'rail' &&
                  (r.saleOpens !== undefined ? (
                    <span class="ra-seat ra-seat-none" data-testid="railair-sale-opens">
                      {t('overlay_saleOpens', r.saleOpens)}
                    </span>
                  ) : (
                    <Seats seats={r.seats} lang={lang} />
                  ))}
              </td>
            </tr>,
          ])}
        </tbody>
      </table>
      {rows.length > SHOWN && (
        <button type="button" class="ra-btn ra-more" onClick={() => setAll(!all)}>
          {all ? t('overlay_showFewer') : t('overlay_showAll', rows.length)}
        </button>
      )}
    </div>
  );
}
