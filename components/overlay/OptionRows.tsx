// The other mode's options as a compact table: flights on 12306, trains on Fliggy. Departed
// options come last, greyed; a fare only some travellers may buy is listed with its condition
// and never marked cheapest; 候补 and "not on sale yet" are states of their own.
import { useState } from 'preact/hooks';
import { formatYuan, pick, type Lang } from '../../lib/i18n';
import type { RowView, SeatView } from '../../lib/capture/view';
import { formatDuration } from '../../lib/time';
import { availabilityText, hm, seatLevel } from '../common/format';
import { directFirst } from '../../lib/air/connection';
import { STUDENT_FARE_NOTE } from '../../lib/compare/student-note';
import { BEST_LABELS, DEPARTED, saleOpensText, TOP_LABELS, WAITLIST } from './labels';

const SHOWN = 8;

function Badges({ row, lang }: { row: RowView; lang: Lang }) {
  return (
    <>
      {row.best.map((t) => (
        <span key={t} class={`ra-badge ra-badge-${t}`} title={`${BEST_LABELS[t].zh} · ${BEST_LABELS[t].en}`}>
          {pick(lang, BEST_LABELS[t])}
        </span>
      ))}
      {row.tops.includes('earliest') && (
        // The clock time at the door (+1 the next day): whether they make a 14:00 meeting, not a duration.
        <span class="ra-badge ra-badge-earliest" title={`${TOP_LABELS.earliest.zh} ${row.reachDoorAt.text} 到门 · ${TOP_LABELS.earliest.en}: at the door ${row.reachDoorAt.text}`}>
          {pick(lang, TOP_LABELS.earliest)} {row.reachDoorAt.text}
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
        <span class="ra-note">{pick(lang, row.priceNote ?? saleOpensText(row.saleOpens))}</span>
      ) : wait && !row.departed ? (
        <span class="ra-waitlist" data-testid="railair-waitlist">
          {pick(lang, WAITLIST)} {pick(lang, wait.name)}
          {wait.price !== undefined ? ` ${formatYuan(wait.price)}` : ''}
        </span>
      ) : (
        <span class="ra-note">{row.priceNote ? pick(lang, row.priceNote) : lang === 'en' ? 'Sold out' : '无票'}</span>
      );
    return (
      <>
        {state}
        <ConditionalFares row={row} lang={lang} />
      </>
    );
  }
  const note = row.priceNote ? `${row.priceNote.zh} · ${row.priceNote.en}` : undefined;
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

export function OptionRows({ rows: given, lang, mode }: { rows: RowView[]; lang: Lang; mode: 'rail' | 'air' }) {
  const [all, setAll] = useState(false);
  // Connections (one ticket, several flights) are listed apart, after the direct flights.
  const { direct, connections } = directFirst(given, (r) => r.via !== undefined);
  const rows = [...direct, ...connections];
  const shown = all ? rows : rows.slice(0, SHOWN);
  const en = lang === 'en';
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
            <th>{mode === 'air' ? (en ? 'Flight' : '航班') : en ? 'Train' : '车次'}</th>
            <th>{en ? 'Depart–arrive' : '出发–到达'}</th>
            <th>{mode === 'air' ? (en ? 'Airports' : '机场') : en ? 'Stations' : '车站'}</th>
            <th>{en ? 'Door to door' : '门到门'}</th>
            <th>{en ? 'Price' : '价格'}</th>
            <th>{mode === 'rail' ? (en ? 'Seats left' : '余票') : ''}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => [
            i === direct.length && (
              <tr key="connections" class="ra-group">
                <th colSpan={6}>{en ? 'Connections (one ticket, changing planes)' : '中转联程（一张票，中途换乘）'}</th>
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
                {r.departed && <span class="ra-note"> {pick(lang, DEPARTED)}</span>}
              </td>
              <td>
                {r.fromName} → {r.toName}
              </td>
              <td title={`${en ? 'ride' : '乘坐'} ${formatDuration(r.durationMin, en ? 'en' : 'zh')} · ${en ? 'at the door' : '到门'} ${r.reachDoorAt.text}`}>
                {formatDuration(r.doorToDoorMin, en ? 'en' : 'zh')}
              </td>
              <td>
                <Price row={r} lang={lang} />
              </td>
              <td class={mode === 'rail' ? 'ra-seats' : ''}>
                <Badges row={r} lang={lang} />
                {mode === 'rail' &&
                  (r.saleOpens !== undefined ? (
                    <span class="ra-seat ra-seat-none" data-testid="railair-sale-opens">
                      {pick(lang, saleOpensText(r.saleOpens))}
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
          {all ? '收起 · Show fewer' : `显示全部 ${rows.length} 个 · Show all ${rows.length}`}
        </button>
      )}
    </div>
  );
}
