// Every state of a search has a face: loading (with what is being fetched), maintenance,
// blocked / rate-limited (with when to retry), format changed (with the way to diagnostics),
// empty, partial, and where the flights came from and how old they are.
import type { Lang } from '../../lib/i18n';
import { pick, tr } from '../../lib/i18n';
import type { AirAnswer, RailAnswer } from '../../lib/messages/search';
import { Banner } from '../common/Banner';
import { bi, formatAge, untilText } from '../common/format';

export type Pending<T> = T | 'pending' | undefined;

const FORMAT_CODES = new Set(['schema', 'unknown-format', 'not-json', 'html-page', 'endpoint-moved']);

export const MAINTENANCE_TEXT = bi('12306 维护中，06:00 后恢复', '12306 is in maintenance until 06:00');

export function RailStatus({
  rail,
  route,
  now,
  lang,
  onRetry,
  onDiagnostics,
}: {
  rail: Pending<RailAnswer>;
  route: string;
  now: number;
  lang: Lang;
  onRetry: () => void;
  onDiagnostics: () => void;
}) {
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
  const e = rail.error;
  if (e.code === 'maintenance') {
    return (
      <Banner tone="warn" testId="rail-maintenance">
        {MAINTENANCE_TEXT}
      </Banner>
    );
  }
  if (e.code === 'rate-limited' || e.code === 'blocked') {
    const when = e.retryAt ? untilText(e.retryAt, now, lang) : undefined;
    return (
      <Banner tone="error" testId="rail-blocked">
        {e.code === 'blocked'
          ? bi('12306 暂时拒绝了查询', '12306 refused the query for now')
          : bi('12306 限制了查询频率', '12306 is limiting requests')}
        {when && <span class="hint"> {tr(lang, `请在 ${when} 后重试`, `retry in ${when}`)}</span>}
        <button type="button" class="link" onClick={onRetry} disabled={!!e.retryAt && e.retryAt > now}>
          {tr(lang, '重试', 'Retry')}
        </button>
      </Banner>
    );
  }
  if (FORMAT_CODES.has(e.code)) {
    return (
      <Banner tone="error" testId="rail-format">
        {bi('12306 返回的格式已变化，暂时读不懂', '12306 changed its format; we cannot read it yet')}
        <span class="hint"> ({pick(lang, e.message)})</span>
        <button type="button" class="link" onClick={onDiagnostics}>
          {tr(lang, '查看诊断', 'See diagnostics')}
        </button>
      </Banner>
    );
  }
  return (
    <Banner tone="error" testId="rail-error">
      {bi(e.message.zh, e.message.en)}
      <button type="button" class="link" onClick={onRetry}>
        {tr(lang, '重试', 'Retry')}
      </button>
    </Banner>
  );
}

export function AirStatus({
  air,
  now,
  lang,
  waitingFliggy,
  onOpenFliggy,
  onOptions,
}: {
  air: Pending<AirAnswer>;
  now: number;
  lang: Lang;
  waitingFliggy: boolean;
  onOpenFliggy: (url: string) => void;
  onOptions: () => void;
}) {
  if (!air) return null;
  if (air === 'pending') {
    return (
      <Banner tone="busy" testId="air-loading">
        {bi('正在查询航班…', 'Fetching flights…')}
      </Banner>
    );
  }
  if (air.ok) {
    const src = air.source === 'top' ? tr(lang, '淘宝开放平台', 'Taobao Open Platform') : tr(lang, '飞猪页面', 'Fliggy page');
    return (
      <div class="source" data-testid="air-source">
        {tr(lang, '航班来源', 'Flights from')}: {src} · {formatAge(now - air.fetchedAt, lang)}
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
  // No source yet is a state to act on (open Fliggy, set up TOP), not a fault.
  return (
    <Banner tone={code === 'no-source' ? 'info' : 'error'} testId="air-none">
      {bi(message.zh, message.en)}
      {url && !waitingFliggy && (
        <button type="button" class="primary small" data-testid="open-fliggy" onClick={() => onOpenFliggy(url)}>
          在飞猪打开此搜索 · Open this search on Fliggy
        </button>
      )}
      {waitingFliggy && <span class="hint"> {bi('等待飞猪页面的结果…', "Waiting for Fliggy's results…")}</span>}
      <button type="button" class="link" onClick={onOptions}>
        {tr(lang, '设置淘宝开放平台', 'Set up Taobao Open Platform')}
      </button>
    </Banner>
  );
}
