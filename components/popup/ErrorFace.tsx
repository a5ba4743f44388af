// The popup's face for a failed side (trains or flights), built on the shared error faces
// (components/common/error-face.ts): waiting with a live countdown (and one automatic retry when
// it runs out), offline (retried when the browser is back online), verification on Fliggy (a
// link, never an automatic retry), maintenance, format changed (with diagnostics), or the
// error's own words with a retry.
import { useEffect, useRef } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import { pick } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import { Banner } from '../common/Banner';
import { faceKind, faceText, formatText, railError, type ErrorLike } from '../common/error-face';
import { useCountdown } from '../common/use-countdown';

export interface FaceProps {
  error: ErrorLike;
  /** "rail" or "air": the prefix of the face's test id. */
  side: 'rail' | 'air';
  lang: Lang;
  clock: () => number;
  onRetry: () => void;
  /** Called once when a countdown runs out (the popup retries by itself, once). */
  onCountdownEnd?: () => void;
  onDiagnostics: () => void;
  /** Fliggy's search for the same trip (the challenge face's link). */
  fliggyUrl?: string | undefined;
}

export function ErrorFace({ error, side, lang, clock, onRetry, onCountdownEnd, onDiagnostics, fliggyUrl }: FaceProps) {
  const e = side === 'rail' ? railError(error) : error;
  const kind = faceKind(e);
  const left = useCountdown(kind === 'wait' ? e.retryAt : undefined, clock, onCountdownEnd);
  // Offline: nothing to do but wait for the network; retry as soon as the browser says it is back.
  const retryRef = useRef(onRetry);
  retryRef.current = onRetry;
  useEffect(() => {
    if (kind !== 'offline') return;
    const back = () => retryRef.current();
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, [kind]);

  const retry = (disabled = false) => (
    <button type="button" class="link" onClick={onRetry} disabled={disabled} data-testid={`${side}-retry`}>
      {t('popup_retry')}
    </button>
  );

  switch (kind) {
    case 'wait':
      return (
        <Banner tone="error" testId={`${side}-blocked`}>
          <span data-testid={`${side}-countdown`}>{faceText(e, left)}</span>
          {retry(!!left && left > 0)}
        </Banner>
      );
    case 'offline':
      return (
        <Banner tone="error" testId={`${side}-offline`}>
          {faceText(e, undefined)}
          <span class="hint"> {t('popup_retry_online')}</span>
          {retry()}
        </Banner>
      );
    case 'challenge':
      return (
        <Banner tone="warn" testId={`${side}-challenge`}>
          {faceText(e, undefined)}
          {fliggyUrl && (
            <a class="link" href={fliggyUrl} target="_blank" rel="noopener noreferrer" data-testid={`${side}-verify`}>
              {t('popup_open_fliggy')}
            </a>
          )}
        </Banner>
      );
    case 'maintenance':
      return (
        <Banner tone="warn" testId={`${side}-maintenance`}>
          {side === 'rail' ? t('popup_maintenance') : pick(lang, e.message)}
        </Banner>
      );
    case 'format':
      return (
        <Banner tone="error" testId={`${side}-format`}>
          {side === 'rail' ? t('popup_rail_format') : formatText()}
          <span class="hint"> ({pick(lang, e.message)})</span>
          <button type="button" class="link" onClick={onDiagnostics}>
            {t('popup_diagnostics')}
          </button>
        </Banner>
      );
    default:
      return (
        <Banner tone="error" testId={side === 'rail' ? 'rail-error' : 'air-none'}>
          {pick(lang, e.message)}
          {retry()}
        </Banner>
      );
  }
}
