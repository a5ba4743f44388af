// The overlay panel: the other mode for the page's date and route, with the verdict. Collapsible
// (the state is remembered by the background, see overlay.collapse). While the background looks
// the other mode up it says what it is doing; when it has no data, the same face on both sites
// says why (the live query's error, with the shared faces of components/common/error-face.ts:
// countdown, offline, verification) and offers the one click that gets it (the other site's
// search, in a new tab).
import { useEffect, useRef } from 'preact/hooks';
import { pick } from '../../lib/i18n';
import { t, uiLang } from '../../lib/i18n/catalog';
import type { LiveError, OverlayView } from '../../lib/capture/view';
import { faceKind, faceText, railError } from '../common/error-face';
import { formatAge } from '../common/format';
import { useCountdown } from '../common/use-countdown';
import { LOOKING_UP } from './labels';
import { OptionRows } from './OptionRows';

export type PanelState =
  | { kind: 'loading' }
  | { kind: 'no-route' }
  | { kind: 'failed'; message: string }
  | { kind: 'view'; view: OverlayView };

export interface PanelProps {
  site: '12306' | 'fliggy';
  state: PanelState;
  collapsed: boolean;
  onToggle: () => void;
  now: number;
  /** Asks for the view again (a wait ran out, the network came back). */
  onRetry?: () => void;
  /** The countdown's clock (Date.now unless a test says otherwise). */
  clock?: () => number;
}

