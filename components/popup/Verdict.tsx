// The comparison's verdict and rankings, on top of the results.
import type { Lang } from '../../lib/i18n';
import { formatYuan, tr } from '../../lib/i18n';
import type { ComparisonView } from '../../lib/messages/search';
import { formatDuration } from '../../lib/time';

type Compared = ComparisonView['options'][number];

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
  const rows: [string, string, Compared | undefined][] = [
    ['最便宜', 'Cheapest', r.cheapest ? byId.get(r.cheapest) : undefined],
    ['门到门最快', 'Fastest door to door', r.fastest ? byId.get(r.fastest) : undefined],
    ['最早到达', 'Earliest at the door', r.earliestArrival ? byId.get(r.earliestArrival) : undefined],
  ];
  return (
    <section class="verdict" data-testid="verdict" aria-label={tr(lang, '结论', 'Verdict')}>
      <p class="verdict-text">{lang === 'en' ? comparison.verdict.en : comparison.verdict.zh}</p>
      <ul class="rankings">
        {rows.map(([zh, en, o]) => (
          <li key={en}>
            <span class="rk">{tr(lang, zh, en)}</span> <strong>{label(o)}</strong>
            {o && (
              <span class="rk-detail">
                {' '}
                {o.price !== undefined ? formatYuan(o.price) : ''} · {formatDuration(o.doorToDoorMin, lang === 'en' ? 'en' : 'zh')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
