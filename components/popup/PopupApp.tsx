// The toolbar popup: search 12306 and flights for one day and route, side by side, with the
// comparison's verdict and a timeline of the day. All I/O goes through `api` (see ./api.ts).
import { STUDENT_FARE_NOTE } from '../../lib/compare/student-note';
import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import { pick } from '../../lib/i18n';
import { t, uiLang } from '../../lib/i18n/catalog';
import type { AirAnswer, ComparisonView, LastSearch, RailAnswer } from '../../lib/messages/search';
import type { ChinaDate } from '../../lib/model';
import { searchDates } from '../../lib/search/problems';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { Timeline, type TimelineBar } from '../timeline/Timeline';
import type { PopupApi } from './api';
import { FilterBar } from './FilterBar';
import { DEFAULT_FILTERS, classesIn, departedLast, filterFlights, filterTrains, type Filters } from './filter';
import { FlightList } from './FlightList';
import { SaleReminder } from './SaleReminder';
import { SearchForm, type FormState } from './SearchForm';
import { AirStatus, RailStatus, type Pending } from './Status';
import { fetchedAtOf, recentQuery, RestoredBanner, sameFilters, type RestoredState } from './Restored';
import { TrainList } from './TrainList';
import { Verdict } from './Verdict';
import { WeekStrip } from './WeekStrip';
import { weekApi } from './week-api';
import type { WeekApi } from './week-run';
import { local } from '../common/format';

export const MARK_DATA = 'railair:data-arrived';
export const MARK_PAINT = 'railair:results-painted';

/** The background did not answer: an error of our own, in the answers' shape. */
function noBackground(e: unknown) {
  return { code: 'network' as const, message: local(t('popup_no_background', e instanceof Error ? e.message : String(e))) };
}

function railFailure(e: unknown, now: number): RailAnswer {
  return { ok: false, error: noBackground(e), fetchedAt: now, buyUrl: '' };
}

function airFailure(e: unknown): AirAnswer {
  return { ok: false, error: noBackground(e) };
}

function mark(name: string) {
  try {
    performance.mark(name);
  } catch {
    /* marks are diagnostics only */
  }
}

