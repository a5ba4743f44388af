// Exponential, capped back-off shared by every caller of one client: when 12306 answers 403 or
// redirects to its error page, the popup, the overlay and the watches all wait together, so the
// extension never looks like a fast poller. State is plain data so it can be persisted and
// survive the service worker being stopped.
import type { EpochMs } from '../model';
import type { Bilingual } from '../i18n';

export interface BackoffState {
  /** Consecutive failures counted since the last success. */
  failures: number;
  /** No request before this instant. 0 = free. */
  until: EpochMs;
  /** What caused the current wait, so callers turned away meanwhile are told the real reason. */
  cause?: BackoffCause;
}

/** The error that started (or last extended) a wait; `code` is the caller's error code. */
export interface BackoffCause {
  code: string;
  message: Bilingual;
}

/**
 * A persisted state as the current shape. States saved before causes carried one bilingual
 * `message` kept `message` (English) and `messageZh`; they are still in users' storage.
 */
function upgradeState(s: BackoffState): BackoffState {
  const c = s.cause as (Omit<BackoffCause, 'message'> & { message: unknown; messageZh?: unknown }) | undefined;
  if (!c || typeof c.message !== 'string') return s;
  const zh = typeof c.messageZh === 'string' ? c.messageZh : c.message;
  return { ...s, cause: { code: c.code, message: { zh, en: c.message } } };
}

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  factor?: number;
  now: () => EpochMs;
  initial?: BackoffState;
  /** Called whenever the state changes (to persist it). */
  onChange?: (s: BackoffState) => void;
}

export interface Backoff {
  /** undefined when a request may go now; else the instant it may. */
  blockedUntil(): EpochMs | undefined;
  /**
   * Records a failure; `minDelayMs` (e.g. Retry-After) raises the wait; `cause` is kept in the
   * state until the next success. Returns the retry instant.
   */
  failure(minDelayMs?: number, cause?: BackoffCause): EpochMs;
  /** Why requests are held, while they are (undefined when free or when no cause was given). */
  cause(): BackoffCause | undefined;
  success(): void;
  state(): BackoffState;
  /** Delay the nth consecutive failure (1-based) earns. */
  delayFor(n: number): number;
}

export const BACKOFF_DEFAULTS = { baseMs: 30_000, maxMs: 30 * 60_000, factor: 2 } as const;

export function createBackoff(opts: BackoffOptions): Backoff {
  const baseMs = opts.baseMs ?? BACKOFF_DEFAULTS.baseMs;
  const maxMs = opts.maxMs ?? BACKOFF_DEFAULTS.maxMs;
  const factor = opts.factor ?? BACKOFF_DEFAULTS.factor;
  let st: BackoffState = upgradeState({ ...(opts.initial ?? { failures: 0, until: 0 }) });
  const changed = () => opts.onChange?.({ ...st });
  const delayFor = (n: number) => Math.min(maxMs, baseMs * factor ** Math.max(0, n - 1));
  return {
    blockedUntil() {
      return st.until > opts.now() ? st.until : undefined;
    },
    failure(minDelayMs = 0, cause) {
      const failures = st.failures + 1;
      const until = opts.now() + Math.min(maxMs, Math.max(delayFor(failures), minDelayMs));
      const c = cause ? { cause: { code: cause.code, message: cause.message } } : {};
      st = { failures, until, ...c };
      changed();
      return until;
    },
    success() {
      if (st.failures === 0 && st.until === 0) return;
      st = { failures: 0, until: 0 };
      changed();
    },
    cause() {
      return st.until > opts.now() && st.cause ? { ...st.cause } : undefined;
    },
    state: () => ({ ...st }),
    delayFor,
  };
}
