// Trains: number, type, from → to station, depart, arrive (+1), duration, each class with seats
// left and price, and the link to buy on 12306 for this search.
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import type { RailOption } from '../../lib/model';
import { formatDuration } from '../../lib/time';
import { SeatChip } from '../common/SeatChip';
import { hm } from '../common/format';

const TYPE_NAMES: Record<string, [string, string]> = {
  G: ['高铁', 'High-speed'],
  D: ['动车', 'EMU'],
  C: ['城际', 'Intercity'],
  Z: ['直达', 'Direct'],
  T: ['特快', 'Express'],
  K: ['快速', 'Fast'],
};

export function TrainList({
  trains,
  names,
  buyUrl,
  lang,
  marked,
}: {
  trains: RailOption[];
  names: Record<string, string>;
  buyUrl: string;
  lang: Lang;
  /** Ids the comparison recommends. */
  marked: ReadonlySet<string>;
}) {
  const nm = (s: { telecode: string; name?: string }) => s.name ?? names[s.telecode] ?? s.telecode;
  return (
    <ul class="options trains" aria-label={tr(lang, '列车', 'Trains')}>
      {trains.map((t) => {
        const type = TYPE_NAMES[t.type];
        return (
          <li key={t.id} class={`option train${marked.has(t.id) ? ' recommended' : ''}`} data-testid="train">
            <div class="line1">
              <strong class="code">{t.code}</strong>
              {type && <span class="type">{tr(lang, type[0], type[1])}</span>}
              <span class="times">
                {hm(t.depart)} → {hm(t.arrive)}
                {t.arriveDayOffset > 0 && <sup class="plus">+{t.arriveDayOffset}</sup>}
              </span>
              <span class="dur">{formatDuration(t.durationMin, lang === 'en' ? 'en' : 'zh')}</span>
              {marked.has(t.id) && <span class="star" title={tr(lang, '推荐', 'Recommended')}>★</span>}
            </div>
            <div class="line2">
              <span class="stations">
                {nm(t.from)} → {nm(t.to)}
              </span>
              {t.status !== 'on-sale' && <span class="status">{t.buttonText}</span>}
              <a class="buy" href={buyUrl} target="_blank" rel="noopener">
                {tr(lang, '去12306购票', 'Buy on 12306')}
              </a>
            </div>
            <div class="seats">
              {t.seats.map((s) => (
                <SeatChip key={s.cls + (s.code ?? '')} seat={s} lang={lang} />
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
