// Trains: number, type, from → to station, depart, arrive (+1), duration, each class with seats
// left and price, the link to buy on 12306 for this search, and a bell on each sold-out class
// (无 or 候补) that sets a watch for that train and class with one click. A train that has left is
// greyed (no bells: there is nothing left to watch); one whose sale has not opened says when it opens.
import type { Lang } from '../../lib/i18n';
import { pick, tr } from '../../lib/i18n';
import type { RailOption } from '../../lib/model';
import { SeatChip } from '../common/SeatChip';
import { OptionItem } from './OptionItem';
import { watchable, type WatchOutcome, type WatchRequest } from '../common/watch-request';
import { Bell } from '../overlay/RowAnnotations';
import { TRAIN_TYPE_NAMES } from '../../lib/rail/train-types';
import { railPrice } from '../../lib/compare/price';


export function TrainList({
  trains,
  names,
  buyUrl,
  lang,
  marked,
  date,
  now,
  onWatch,
}: {
  trains: RailOption[];
  names: Record<string, string>;
  buyUrl: string;
  lang: Lang;
  /** Ids the comparison recommends. */
  marked: ReadonlySet<string>;
  /** The searched date (the watch's train date). */
  date: string;
  /** Trains departing before this have left. */
  now: number;
  /** Sets a watch; no bells without it. */
  onWatch?: (req: WatchRequest) => Promise<WatchOutcome>;
}) {
  const nm = (s: { telecode: string; name?: string }) => s.name ?? names[s.telecode] ?? s.telecode;
  // The train's own stations (the search may have named a city), so the watch polls that route.
  const station = (s: { telecode: string; name?: string }) => {
    const name = s.name ?? names[s.telecode];
    return name ? { telecode: s.telecode, name: name.slice(0, 32) } : { telecode: s.telecode };
  };
  return (
    <ul class="options trains" aria-label={tr(lang, '列车', 'Trains')}>
      {trains.map((t) => {
        const type = TRAIN_TYPE_NAMES[t.type];
        const departed = t.depart < now;
        // The comparison's own reading of the row: when 12306 opens the sale, if it says.
        const opens = railPrice(t).notOnSale?.at;
        const status = departed
          ? tr(lang, '已出发', 'Departed')
          : opens
            ? tr(lang, `${opens} 开售`, `On sale at ${opens}`)
            : t.status !== 'on-sale'
              ? t.buttonText
              : undefined;
        return (
          <OptionItem key={t.id} kind="train" o={t} code={t.code} type={type && pick(lang, type)} lang={lang} marked={marked} now={now}>
            <div class="line2">
              <span class="stations">
                {nm(t.from)} → {nm(t.to)}
              </span>
              {status && <span class="status">{status}</span>}
              <a class="buy" href={buyUrl} target="_blank" rel="noopener">
                {tr(lang, '去12306购票', 'Buy on 12306')}
              </a>
            </div>
            <div class="seats">
              {t.seats.map((s) => (
                <span key={s.cls + (s.code ?? '')} class="seat-cell">
                  <SeatChip seat={s} lang={lang} saleOpens={opens} />
                  {onWatch && !departed && watchable(s.availability) && (
                    <Bell
                      label={`${t.code} ${s.name}`}
                      onWatch={() =>
                        onWatch({
                          date,
                          from: station(t.from),
                          to: station(t.to),
                          trains: [t.code.slice(0, 8)],
                          trainNos: [t.trainNo.slice(0, 16)],
                          classes: [s.cls],
                          seats: 1,
                          origin: 'popup',
                        })
                      }
                    />
                  )}
                </span>
              ))}
            </div>
          </OptionItem>
        );
      })}
    </ul>
  );
}
