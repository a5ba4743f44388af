// Sorting and filters: train type groups, departure window, seat class, only buyable.
import type { Lang } from '../../lib/i18n';
import { pick } from '../../lib/i18n';
import { t, type MessageKey } from '../../lib/i18n/catalog';
import type { SeatClassId } from '../../lib/model';
import type { Filters, SortKey, TypeGroup } from './filter';

const GROUPS: [TypeGroup, MessageKey][] = [
  ['GDC', 'popup_group_gdc'],
  ['ZTK', 'popup_group_ztk'],
  ['other', 'popup_group_other'],
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
      <legend class="sr-only">{t('popup_filters')}</legend>
      <label>
        {t('popup_sort')}{' '}
        <select id="sort" value={filters.sort} onChange={(e) => set({ sort: (e.currentTarget as HTMLSelectElement).value as SortKey })}>
          <option value="depart">{t('popup_sort_depart')}</option>
          <option value="arrive">{t('popup_sort_arrive')}</option>
          <option value="duration">{t('popup_sort_duration')}</option>
          <option value="price">{t('popup_sort_price')}</option>
        </select>
      </label>
      {GROUPS.map(([g, label]) => (
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
          {t(label)}
        </label>
      ))}
      <label>
        {t('popup_depart')}{' '}
        <select aria-label={t('popup_depart_earliest')} value={filters.fromHour} onChange={(e) => set({ fromHour: Number((e.currentTarget as HTMLSelectElement).value) })}>
          {HOURS.slice(0, 24).map((h) => (
            <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>
          ))}
        </select>
        –
        <select aria-label={t('popup_depart_latest')} value={filters.toHour} onChange={(e) => set({ toHour: Number((e.currentTarget as HTMLSelectElement).value) })}>
          {HOURS.slice(1).map((h) => (
            <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>
          ))}
        </select>
      </label>
      <label>
        {t('popup_class')}{' '}
        <select id="cls" value={filters.cls} onChange={(e) => set({ cls: (e.currentTarget as HTMLSelectElement).value as SeatClassId | 'any' })}>
          <option value="any">{t('popup_class_any')}</option>
          {classes.map((c) => (
            <option key={c.cls} value={c.cls}>
              {pick(lang, { zh: c.name, en: c.nameEn })}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" id="only-buyable" checked={filters.onlyBuyable} onChange={(e) => set({ onlyBuyable: (e.currentTarget as HTMLInputElement).checked })} />
        {t('popup_only_buyable')}
      </label>
    </fieldset>
  );
}
