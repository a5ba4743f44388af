// The other mode's options as a compact table: flights on 12306, trains on Fliggy.
import { useState } from 'preact/hooks';
import { formatYuan, pick, type Lang } from '../../lib/i18n';
import type { RowView, SeatView } from '../../lib/capture/view';
import { formatDuration } from '../../lib/time';
import { availabilityText, hm, seatLevel } from '../common/format';
import { BEST_LABELS, TOP_LABELS } from './labels';

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
        <span class="ra-badge ra-badge-earliest" title={`${TOP_LABELS.earliest.zh} · ${TOP_LABELS.earliest.en}`}>
          {pick(lang, TOP_LABELS.earliest)}
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

function Price({ row, lang }: { row: RowView; lang: Lang }) {
  if (row.price === undefined) {
    return <span class="ra-note">{row.priceNote ? (lang === 'en' ? row.priceNote.en : row.priceNote.zh) : lang === 'en' ? 'Sold out' : '无票'}</span>;
  }
  const note = row.priceNote ? `${row.priceNote.zh} · ${row.priceNote.en}` : undefined;
  return (
    <>
      <span class="ra-price" title={note}>
        {formatYuan(row.price)}
      </span>
      {!row.priceIncludesTaxes && row.priceNote && <span class="ra-note"> {lang === 'en' ? row.priceNote.en : row.priceNote.zh}</span>}
    </>
  );
}

export function OptionRows({ rows, lang, mode }: { rows: RowView[]; lang: Lang; mode: 'rail' | 'air' }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, SHOWN);
  const en = lang === 'en';
  return (
    <div>
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
          {shown.map((r) => (
            <tr key={r.id} class={r.soldOut ? 'ra-soldout' : ''} data-code={r.code}>
              <td>
                <span class="ra-code">{r.code}</span>
                {r.airline && <span class="ra-note"> {r.airline}</span>}
              </td>
              <td>
                {hm(r.depart)}–{hm(r.arrive)}
                {r.arriveDayOffset > 0 && <sup>+{r.arriveDayOffset}</sup>}
              </td>
              <td>
                {r.fromName} → {r.toName}
              </td>
              <td title={`${en ? 'ride' : '乘坐'} ${formatDuration(r.durationMin, en ? 'en' : 'zh')}`}>
                {formatDuration(r.doorToDoorMin, en ? 'en' : 'zh')}
              </td>
              <td>
                <Price row={r} lang={lang} />
              </td>
              <td class={mode === 'rail' ? 'ra-seats' : ''}>
                <Badges row={r} lang={lang} />
                {mode === 'rail' && <Seats seats={r.seats} lang={lang} />}
              </td>
            </tr>
          ))}
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
