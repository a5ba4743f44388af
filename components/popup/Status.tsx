// Every state of a search has a face: loading (with what is being fetched), the error faces
// (./ErrorFace.tsx: waiting with a live countdown, offline, verification, maintenance, format
// changed), empty, partial, and where the flights came from and how old they are.
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import type { AirAnswer, RailAnswer } from '../../lib/messages/search';
import { Banner } from '../common/Banner';
import { bi, formatAge } from '../common/format';
import { ErrorFace, MAINTENANCE_TEXT } from './ErrorFace';

export { MAINTENANCE_TEXT } from './ErrorFace';

export type Pending<T> = T | 'pending' | undefined;

export interface StatusProps {
  lang: Lang;
  /** The popup's clock (api.now): the faces' countdowns and ages read it. */
  clock: () => number;
  onRetry: () => void;
  /** A countdown ran out: the popup retries by itself (once). */
  onCountdownEnd?: () => void;
  onDiagnostics: () => void;
}

export function RailStatus({ rail, route, ...p }: StatusProps & { rail: Pending<RailAnswer>; route: string }) {
  if (!rail) return null;
  if (rail === 'pending') {
    return (
      <Banner tone="busy" testId="rail-loading">
        {bi(`正在查询 12306 余票：${route}…`, `Fetching 12306 seats: ${route}…`)}
      </Banner>
    );
  }
  if (rail.ok) {
    if (rail.trains.some((t) => t.status === 'maintenance')) {
      return (
        <Banner tone="warn" testId="rail-maintenance">
          {MAINTENANCE_TEXT}
          <span class="hint"> {bi('可查看车次，暂不能购票', 'trains shown, booking closed')}</span>
        </Banner>
      );
    }
    if (rail.trains.length === 0) {
      return (
        <Banner tone="info" testId="rail-empty">
          {bi('这一天没有直达列车', 'No direct trains on this day')}
        </Banner>
      );
    }
    return null;
  }
  return <ErrorFace error={rail.error} side="rail" {...p} />;
}

/** Where the flights came from, in words. `via` is the live client's account of its source. */
function sourceText(air: Extract<AirAnswer, { ok: true }>, lang: Lang): string {
  const via = 'via' in air && typeof air.via === 'string' ? air.via : undefined;
  if (air.source === 'top' || via === 'top') return tr(lang, '淘宝开放平台', 'Taobao Open Platform');
  if (via === 'live') return tr(lang, '飞猪实时查询', 'Fliggy live search');
  return tr(lang, '飞猪页面', 'Fliggy page');
}

export function AirStatus({ air, onOptions, ...p }: StatusProps & { air: Pending<AirAnswer>; onOptions: () => void }) {
  const { lang } = p;
  if (!air) return null;
  if (air === 'pending') {
    return (
      <Banner tone="busy" testId="air-loading">
        {bi('正在查询航班…', 'Fetching flights…')}
      </Banner>
    );
  }
  if (air.ok) {
    return (
      <div class="source" data-testid="air-source">
        {tr(lang, '航班来源', 'Flights from')}: {sourceText(air, lang)} · {formatAge(p.clock() - air.fetchedAt, lang)}
        {air.flights.length === 0 && <span class="hint"> · {bi('这一天没有航班', 'No flights on this day')}</span>}
      </div>
    );
  }
  const { code, message } = air.error;
  // No airports: nothing to open or set up.
  if (code === 'no-city') {
    return (
      <Banner tone="info" testId="air-none">
        {bi(message.zh, message.en)}
      </Banner>
    );
  }
  const url = air.fliggyUrl;
  // No source is a state to act on (search on Fliggy, set up TOP), not a fault. Flights come
  // live now, so Fliggy is a plain link: nothing waits for it.
  if (code === 'no-source') {
    return (
      <Banner tone="info" testId="air-none">
        {bi(message.zh, message.en)}
        {url && <FliggyLink url={url} />}
        <button type="button" class="link" onClick={onOptions}>
          {tr(lang, '设置淘宝开放平台', 'Set up Taobao Open Platform')}
        </button>
      </Banner>
    );
  }
  return (
    <>
      <ErrorFace error={air.error} side="air" fliggyUrl={url} {...p} />
      {url && code !== 'challenge' && <FliggyLink url={url} />}
    </>
  );
}

function FliggyLink({ url }: { url: string }) {
  return (
    <a class="link small" href={url} target="_blank" rel="noopener noreferrer" data-testid="open-fliggy">
      在飞猪查看此搜索 · See this search on Fliggy
    </a>
  );
}
