// Every state of a search has a face: loading (with what is being fetched), the error faces
// (./ErrorFace.tsx: waiting with a live countdown, offline, verification, maintenance, format
// changed), empty, partial, and where the flights came from and how old they are.
import type { Lang } from '../../lib/i18n';
import { pick } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import type { AirAnswer, RailAnswer } from '../../lib/messages/search';
import { Banner } from '../common/Banner';
import { formatAge } from '../common/format';
import { ErrorFace } from './ErrorFace';

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
        {t('popup_rail_loading', route)}
      </Banner>
    );
  }
  if (rail.ok) {
    if (rail.trains.some((t) => t.status === 'maintenance')) {
      return (
        <Banner tone="warn" testId="rail-maintenance">
          {t('popup_maintenance')}
          <span class="hint"> {t('popup_maintenance_hint')}</span>
        </Banner>
      );
    }
    if (rail.trains.length === 0) {
      return (
        <Banner tone="info" testId="rail-empty">
          {t('popup_rail_empty')}
        </Banner>
      );
    }
    return null;
  }
  return <ErrorFace error={rail.error} side="rail" {...p} />;
}

/** Where the flights came from, in words. `via` is the live client's account of its source. */
function sourceText(air: Extract<AirAnswer, { ok: true }>): string {
  const via = 'via' in air && typeof air.via === 'string' ? air.via : undefined;
  if (air.source === 'top' || via === 'top') return t('popup_source_top');
  if (via === 'live') return t('popup_source_live');
  return t('popup_source_page');
}

export function AirStatus({ air, onOptions, ...p }: StatusProps & { air: Pending<AirAnswer>; onOptions: () => void }) {
  const { lang } = p;
  if (!air) return null;
  if (air === 'pending') {
    return (
      <Banner tone="busy" testId="air-loading">
        {t('popup_air_loading')}
      </Banner>
    );
  }
  if (air.ok) {
    return (
      <div class="source" data-testid="air-source">
        {t('popup_air_source', sourceText(air), formatAge(p.clock() - air.fetchedAt))}
        {air.flights.length === 0 && <span class="hint"> · {t('popup_air_empty')}</span>}
      </div>
    );
  }
  const { code, message } = air.error;
  // No airports: nothing to open or set up.
  if (code === 'no-city') {
    return (
      <Banner tone="info" testId="air-none">
        {pick(lang, message)}
      </Banner>
    );
  }
  const url = air.fliggyUrl;
  // No source is a state to act on (search on Fliggy, set up TOP), not a fault. Flights come
  // live now, so Fliggy is a plain link: nothing waits for it.
  if (code === 'no-source') {
    return (
      <Banner tone="info" testId="air-none">
        {pick(lang, message)}
        {url && <FliggyLink url={url} />}
        <button type="button" class="link" onClick={onOptions}>
          {t('popup_setup_top')}
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
      {t('popup_fliggy_search')}
    </a>
  );
}
