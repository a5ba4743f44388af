// One way to say why data is missing, shared by the popup (Status.tsx) and the overlay panel
// (OverlayPanel.tsx), so a user reads the same face for the same cause wherever they look:
// wait (blocked / rate-limited, with a live countdown), offline, challenge (verify on Fliggy, no
// automatic retry: RailAir never tries to get around a verification), maintenance, format
// changed (with diagnostics), or the error's own message. Pure functions only: the overlay's
// script carries this file, so it stays small and free of the search section's schemas.
import { pick, type Bilingual } from '../../lib/i18n';
import { t, uiLang } from '../../lib/i18n/catalog';
import { local } from './format';

/** The fields of a decode error the faces read (RailAnswer / AirAnswer errors, the overlay's liveError). */
export interface ErrorLike {
  code: string;
  message: Bilingual;
  retryAt?: number | undefined;
}

export type FaceKind = 'wait' | 'offline' | 'challenge' | 'maintenance' | 'format' | 'other';

const FORMAT_CODES = new Set(['schema', 'unknown-format', 'not-json', 'html-page', 'endpoint-moved']);

export function faceKind(e: ErrorLike): FaceKind {
  if (e.code === 'blocked' || e.code === 'rate-limited') return 'wait';
  if (e.code === 'offline') return 'offline';
  if (e.code === 'challenge') return 'challenge';
  if (e.code === 'maintenance') return 'maintenance';
  if (FORMAT_CODES.has(e.code)) return 'format';
  return 'other';
}

/**
 * A 12306 error in the words the faces use: 12306 turning the query away (302 to error.html, an
 * HTML page) reads the same on every screen, whatever the client said.
 */
export function railError<E extends ErrorLike>(e: E): E {
  return e.code === 'blocked' ? { ...e, message: local(t('common_face_rail_blocked')) } : e;
}

/** "The format changed" without naming the site (the flights' face; 12306 has its own words). */
export const formatText = (): string => t('common_face_format');

// A client may already name the wait in its message ("，30 秒后重试"); the face counts down itself,
// so that stale number is cut rather than shown twice.
const OWN_COUNTDOWN = /\s*[，,;；]\s*(?:\d+\s*秒后重试|retry in \d+\s*s)\s*$/;

/** Whole seconds left until `at` (0 once it has passed). */
export function secondsLeft(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * "…，42 秒后重试" / "…, retry in 42 s" — the countdown appended to a message. Past 90 s it reads
 * in minutes and seconds ("，4 分 05 秒后重试"), still ticking each second.
 */
export function countdownText(message: string, seconds: number): string {
  if (seconds < 90) return t('common_face_wait_s', message, seconds);
  return t('common_face_wait_min', message, Math.floor(seconds / 60), String(seconds % 60).padStart(2, '0'));
}

/**
 * The face's main text in the UI language: the message (the client's own words for blocked,
 * rate-limited, maintenance and others; fixed words for offline and challenge, so that they read
 * the same whatever produced them) plus, while waiting, the countdown.
 */
export function faceText(e: ErrorLike, seconds: number | undefined): string {
  switch (faceKind(e)) {
    case 'offline':
      return t('common_face_offline');
    case 'challenge':
      return t('common_face_challenge');
    case 'wait': {
      const m = pick(uiLang(), e.message).replace(OWN_COUNTDOWN, '');
      return seconds === undefined || seconds <= 0 ? m : countdownText(m, seconds);
    }
    default:
      return pick(uiLang(), e.message);
  }
}
