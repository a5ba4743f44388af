// The comparison's verdict and rankings, on top of the results. Each ranking says what it ranks
// by: the cheapest its class and taxes-in price, the fastest its door-to-door time, the earliest
// the clock time at the door ("09:35", "01:10+1"), which is what a traveller plans a day around.
import type { Lang } from '../../lib/i18n';
import { formatYuan, pick } from '../../lib/i18n';
import { t, type MessageKey } from '../../lib/i18n/catalog';
import type { ComparisonView } from '../../lib/messages/search';
import { formatDuration } from '../../lib/time';

type Compared = ComparisonView['options'][number];

function priceDetail(o: Compared, lang: Lang): string {
  if (o.price === undefined) return '';
  const cls = o.priceClass ? `${pick(lang, o.priceClass)} ` : '';
  return `${cls}${formatYuan(o.price)}`;
}

const d2d = (o: Compared, lang: Lang) => formatDuration(o.doorToDoorMin, lang === 'en' ? 'en' : 'zh');
const atDoor = (o: Compared) => t('popup_at_door', o.reachDoorAt.text);

export function Verdict({
  comparison,
  lang,
  labels,
}: {
  comparison: ComparisonView;
  lang: Lang;
  /** Option id → what people call it (G101, MU5101). */
  labels: ReadonlyMap<string, string>;
}) {
  const label = (o: Compared | undefined) => (o ? (labels.get(o.id) ?? o.id.split('@')[0]!) : '—');
  const byId = new Map(comparison.options.map((o) => [o.id, o]));
  const r = comparison.rankings;
  const rows: [string, MessageKey, Compared | undefined, (o: Compared, lang: Lang) => string][] = [
    ['cheapest', 'popup_rank_cheapest', r.cheapest ? byId.get(r.cheapest) : undefined, priceDetail],
    ['fastest', 'popup_rank_fastest', r.fastest ? byId.get(r.fastest) : undefined, d2d],
    ['earliest', 'popup_rank_earliest', r.earliestArrival ? byId.get(r.earliestArrival) : undefined, atDoor],
  ];
  return (
    <section class="verdict" data-testid="verdict" aria-label={t('popup_verdict')}>
      <p class="verdict-text" data-testid="verdict-text">{pick(lang, comparison.verdict)}</p>
      <ul class="rankings">
        {rows.map(([key, name, o, detail]) => (
          <li key={key} data-rank={key}>
            <span class="rk">{t(name)}</span> <strong>{label(o)}</strong>
            {o && <span class="rk-detail"> {detail(o, lang)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