/** "11月23日" / "23 November": the day as the page's own language writes it. */
function dayText(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(uiLang() === 'en' ? 'en-GB' : 'zh-CN', { month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/**
 * Why the live query for the other mode did not answer, as the popup says it: waiting (with a live
 * countdown, then a retry), offline (retried when the network is back), verification on Fliggy
 * (never a retry: the no-data face's link to Fliggy's search says to verify there), or the
 * error's own words.
 */
function LiveErrorFace({ error: raw, flights, onRetry, clock }: { error: LiveError; flights: boolean; onRetry?: (() => void) | undefined; clock: () => number }) {
  const error = flights ? raw : railError(raw);
  const kind = faceKind(error);
  const left = useCountdown(kind === 'wait' ? error.retryAt : undefined, clock);
  const retryRef = useRef(onRetry);
  retryRef.current = onRetry;
  useEffect(() => {
    if (kind !== 'offline') return;
    const back = () => retryRef.current?.();
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, [kind]);
  const text = faceText(error, left);
  return (
    <div class="ra-live-error" role="status" data-testid="railair-live-error" data-face={kind}>
      {t(flights ? 'overlay_liveFlightsFailed' : 'overlay_liveRailFailed', text)}
      {onRetry && (kind === 'wait' || kind === 'offline' || kind === 'other') && (
        <button type="button" class="ra-btn" disabled={!!left && left > 0} onClick={onRetry} data-testid="railair-retry">
          {t('overlay_retry')}
        </button>
      )}
    </div>
  );
}

function NoData({ site, view, onRetry, clock }: { site: PanelProps['site']; view: OverlayView; onRetry?: (() => void) | undefined; clock: () => number }) {
  const flights = site === '12306';
  const route = view.from && view.to ? `${view.from.city} → ${view.to.city} ${dayText(view.date)}` : dayText(view.date);
  const challenged = flights && !!view.liveError && faceKind(view.liveError) === 'challenge';
  return (
    <div class="ra-empty" data-testid="railair-no-data">
      <div>{t(flights ? 'overlay_noFlights' : 'overlay_noTrains', route)}</div>
      {view.liveError && (
        <LiveErrorFace error={view.liveError} flights={flights} onRetry={onRetry} clock={clock} />
      )}
      {view.otherSearchUrl ? (
        <p>
          <a class="ra-btn ra-btn-primary" href={view.otherSearchUrl} target="_blank" rel="noopener noreferrer" data-testid="railair-open-other">
            {/* Fliggy asked for a verification: its search page is where the user completes it. */}
            {t(challenged ? 'overlay_verifyOnFliggy' : flights ? 'overlay_searchOnFliggy' : 'overlay_searchOn12306')}
          </a>
        </p>
      ) : (
        <p class="ra-note">{t(flights ? 'overlay_readsFlights' : 'overlay_readsTrains')}</p>
      )}
    </div>
  );
}

/** "航班数据 5 分钟前（飞猪）", with "可能已过时" when the data is old. */
function sourceLine(key: 'overlay_flightsData' | 'overlay_trainsData', age: string, source: string, stale: boolean): string {
  const line = t(key, age, source);
  return stale ? t('overlay_mayBeStale', line) : line;
}

function Footer({ view, now }: { view: OverlayView; now: number }) {
  const lang = uiLang();
  const parts: preact.JSX.Element[] = [];
  const { rail, air } = view.sources;
  if (air) {
    const source = t(air.source === 'top' ? (air.live ? 'overlay_srcTopLive' : 'overlay_srcTop') : 'overlay_srcFliggy');
    parts.push(
      <span key="air" class={air.stale ? 'ra-stale' : ''} data-testid="railair-source-air">
        {sourceLine('overlay_flightsData', formatAge(now - air.at, lang), source, air.stale)}
      </span>,
    );
  }
  if (rail) {
    parts.push(
      <span key="rail" class={rail.stale ? 'ra-stale' : ''} data-testid="railair-source-rail">
        {sourceLine('overlay_trainsData', formatAge(now - rail.at, lang), t(rail.live ? 'overlay_srcRailLive' : 'overlay_srcRail'), rail.stale)}
      </span>,
    );
  }
  if (view.diagnostics > 0) {
    parts.push(
      <span key="diag" data-testid="railair-diagnostics">
        {t('overlay_undecodable', view.diagnostics)}
      </span>,
    );
  }
  return parts.length ? <div class="ra-foot">{parts}</div> : null;
}

function Body({ site, state, now, onRetry, clock = Date.now }: Omit<PanelProps, 'collapsed' | 'onToggle'>) {
  switch (state.kind) {
    case 'loading':
      return (
        <div class="ra-empty" role="status" data-testid="railair-loading">
          {t(LOOKING_UP[site])}
        </div>
      );
    case 'no-route':
      return <div class="ra-empty">{t(site === '12306' ? 'overlay_noRouteRail' : 'overlay_noRouteAir')}</div>;
    case 'failed':
      // The cause is a program's words, not the user's language: kept for a bug report, as the tooltip.
      return (
        <div class="ra-empty ra-error" role="alert" title={state.message}>
          {t('overlay_failed')}
        </div>
      );
    case 'view': {
      const v = state.view;
      if (v.status === 'no-place' || v.status === 'error') {
        return (
          <div class="ra-empty ra-error" role="alert">
            {v.error ? pick(uiLang(), v.error.message) : t('overlay_somethingWrong')}
          </div>
        );
      }
      return (
        <>
          {v.status === 'no-data' ? (
            <NoData site={site} view={v} onRetry={onRetry} clock={clock} />
          ) : (
            <>
              {v.verdict && (
                <div class="ra-verdict" data-testid="railair-verdict">
                  <div class="ra-verdict-zh">{pick(uiLang(), v.verdict)}</div>
                  {v.filtered && (
                    <div class="ra-note" data-testid="railair-filtered">
                      {t('overlay_filtered')}
                    </div>
                  )}
                </div>
              )}
              <OptionRows rows={v.rows} mode={v.show} />
            </>
          )}
          <Footer view={v} now={now} />
        </>
      );
    }
  }
}

export function OverlayPanel(props: PanelProps) {
  const { site, state, collapsed, onToggle } = props;
  const view = state.kind === 'view' ? state.view : undefined;
  return (
    // A labelled region with its own heading: screen-reader users can jump to it (and past it).
    <section class="ra ra-panel" role="region" aria-labelledby={`railair-title-${site}`} data-testid="railair-panel" data-state={state.kind === 'view' ? state.view.status : state.kind}>
      <header class="ra-head">
        <h2 class="ra-title" id={`railair-title-${site}`}>
          {t(site === '12306' ? 'overlay_titleFlights' : 'overlay_titleTrains')}
        </h2>
        {view?.from && view.to && (
          <span class="ra-route">
            {view.from.city} → {view.to.city} · {view.date}
          </span>
        )}
        <span class="ra-spacer" />
        <button type="button" class="ra-btn" aria-expanded={!collapsed} onClick={onToggle} data-testid="railair-toggle">
          {t(collapsed ? 'overlay_show' : 'overlay_hide')}
        </button>
      </header>
      {!collapsed && (
        <div class="ra-body">
          <Body site={site} state={state} now={props.now} onRetry={props.onRetry} clock={props.clock} />
        </div>
      )}
    </section>
  );
}
