// Trains: number, type, from → to station, depart, arrive (+1), duration, each class with seats
// left and price, what can be done with it (TrainAction: 预订, 候补, sold out…), and a bell on each sold-out class
// (无 or 候补) that sets a watch for that train and class with one click. A train that has left is
// greyed (no bells: there is nothing left to watch); one whose sale has not opened says when it opens.
import type { Lang } from '../../lib/i18n';
import { pick } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import type { RailOption } from '../../lib/model';
import { TrainAction } from './TrainAction';
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
    <ul class="options trains" aria-label={t('popup_trains')}>
      {trains.map((train) => {
        const type = TRAIN_TYPE_NAMES[train.type];
        const departed = train.depart < now;
        // The comparison's own reading of the row: when 12306 opens the sale, if it says.
        const opens = railPrice(train).notOnSale?.at;
        return (
          <OptionItem key={train.id} kind="train" o={train} code={train.code} type={type && pick(lang, type)} lang={lang} marked={marked} now={now}>
            <div class="line2">
              <span class="stations">
                {nm(train.from)} → {nm(train.to)}
              </span>
              <TrainAction train={train} buyUrl={buyUrl} now={now} />
            </div>
            <div class="seats">
              {train.seats.map((s) => (
                <span key={s.cls + (s.code ?? '')} class="seat-cell">
                  <SeatChip seat={s} lang={lang} saleOpens={opens} />
                  {onWatch && !departed && watchable(s.availability) && (
                    <Bell
                      label={`${train.code} ${pick(lang, { zh: s.name, en: s.nameEn })}`}
                      onWatch={() =>
                        onWatch({
                          date,
                          from: station(train.from),
                          to: station(train.to),
                          trains: [train.code.slice(0, 8)],
                          trainNos: [train.trainNo.slice(0, 16)],
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
