// The comparison's verdict and rankings, on top of the results. Each ranking says what it ranks
// by: the cheapest its class and taxes-in price, the fastest its door-to-door time, the earliest
// the clock time at the door ("09:35", "01:10+1"), which is what a traveller plans a day around.
import type { Lang } from '../../lib/i18n';
import { formatYuan, tr } from '../../lib/i18n';
import type { ComparisonView } from '../../lib/messages/search';
import { formatDuration } from '../../lib/time';

type Compared = ComparisonView['options'][number];

function priceDetail(o: Compared, lang: Lang): string {
  if (o.price === undefined) return '';
  const cls = o.priceClass ? `${tr(lang, o.priceClass.zh, o.priceClass.en)} ` : '';
  return `${cls}${formatYuan(o.price)}`;
}

const d2d = (o: Compared, lang: Lang) => formatDuration(o.doorToDoorMin, lang === 'en' ? 'en' : 'zh');
const atDoor = (o: Compared, lang: Lang) => tr(lang, `${o.reachDoorAt.text} 到门`, `at the door ${o.reachDoorAt.text}`);

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
  const rows: [string, string, string, Compared | undefined, (o: Compared, lang: Lang) => string][] = [
    ['cheapest', '最便宜', 'Cheapest', r.cheapest ? byId.get(r.cheapest) : undefined, priceDetail],
    ['fastest', '门到门最快', 'Fastest door to door', r.fastest ? byId.get(r.fastest) : undefined, d2d],
    ['earliest', '最早到达', 'Earliest at the door', r.earliestArrival ? byId.get(r.earliestArrival) : undefined, atDoor],
  ];
  return (
    <section class="verdict" data-testid="verdict" aria-label={tr(lang, '结论', 'Verdict')}>
      <p class="verdict-text" data-testid="verdict-text">{lang === 'en' ? comparison.verdict.en : comparison.verdict.zh}</p>
      <ul class="rankings">
        {rows.map(([key, zh, en, o, detail]) => (
          <li key={key} data-rank={key}>
            <span class="rk">{tr(lang, zh, en)}</span> <strong>{label(o)}</strong>
            {o && <span class="rk-detail"> {detail(o, lang)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
