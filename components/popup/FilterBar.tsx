// Sorting and filters: train type groups, departure window, seat class, only buyable.
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import type { SeatClassId } from '../../lib/model';
import type { Filters, SortKey, TypeGroup } from './filter';

const GROUPS: [TypeGroup, string, string][] = [
  ['GDC', '高铁动车 G/D/C', 'G/D/C'],
  ['ZTK', '普速 Z/T/K', 'Z/T/K'],
  ['other', '其他', 'Other'],
];
const HOURS = Array.from({ length: 25 }, (_, i) => i);

export function FilterBar({
  filters,
  onChange,
  classes,
  lang,
}: {
  filters: Filters;
  onChange: (f: Filters) => void;
  classes: { cls: SeatClassId; name: string; nameEn: string }[];
  lang: Lang;
}) {
  const set = (p: Partial<Filters>) => onChange({ ...filters, ...p });
  return (
    <fieldset class="filters">
      <legend class="sr-only">{tr(lang, '筛选与排序', 'Filters and sorting')}</legend>
      <label>
        {tr(lang, '排序', 'Sort')}{' '}
        <select id="sort" value={filters.sort} onChange={(e) => set({ sort: (e.currentTarget as HTMLSelectElement).value as SortKey })}>
          <option value="depart">{tr(lang, '出发早', 'Departure')}</option>
          <option value="arrive">{tr(lang, '到达早', 'Arrival')}</option>
          <option value="duration">{tr(lang, '耗时短', 'Duration')}</option>
          <option value="price">{tr(lang, '价格低', 'Price')}</option>
        </select>
      </label>
      {GROUPS.map(([g, zh, en]) => (
        <label key={g} class="check">
          <input
            type="checkbox"
            data-group={g}
            checked={filters.types.includes(g)}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              set({ types: on ? [...filters.types, g] : filters.types.filter((x) => x !== g) });
            }}
          />
          {tr(lang, zh, en)}
        </label>
      ))}
      <label>
        {tr(lang, '出发', 'Depart')}{' '}
        <select aria-label={tr(lang, '最早出发', 'Earliest departure')} value={filters.fromHour} onChange={(e) => set({ fromHour: Number((e.currentTarget as HTMLSelectElement).value) })}>
          {HOURS.slice(0, 24).map((h) => (
            <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>
          ))}
        </select>
        –
        <select aria-label={tr(lang, '最晚出发', 'Latest departure')} value={filters.toHour} onChange={(e) => set({ toHour: Number((e.currentTarget as HTMLSelectElement).value) })}>
          {HOURS.slice(1).map((h) => (
            <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>
          ))}
        </select>
      </label>
      <label>
        {tr(lang, '席别', 'Class')}{' '}
        <select id="cls" value={filters.cls} onChange={(e) => set({ cls: (e.currentTarget as HTMLSelectElement).value as SeatClassId | 'any' })}>
          <option value="any">{tr(lang, '不限', 'Any')}</option>
          {classes.map((c) => (
            <option key={c.cls} value={c.cls}>
              {tr(lang, c.name, c.nameEn)}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" id="only-buyable" checked={filters.onlyBuyable} onChange={(e) => set({ onlyBuyable: (e.currentTarget as HTMLInputElement).checked })} />
        {tr(lang, '只看有票', 'Only buyable')}
      </label>
    </fieldset>
  );
}
