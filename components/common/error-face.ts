// One way to say why data is missing, shared by the popup (Status.tsx) and the overlay panel
// (OverlayPanel.tsx), so a user reads the same face for the same cause wherever they look:
// wait (blocked / rate-limited, with a live countdown), offline, challenge (verify on Fliggy, no
// automatic retry: RailAir never tries to get around a verification), maintenance, format
// changed (with diagnostics), or the error's own message. Pure functions only: the overlay's
// script carries this file, so it stays small and free of the search section's schemas.
import type { Bilingual } from '../../lib/i18n';

/** The fields of a decode error the faces read (RailAnswer / AirAnswer errors, the overlay's liveError). */
export interface ErrorLike {
  code: string;
  message: Bilingual;
  retryAt?: number | undefined;
}

export type FaceKind = 'wait' | 'offline' | 'challenge' | 'maintenance' | 'format' | 'other';

export const OFFLINE_TEXT: Bilingual = { zh: '网络不可用', en: 'Offline' };
export const CHALLENGE_TEXT: Bilingual = { zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' };
/** 12306 turned the query away (302 to error.html, an HTML page): the same words whatever the client said. */
export const RAIL_BLOCKED_TEXT: Bilingual = { zh: '12306 暂时拒绝了查询（繁忙或风控）', en: '12306 turned the query away for now (busy or risk control)' };
export const FORMAT_TEXT: Bilingual = { zh: '返回的格式已变化，暂时读不懂', en: 'The format changed; we cannot read it yet' };

const FORMAT_CODES = new Set(['schema', 'unknown-format', 'not-json', 'html-page', 'endpoint-moved']);

export function faceKind(e: ErrorLike): FaceKind {
  if (e.code === 'blocked' || e.code === 'rate-limited') return 'wait';
  if (e.code === 'offline') return 'offline';
  if (e.code === 'challenge') return 'challenge';
  if (e.code === 'maintenance') return 'maintenance';
  if (FORMAT_CODES.has(e.code)) return 'format';
  return 'other';
}

/** A 12306 error in the words the faces use (12306's refusal reads the same on every screen). */
export function railError<E extends ErrorLike>(e: E): E {
  return e.code === 'blocked' ? { ...e, message: RAIL_BLOCKED_TEXT } : e;
}

// A client may already name the wait in its message ("，30 秒后重试"); the face counts down itself,
// so that stale number is cut rather than shown twice.
const OWN_COUNTDOWN = /\s*[，,;；]\s*(?:\d+\s*秒后重试|retry in \d+\s*s)\s*$/;
const withoutCountdown = (m: Bilingual): Bilingual => ({ zh: m.zh.replace(OWN_COUNTDOWN, ''), en: m.en.replace(OWN_COUNTDOWN, '') });

/** Whole seconds left until `at` (0 once it has passed). */
export function secondsLeft(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * "，42 秒后重试" / ", retry in 42 s" — appended to the error's own message. Past 90 s it reads in
 * minutes and seconds ("，4 分 05 秒后重试"), still ticking each second.
 */
export function countdownText(seconds: number): Bilingual {
  if (seconds < 90) return { zh: `，${seconds} 秒后重试`, en: `, retry in ${seconds} s` };
  const m = Math.floor(seconds / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return { zh: `，${m} 分 ${s} 秒后重试`, en: `, retry in ${m} min ${s} s` };
}

/**
 * The face's main text in both languages: the message (the client's own words for blocked,
 * rate-limited, maintenance and others; fixed words for offline and challenge, so that they read
 * the same whatever produced them) plus, while waiting, the countdown.
 */
export function faceText(e: ErrorLike, seconds: number | undefined): Bilingual {
  switch (faceKind(e)) {
    case 'offline':
      return OFFLINE_TEXT;
    case 'challenge':
      return CHALLENGE_TEXT;
    case 'wait': {
      const m = withoutCountdown(e.message);
      if (seconds === undefined || seconds <= 0) return m;
      const c = countdownText(seconds);
      return { zh: m.zh + c.zh, en: m.en + c.en };
    }
    default:
      return e.message;
  }
}
