// A cap on pushes, so a seat that flaps between 无 and 1 cannot make a phone buzz all day: at most
// one push per watch per transition (the caller passes the transition's key), and at most
// `perHour` pushes in any 60 minutes across all watches. Pure: the caller stores the state.

export interface PushLimitState {
  /** Epoch ms of the pushes sent in the last hour, oldest first. */
  sent: number[];
  /** Transition keys already pushed (watch id + what changed), newest last, bounded. */
  keys: string[];
}

export const EMPTY_PUSH_LIMIT: PushLimitState = { sent: [], keys: [] };
const HOUR_MS = 60 * 60 * 1000;
const MAX_KEYS = 500;

export type PushDecision = { send: true; state: PushLimitState } | { send: false; why: 'already-sent' | 'hourly-cap'; state: PushLimitState };

/** Whether a push for `key` may go now, and the state after it (unchanged when it may not). */
export function allowPush(state: PushLimitState, key: string, now: number, perHour = 30): PushDecision {
  const sent = state.sent.filter((t) => now - t < HOUR_MS && t <= now);
  if (state.keys.includes(key)) return { send: false, why: 'already-sent', state: { ...state, sent } };
  if (sent.length >= perHour) return { send: false, why: 'hourly-cap', state: { ...state, sent } };
  return { send: true, state: { sent: [...sent, now], keys: [...state.keys, key].slice(-MAX_KEYS) } };
}