export function PopupApp({ api, week = weekApi }: { api: PopupApi; week?: WeekApi }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const lang: Lang = uiLang();
  const now = api.now();
  const [form, setForm] = useState<FormState>({ from: null, to: null, date: searchDates(now)[0]!, student: false });
  const [searched, setSearched] = useState<LastSearch | undefined>();
  const [rail, setRail] = useState<Pending<RailAnswer>>();
  const [air, setAir] = useState<Pending<AirAnswer>>();
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const [comparison, setComparison] = useState<ComparisonView | undefined>();
  const compareRun = useRef(0);
  const [tab, setTab] = useState<'search' | 'watches'>('search');
  /** Sides still showing the worker's remembered answers (and their age) until the live ones land. */
  const [restored, setRestored] = useState<RestoredState | undefined>();
  /** A countdown that runs out retries by itself once per search the user asked for. */
  const autoRetried = useRef(false);
  const [WatchList, setWatchList] = useState<ComponentType | null | undefined>(undefined);
  const run = useRef(0);
  const marks = useRef({ data: false, paint: false });

  useEffect(() => {
    void api.settings().then((s) => {
      setSettings(s);
      setForm((f) => ({ ...f, student: f.from ? f.student : s.student }));
    });
    void api.loadLast().then((last) => {
      if (!last) return;
      const dates = searchDates(api.now());
      // A remembered day that has passed becomes today.
      const date = dates.includes(last.date as ChinaDate) ? (last.date as ChinaDate) : dates[0]!;
      setForm({ from: last.from, to: last.to, date, student: last.student });
      if (last.filters) setFilters(last.filters);
      void restore({ from: last.from, to: last.to, date, student: last.student }, last.filters ?? DEFAULT_FILTERS);
    });
  }, []);

  /**
   * Shows what the worker last answered for this search at once, with its age, then asks again
   * live (the clients' caches make that cheap); the live answers replace the remembered ones.
   */
  async function restore(s: LastSearch, f: Filters) {
    const r = await api.recent?.(recentQuery(s)).catch(() => undefined);
    if (!r || (!r.rail && !r.air) || run.current !== 0) return; // nothing kept, or the user searched already
    const at = fetchedAtOf(r.rail?.answer, r.air?.answer) ?? api.now();
    setSearched(s);
    if (r.rail) setRail(r.rail.answer);
    if (r.air) setAir(r.air.answer);
    // The remembered verdict only if it was made under the same filters (the sort order aside).
    const { sort: _sort, ...cf } = f;
    if (r.comparison && sameFilters(r.comparison.filters ?? {}, cf)) setComparison(r.comparison.view);
    setRestored({ at, rail: !!r.rail, air: !!r.air });
    search(s, { keepRail: !!r.rail, keepAir: !!r.air });
  }

  /** Filters and sort order are remembered with the last search, for the next time the popup opens. */
  function changeFilters(next: Filters) {
    setFilters(next);
    if (searched) void api.saveLast({ ...searched, filters: next });
  }

  function search(s: LastSearch, keep: { keepRail?: boolean; keepAir?: boolean } = {}) {
    const n = ++run.current;
    setSearched(s);
    if (!keep.keepRail) setRail('pending');
    if (!keep.keepAir) setAir('pending');
    if (!keep.keepRail && !keep.keepAir) setRestored(undefined);
    marks.current = { data: false, paint: false };
    try {
      performance.clearMarks(MARK_DATA);
      performance.clearMarks(MARK_PAINT);
    } catch {
      /* ignore */
    }
    if (!keep.keepRail || !keep.keepAir) setComparison(undefined);
    if (!keep.keepRail && !keep.keepAir) void api.saveLast({ ...s, filters });
    const arrived = () => {
      if (!marks.current.data) {
        marks.current.data = true;
        mark(MARK_DATA);
      }
    };
    api
      .rail({ date: s.date, from: s.from.telecode, to: s.to.telecode, student: s.student, fromName: s.from.name, toName: s.to.name })
      .catch((e: unknown) => railFailure(e, api.now()))
      .then((r) => {
        if (n !== run.current) return;
        if (r.ok) arrived();
        setRail(r);
        setRestored((x) => x && { ...x, rail: false });
      });
    loadAir(s, n, arrived);
  }

  function loadAir(s: LastSearch, n = run.current, arrived = () => mark(MARK_DATA)) {
    api
      .air({ date: s.date, fromCity: s.from.city || s.from.name, toCity: s.to.city || s.to.name })
      .catch(airFailure)
      .then((a) => {
        if (n !== run.current) return;
        if (a.ok) arrived();
        setAir(a);
        setRestored((x) => x && { ...x, air: false });
      });
  }

  // An answer for this search that the worker got meanwhile (an overlay's live query, another
  // popup) fills in: a side that failed, or one older than what arrived.
  useEffect(() => {
    if (!searched || !api.onRecent || !api.recent) return;
    const s = searched;
    const n = run.current;
    return api.onRecent(() => {
      void api.recent?.(recentQuery(s)).catch(() => undefined).then((r) => {
        if (!r || n !== run.current) return;
        const newer = <T extends { ok: boolean; fetchedAt?: number }>(cur: Pending<T>, next: T | undefined) =>
          !!next?.ok && (!cur || cur === 'pending' || !cur.ok || (cur.fetchedAt ?? 0) < (next.fetchedAt ?? 0));
        if (newer(rail, r.rail?.answer)) {
          setRail(r.rail!.answer);
          setRestored((x) => x && { ...x, rail: false });
        }
        if (newer(air, r.air?.answer)) {
          setAir(r.air!.answer);
          setRestored((x) => x && { ...x, air: false });
        }
      });
    });
  }, [searched, rail, air]);

  // A Fliggy page the user opened (or any capture) may bring the flights we lack.
  const airMissing = !!searched && air !== 'pending' && !!air && !air.ok;
  useEffect(() => {
    if (!airMissing || !searched) return;
    return api.onCapture(() => loadAir(searched));
  }, [airMissing, searched]);

  function submit() {
    if (!form.from || !form.to) return;
    autoRetried.current = false;
    search({ from: form.from, to: form.to, date: form.date, student: form.student });
  }

  // The verdict once both sides have answered, again when flights fill in later, and again when
  // a filter changes (the sort order does not change what is best). The previous verdict stays
  // until the new one arrives; a reply overtaken by a newer request is dropped.
  const { sort: _sortOnly, ...compareFilters } = filters;
  const filterKey = JSON.stringify(compareFilters);
  useEffect(() => {
    if (!searched || !rail || !air || rail === 'pending' || air === 'pending') return;
    // The remembered verdict stands for the remembered answers until a live one lands.
    if (restored?.rail && restored.air && comparison) return;
    const useRail = rail.ok;
    const useAir = air.ok;
    if (!useRail && !useAir) return;
    const n = ++compareRun.current;
    const s = searched;
    api
      .compare({
        date: s.date,
        from: s.from.telecode,
        to: s.to.telecode,
        student: s.student,
        fromName: s.from.name,
        toName: s.to.name,
        fromCity: s.from.city || s.from.name,
        toCity: s.to.city || s.to.name,
        rail: useRail,
        air: useAir,
        filters: compareFilters,
      })
      .then((c) => {
        if (n === compareRun.current) setComparison(c);
      })
      .catch(() => undefined); // the lists still show; only the verdict is missing
  }, [rail, air, filterKey]);

  // Gone options last (greyed in the lists): the comparison's rule, departing before now.
  const trains = rail && rail !== 'pending' && rail.ok ? departedLast(filterTrains(rail.trains, filters), now) : [];
  const flights = air && air !== 'pending' && air.ok ? departedLast(filterFlights(air.flights, filters, settings.qualifications), now) : [];
  const recommended = useMemo(() => {
    const s = new Set<string>();
    if (!comparison) return s;
    const r = comparison.rankings;
    for (const id of [r.cheapest, r.fastest, r.earliestArrival]) if (id) s.add(id);
    return s;
  }, [comparison]);

  const labels = useMemo(() => {
    const m = new Map<string, string>();
    if (rail && rail !== 'pending' && rail.ok) for (const t of rail.trains) m.set(t.id, t.code);
    if (air && air !== 'pending' && air.ok) for (const f of air.flights) m.set(f.id, f.flightNo);
    return m;
  }, [rail, air]);

  const bars: TimelineBar[] = useMemo(() => {
    const byId = new Map(comparison?.options.map((o) => [o.id, o]) ?? []);
    return [...trains, ...flights]
      .sort((a, b) => a.depart - b.depart)
      .map((o) => {
        const c = byId.get(o.id);
        return {
          id: o.id,
          label: o.mode === 'rail' ? o.code : o.flightNo,
          mode: o.mode,
          depart: o.depart,
          arrive: o.arrive,
          ...(c ? { leaveHome: c.leaveHome, reachDoor: c.reachDoor, soldOut: c.soldOut } : {}),
          departed: o.depart < now,
          recommended: recommended.has(o.id),
        };
      });
  }, [trains, flights, comparison, recommended, now]);

  const hasResults = trains.length + flights.length > 0;

  /** A countdown ran out: retry by itself, once per search the user asked for. */
  const autoRetry = (again: () => void) => () => {
    if (autoRetried.current) return;
    autoRetried.current = true;
    again();
  };
  // Layout effect: runs right after the DOM commit; the next frame's callback + a task lands
  // just after that frame (with the results) has been painted.
  useLayoutEffect(() => {
    if (!hasResults || marks.current.paint) return;
    marks.current.paint = true;
    requestAnimationFrame(() => setTimeout(() => mark(MARK_PAINT), 0));
  }, [hasResults, rail, air]);

  useEffect(() => {
    if (tab !== 'watches' || WatchList !== undefined) return;
    // A missing or failed chunk shows that the list could not be loaded, not an endless "…".
    void (api.loadWatchList?.() ?? Promise.resolve(undefined)).catch(() => undefined).then((c) => setWatchList(() => c ?? null));
  }, [tab]);

  const route = searched ? t('popup_route', searched.from.name, searched.to.name, searched.date) : '';
  const railOk = rail && rail !== 'pending' && rail.ok ? rail : undefined;
  const partial =
    !!searched && rail !== 'pending' && air !== 'pending' && !!railOk !== !!(air && air.ok);

  return (
    <main class="popup">
      <header class="top">
        <h1>{t('popup_title')}</h1>
        <nav role="tablist" aria-label={t('popup_views')}>
          <button type="button" role="tab" aria-selected={tab === 'search'} onClick={() => setTab('search')}>
            {t('popup_tab_search')}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'watches'} onClick={() => setTab('watches')}>
            {t('popup_tab_watches')}
          </button>
          <button type="button" class="link" onClick={() => api.openOptions()}>
            {t('popup_settings')}
          </button>
        </nav>
      </header>
      {tab === 'watches' ? (
        <section class="watches" data-testid="watches">
          {WatchList ? <WatchList /> : WatchList === null ? <p>{t('popup_watches_failed')}</p> : <p>{t('popup_loading')}</p>}
        </section>
      ) : (
        <>
          <SearchForm state={form} onChange={setForm} onSubmit={submit} search={api.stations} now={now} busy={rail === 'pending'} />
          {searched && (
            <>
              <div class="statuses">
                <RestoredBanner restored={restored} now={now} />
                <RailStatus
                  rail={rail}
                  route={route}
                  clock={api.now}
                  lang={lang}
                  onRetry={() => search(searched)}
                  onCountdownEnd={autoRetry(() => search(searched))}
                  onDiagnostics={() => api.openOptions('diagnostics')}
                />
                {api.remind && rail && rail !== 'pending' && !rail.ok && rail.error.code === 'not-on-sale' && (
                  <SaleReminder key={`${searched.date}${searched.from.telecode}${searched.to.telecode}`} date={searched.date} from={searched.from} to={searched.to} remind={api.remind} />
                )}
                <AirStatus
                  air={air}
                  clock={api.now}
                  lang={lang}
                  onRetry={() => loadAir(searched)}
                  onCountdownEnd={autoRetry(() => loadAir(searched))}
                  onDiagnostics={() => api.openOptions('diagnostics')}
                  onOptions={() => api.openOptions('top')}
                />
                {partial && (
                  <p class="partial" data-testid="partial">
                    {railOk ? t('popup_partial_trains') : t('popup_partial_flights')}
                  </p>
                )}
              </div>
              <WeekStrip
                api={week}
                query={{ date: searched.date, from: searched.from.telecode, to: searched.to.telecode, student: searched.student, fromCity: searched.from.city || searched.from.name, toCity: searched.to.city || searched.to.name }}
                onPick={(date) => {
                  setForm((f) => ({ ...f, date }));
                  search({ ...searched, date });
                }}
              />
              {comparison && <Verdict comparison={comparison} lang={lang} labels={labels} />}
              {(railOk || (air && air !== 'pending' && air.ok)) && (
                <FilterBar filters={filters} onChange={changeFilters} classes={classesIn(railOk?.trains ?? [])} lang={lang} />
              )}
              {hasResults && <Timeline date={searched.date as ChinaDate} bars={bars} now={now} />}
              <div class="columns">
                <section class="col" aria-label={t('popup_trains')}>
                  <h2>
                    {t('popup_trains')} <span class="count">{railOk ? `${trains.length}/${railOk.trains.length}` : ''}</span>
                  </h2>
                  {/* 12306's answer cannot be confirmed to hold student prices: say so beside them. */}
                  {railOk && searched.student && (
                    <p class="hint" data-testid="student-note">
                      {pick(lang, STUDENT_FARE_NOTE)}
                    </p>
                  )}
                  {railOk && <TrainList trains={trains} names={railOk.stationNames} buyUrl={railOk.buyUrl} lang={lang} marked={recommended} date={searched.date} now={now} onWatch={api.watch} />}
                </section>
                <section class="col" aria-label={t('popup_flights')}>
                  <h2>
                    {t('popup_flights')}{' '}
                    <span class="count">{air && air !== 'pending' && air.ok ? `${flights.length}/${air.flights.length}` : ''}</span>
                  </h2>
                  <FlightList flights={flights} lang={lang} marked={recommended} now={now} qualifies={settings.qualifications} buyUrl={air && air !== 'pending' && air.ok ? air.fliggyUrl : undefined} />
                </section>
              </div>
            </>
          )}
        </>
      )}
    </main>
  );
}
