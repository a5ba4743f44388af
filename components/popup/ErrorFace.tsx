// The popup's face for a failed side (trains or flights), built on the shared error faces
// (components/common/error-face.ts): waiting with a live countdown (and one automatic retry when
// it runs out), offline (retried when the browser is back online), verification on Fliggy (a
// link, never an automatic retry), maintenance, format changed (with diagnostics), or the
// error's own words with a retry.
import { useEffect, useRef } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import { pick, tr } from '../../lib/i18n';
import { Banner } from '../common/Banner';
import { bi } from '../common/format';
import { faceKind, faceText, FORMAT_TEXT, railError, type ErrorLike } from '../common/error-face';
import { useCountdown } from '../common/use-countdown';

export const MAINTENANCE_TEXT = bi('12306 维护中，06:00 后恢复', '12306 is in maintenance until 06:00');

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

const text = (b: { zh: string; en: string }) => bi(b.zh, b.en);

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
      {tr(lang, '重试', 'Retry')}
    </button>
  );

  switch (kind) {
    case 'wait':
      return (
        <Banner tone="error" testId={`${side}-blocked`}>
          <span data-testid={`${side}-countdown`}>{text(faceText(e, left))}</span>
          {retry(!!left && left > 0)}
        </Banner>
      );
    case 'offline':
      return (
        <Banner tone="error" testId={`${side}-offline`}>
          {text(faceText(e, undefined))}
          <span class="hint"> {tr(lang, '联网后自动重试', 'retries when back online')}</span>
          {retry()}
        </Banner>
      );
    case 'challenge':
      return (
        <Banner tone="warn" testId={`${side}-challenge`}>
          {text(faceText(e, undefined))}
          {fliggyUrl && (
            <a class="link" href={fliggyUrl} target="_blank" rel="noopener noreferrer" data-testid={`${side}-verify`}>
              {tr(lang, '打开飞猪', 'Open Fliggy')}
            </a>
          )}
        </Banner>
      );
    case 'maintenance':
      return (
        <Banner tone="warn" testId={`${side}-maintenance`}>
          {side === 'rail' ? MAINTENANCE_TEXT : text(e.message)}
        </Banner>
      );
    case 'format':
      return (
        <Banner tone="error" testId={`${side}-format`}>
          {side === 'rail'
            ? bi('12306 返回的格式已变化，暂时读不懂', '12306 changed its format; we cannot read it yet')
            : text(FORMAT_TEXT)}
          <span class="hint"> ({pick(lang, e.message)})</span>
          <button type="button" class="link" onClick={onDiagnostics}>
            {tr(lang, '查看诊断', 'See diagnostics')}
          </button>
        </Banner>
      );
    default:
      return (
        <Banner tone="error" testId={side === 'rail' ? 'rail-error' : 'air-none'}>
          {text(e.message)}
          {retry()}
        </Banner>
      );
  }
}
