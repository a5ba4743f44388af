// One row of the train or flight list: its number, kind, times (+1 the next day), duration and
// the recommended star; greyed when it has left. The rest of the row is the list's own.
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import { formatDuration } from '../../lib/time';
import { hm } from '../common/format';

export interface OptionTimes {
  id: string;
  depart: number;
  arrive: number;
  arriveDayOffset: number;
  durationMin: number;
}

export function OptionItem({
  kind,
  o,
  code,
  type,
  lang,
  marked,
  now,
  children,
}: {
  kind: 'train' | 'flight';
  o: OptionTimes;
  code: string;
  type: string | undefined;
  lang: Lang;
  marked: ReadonlySet<string>;
  now: number;
  children: ComponentChildren;
}) {
  const departed = o.depart < now;
  const rec = marked.has(o.id);
  return (
    <li class={`option ${kind}${rec ? ' recommended' : ''}${departed ? ' departed' : ''}`} data-testid={kind} data-code={code} data-departed={departed ? '' : undefined}>
      <div class="line1">
        <strong class="code">{code}</strong>
        {type && <span class="type">{type}</span>}
        <span class="times">
          {hm(o.depart)} → {hm(o.arrive)}
          {o.arriveDayOffset > 0 && <sup class="plus">+{o.arriveDayOffset}</sup>}
        </span>
        <span class="dur">{formatDuration(o.durationMin, lang === 'en' ? 'en' : 'zh')}</span>
        {rec && <span class="star" title={t('popup_recommended')}>★</span>}
      </div>
      {children}
    </li>
  );
}
