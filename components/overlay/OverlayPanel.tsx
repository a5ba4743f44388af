// The overlay panel: the other mode for the page's date and route, with the verdict. Collapsible
// (the state is remembered by the background, see overlay.collapse). While the background looks
// the other mode up it says what it is doing; when it has no data, the same face on both sites
// says why (the live query's error, with the shared faces of components/common/error-face.ts:
// countdown, offline, verification) and offers the one click that gets it (the other site's
// search, in a new tab).
import { useEffect, useRef } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import type { LiveError, OverlayView } from '../../lib/capture/view';
import { faceKind, faceText, railError } from '../common/error-face';
import { formatAge } from '../common/format';
import { useCountdown } from '../common/use-countdown';
import { LOOKING_UP, RETRY, VERIFY_LINK } from './labels';
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
  lang: Lang;
  now: number;
  /** Asks for the view again (a wait ran out, the network came back). */
  onRetry?: () => void;
  /** The countdown's clock (Date.now unless a test says otherwise). */
  clock?: () => number;
}

function En({ children }: { children: string }) {
  return <div class="ra-en">{children}</div>;
}

function dayText(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
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
      {flights ? '实时查询航班未成功：' : '12306 实时查询未成功：'}
      {text}
      <En>{`${flights ? 'Live flight query' : 'Live 12306 query'} did not answer: ${text}`}</En>
      {onRetry && (kind === 'wait' || kind === 'offline' || kind === 'other') && (
        <button type="button" class="ra-btn" disabled={!!left && left > 0} onClick={onRetry} data-testid="railair-retry">
          {RETRY.zh} · {RETRY.en}
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
      <div>
        {flights ? `暂无 ${route} 的航班数据` : `暂无 ${route} 的火车数据`}
        <En>{flights ? `No flights known yet for ${view.date}.` : `No trains known yet for ${view.date}.`}</En>
      </div>
      {view.liveError && (
        <LiveErrorFace error={view.liveError} flights={flights} onRetry={onRetry} clock={clock} />
      )}
      {view.otherSearchUrl ? (
        <p>
          <a class="ra-btn ra-btn-primary" href={view.otherSearchUrl} target="_blank" rel="noopener noreferrer" data-testid="railair-open-other">
            {/* Fliggy asked for a verification: its search page is where the user completes it. */}
            {challenged
              ? `${VERIFY_LINK.zh} · ${VERIFY_LINK.en}`
              : flights
                ? '在飞猪查询该航线 · Search flights on Fliggy'
                : '在12306查询该线路 · Search trains on 12306'}
          </a>
        </p>
      ) : (
        <En>
          {flights
            ? 'RailAir reads flights when you search this route on Fliggy.'
            : 'RailAir reads trains when you search this route on 12306 (kyfw.12306.cn).'}
        </En>
      )}
    </div>
  );
}

function Footer({ view, now, lang }: { view: OverlayView; now: number; lang: Lang }) {
  const en = lang === 'en';
  const parts: preact.JSX.Element[] = [];
  const { rail, air } = view.sources;
  if (air) {
    parts.push(
      <span key="air" class={air.stale ? 'ra-stale' : ''} data-testid="railair-source-air">
        {en ? 'Flights ' : '航班数据 '}
        {formatAge(now - air.at, lang)}
        {air.source === 'top'
          ? air.live
            ? en
              ? ' (Taobao Open Platform, live)'
              : '（淘宝开放平台实时查询 · live）'
            : en
              ? ' (Taobao Open Platform)'
              : '（淘宝开放平台）'
          : en
            ? ' (Fliggy)'
            : '（飞猪）'}
        {air.stale ? (en ? ', may be out of date' : '，可能已过时') : ''}
      </span>,
    );
  }
  if (rail) {
    parts.push(
      <span key="rail" class={rail.stale ? 'ra-stale' : ''} data-testid="railair-source-rail">
        {en ? 'Trains ' : '火车数据 '}
        {formatAge(now - rail.at, lang)}
        {rail.live ? (en ? ' (12306 live query)' : '（12306 实时查询 · live）') : en ? ' (12306)' : '（12306）'}
        {rail.stale ? (en ? ', may be out of date' : '，可能已过时') : ''}
      </span>,
    );
  }
  if (view.diagnostics > 0) {
    parts.push(
      <span key="diag" data-testid="railair-diagnostics">
        {en ? `${view.diagnostics} responses could not be read` : `${view.diagnostics} 个响应无法解析`}
      </span>,
    );
  }
  return parts.length ? <div class="ra-foot">{parts}</div> : null;
}

function Body({ site, state, lang, now, onRetry, clock = Date.now }: Omit<PanelProps, 'collapsed' | 'onToggle'>) {
  switch (state.kind) {
    case 'loading':
      return (
        <div class="ra-empty" role="status" data-testid="railair-loading">
          {LOOKING_UP[site].zh}
          <En>{LOOKING_UP[site].en}</En>
        </div>
      );
    case 'no-route':
      return (
        <div class="ra-empty">
          {site === '12306' ? '在本页查询车次后，这里显示同日航班。' : '在本页搜索航班后，这里显示同日火车。'}
          <En>{site === '12306' ? 'Search trains on this page to see the same-day flights here.' : 'Search flights on this page to see the same-day trains here.'}</En>
        </div>
      );
    case 'failed':
      return (
        <div class="ra-empty ra-error" role="alert">
          RailAir 暂时无法读取比较结果
          <En>{`RailAir could not load the comparison: ${state.message}`}</En>
        </div>
      );
    case 'view': {
      const v = state.view;
      if (v.status === 'no-place' || v.status === 'error') {
        return (
          <div class="ra-empty ra-error" role="alert">
            {v.error?.message.zh ?? '出错了'}
            <En>{v.error?.message.en ?? 'Something went wrong'}</En>
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
                  <div class="ra-verdict-zh">{lang === 'en' ? v.verdict.en : v.verdict.zh}</div>
                  <En>{lang === 'en' ? v.verdict.zh : v.verdict.en}</En>
                  {v.filtered && (
                    <div class="ra-note" data-testid="railair-filtered">
                      按弹窗中的筛选条件比较 · Compared under the filters set in the popup
                    </div>
                  )}
                </div>
              )}
              <OptionRows rows={v.rows} lang={lang} mode={v.show} />
            </>
          )}
          <Footer view={v} now={now} lang={lang} />
        </>
      );
    }
  }
}

export function OverlayPanel(props: PanelProps) {
  const { site, state, collapsed, onToggle } = props;
  const view = state.kind === 'view' ? state.view : undefined;
  const title = site === '12306' ? '同日航班 · Same-day flights' : '同日火车 · Same-day trains';
  return (
    <section class="ra ra-panel" data-testid="railair-panel" data-state={state.kind === 'view' ? state.view.status : state.kind}>
      <header class="ra-head">
        <span class="ra-title">RailAir · {title}</span>
        {view?.from && view.to && (
          <span class="ra-route">
            {view.from.city} → {view.to.city} · {view.date}
          </span>
        )}
        <span class="ra-spacer" />
        <button type="button" class="ra-btn" aria-expanded={!collapsed} onClick={onToggle} data-testid="railair-toggle">
          {collapsed ? '展开 · Show' : '收起 · Hide'}
        </button>
      </header>
      {!collapsed && (
        <div class="ra-body">
          <Body site={site} state={state} lang={props.lang} now={props.now} onRetry={props.onRetry} clock={props.clock} />
        </div>
      )}
    </section>
  );
}
