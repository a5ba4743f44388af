// The popup's memory of its last search: the keys it asks search.recent with, and the line that
// says the results shown are from earlier (their age) while the live answer is on its way.
import type { AirAnswer, LastSearch, RailAnswer } from '../../lib/messages/search';
import { Banner } from '../common/Banner';
import { t } from '../../lib/i18n/catalog';
import { formatAge } from '../common/format';
import type { RecentQuery } from './api';

export const recentQuery = (s: LastSearch): RecentQuery => ({
  date: s.date,
  from: s.from.telecode,
  to: s.to.telecode,
  student: s.student,
  fromCity: s.from.city || s.from.name,
  toCity: s.to.city || s.to.name,
});

/** When the oldest of the shown answers was fetched: the results are as old as that. */
export function fetchedAtOf(rail: RailAnswer | undefined, air: AirAnswer | undefined): number | undefined {
  const times = [rail?.fetchedAt, air?.ok ? air.fetchedAt : undefined].filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

/** Which sides still show remembered answers, and how old they are. */
export interface RestoredState {
  at: number;
  rail: boolean;
  air: boolean;
}

/** "上次的结果（3 分钟前），正在刷新…": the results shown are from earlier, the live ones are on the way. */
export function RestoredBanner({ restored, now }: { restored: RestoredState | undefined; now: number }) {
  if (!restored || (!restored.rail && !restored.air)) return null;
  return (
    <Banner tone="busy" testId="restored">
      {t('popup_restored', formatAge(now - restored.at))}
    </Banner>
  );
}

/** Filters compared by content: the worker hands them back in its schema's key order. */
export function sameFilters(a: object, b: object): boolean {
  const key = (o: object) => JSON.stringify(o, Object.keys(o).sort());
  return key(a) === key(b);
}
