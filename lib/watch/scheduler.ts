// The watch scheduler, pure: state in, actions out. `decide` says which routes to query now (one
// query per (date, from, to), whatever the number of watches on it), which watches expire, and
// when to wake next; `observe` takes one route's answer and says whom to notify. The background
// service only carries the actions out (alarms, the shared 12306 client, notifications, badge).
import type { ChinaDate, EpochMs, LeftTicketResult, Station } from '../model';
import type { DecodeError } from '../result';
import type { Lang } from '../i18n';
import { chinaDateOf, chinaInstant, addDays, MINUTE_MS, parseHm } from '../time';
import { expiryOf, type ExpiryReason } from './expiry';
import { pushHistory } from './history';
import { coveredRoutes, polledDates } from './dates';
import { dayOfRoute, seeDay, withoutWaitlist } from './see-day';
import { clip, errorInfoOf, isPolled, routeKeyOf, type Backoff, type RailWatch, type RouteKey, type RouteState, type Watch, type WatchesDoc } from './model';
import type { WatchNotification } from './notify';
import { quietUntil } from './quiet';

export interface SchedulerSettings {
  /** Seconds between two queries of one route (before jitter). */
  intervalSec: number;
  quietStart: string;
  quietEnd: string;
  notify: boolean;
  language: Lang;
  /** Floor of the interval: 30 s (12306 answers 403 to faster pollers). Lowered only in test builds. */
  minIntervalSec?: number;
}

export const MIN_INTERVAL_SEC = 30;
/** ±20 % around the interval, so many browsers do not poll 12306 in step. */
export const JITTER = 0.2;
/** Consecutive failures stretch a route's interval up to 2^4 times. */
const MAX_STRETCH = 4;
/**
 * Without train watches to poll, the alarm still comes back at every whole hour while fare watches
 * are active, so they expire (dates end at China midnight, a whole hour). Whole hours keep the
 * alarm's time stable across start-ups.
 */
export const EXPIRY_WAKE_MS = 60 * MINUTE_MS;

export type Action =
  | { type: 'query'; route: RouteKey; date: ChinaDate; from: Station; to: Station; watchIds: string[] }
  | { type: 'expire'; watchId: string; reason: ExpiryReason }
  | { type: 'notify'; watchId: string; notification: WatchNotification }
  | { type: 'badge'; count: number }
  /** When to run the next cycle; null = nothing to poll (clear the alarm). */
  | { type: 'wake'; at: EpochMs | null; why: 'due' | 'quiet' | 'backoff' | 'idle' | 'expiry' };

export interface Decision {
  state: WatchesDoc;
  actions: Action[];
}

export type QueryAction = Extract<Action, { type: 'query' }>;

function floorSec(s: SchedulerSettings): number {
  return s.minIntervalSec ?? MIN_INTERVAL_SEC;
}

/** The wait before the next query of a route: interval, stretched by failures, jittered, floored. */
export function nextDelayMs(s: SchedulerSettings, failures: number, rng: () => number): number {
  const base = Math.max(s.intervalSec, floorSec(s)) * 1000 * 2 ** Math.min(failures, MAX_STRETCH);
  const jittered = base * (1 + JITTER * (2 * rng() - 1));
  return Math.max(Math.round(jittered), floorSec(s) * 1000);
}

/**
 * A route due later than its last query plus the longest wait the settings now give (top of the
 * jitter) was planned under a longer interval: its new time, never closer to the last query than
 * the production floor (a test build's lower floor applies to new plans only).
 */
function replanned(rs: RouteState, s: SchedulerSettings, rng: () => number): RouteState {
  if (rs.lastQueryAt === undefined) return rs;
  const floorMs = MIN_INTERVAL_SEC * 1000;
  if (rs.nextAt <= rs.lastQueryAt + Math.max(nextDelayMs(s, rs.failures, () => 1), floorMs)) return rs;
  return { ...rs, nextAt: rs.lastQueryAt + Math.max(nextDelayMs(s, rs.failures, rng), floorMs) };
}

/** Watches that have seats now (the badge). */
export function withSeatsCount(watches: readonly Watch[]): number {
  return watches.filter((w) => w.status === 'active' && !w.paused && (w.kind === 'rail' ? w.available.length > 0 : w.below)).length;
}

/** The back-off in force at `now`, if any. */
export function activeBackoff(doc: WatchesDoc, now: EpochMs): Backoff | undefined {
  return doc.backoff && now < doc.backoff.until ? doc.backoff : undefined;
}

/** One scheduling step: expire, then (outside quiet hours and back-off) query every due route once. */
export function decide(doc: WatchesDoc, now: EpochMs, settings: SchedulerSettings, rng: () => number = Math.random): Decision {
  const actions: Action[] = [];
  const watches = doc.watches.map((w): Watch => {
    const reason = expiryOf(w, now);
    if (!reason) return w;
    actions.push({ type: 'expire', watchId: w.id, reason });
    return w.kind === 'rail'
      ? { ...withoutWaitlist(w), status: 'expired', expiredReason: reason, available: [] }
      : { ...w, status: 'expired', expiredReason: reason, below: false };
  });

  // A watch over neighbouring days joins each day's route: still one query per (date, from, to).
  const byRoute = new Map<RouteKey, { date: ChinaDate; list: RailWatch[] }>();
  for (const w of watches) {
    if (!isPolled(w)) continue;
    for (const date of polledDates(w, now)) {
      const k = routeKeyOf({ date, from: w.from, to: w.to });
      const group = byRoute.get(k);
      if (group) group.list.push(w);
      else byRoute.set(k, { date, list: [w] });
    }
  }
  // Route states live only as long as a watch needs them.
  const routes: Record<RouteKey, RouteState> = {};
  for (const k of byRoute.keys()) {
    const rs = doc.routes[k];
    if (rs) routes[k] = rs;
  }

  const quiet = quietUntil(now, settings);
  const backoff = activeBackoff(doc, now);
  let wake: Extract<Action, { type: 'wake' }>;
  // Fare watches are not polled, but they expire too: an alarm must still come back for them.
  const fareActive = watches.some((w) => w.kind === 'fare' && w.status === 'active');
  if (byRoute.size === 0) {
    wake = fareActive ? { type: 'wake', at: (Math.floor(now / EXPIRY_WAKE_MS) + 1) * EXPIRY_WAKE_MS, why: 'expiry' } : { type: 'wake', at: null, why: 'idle' };
  } else if (quiet !== undefined) {
    wake = { type: 'wake', at: Math.max(quiet, backoff?.until ?? 0), why: 'quiet' };
  } else if (backoff) {
    wake = { type: 'wake', at: backoff.until, why: 'backoff' };
  } else {
    const floorMs = floorSec(settings) * 1000;
    let next = Infinity;
    for (const [k, { date, list }] of byRoute) {
      // The interval may have been lowered since this route was planned: do not wait out the old plan.
      const rs = replanned(routes[k] ?? { nextAt: now, failures: 0 }, settings, rng);
      const rested = rs.lastQueryAt === undefined || now - rs.lastQueryAt >= floorMs;
      if (now >= rs.nextAt && rested) {
        const first = list[0]!;
        actions.push({ type: 'query', route: k, date, from: first.from, to: first.to, watchIds: list.map((w) => w.id) });
        routes[k] = { ...rs, lastQueryAt: now, nextAt: now + nextDelayMs(settings, rs.failures, rng) };
      } else {
        routes[k] = rs;
      }
      const due = Math.max(routes[k]!.nextAt, (routes[k]!.lastQueryAt ?? -Infinity) + floorMs);
      next = Math.min(next, due);
    }
    wake = { type: 'wake', at: Math.max(next, now + 1000), why: 'due' };
  }
  actions.push(wake);
  actions.push({ type: 'badge', count: withSeatsCount(watches) });
  return { state: { ...doc, watches, routes, lastCycleAt: now }, actions };
}

/** What the shared client answered for one route (its DecodeResult, plus when it was fetched). */
export type RouteAnswer =
  | { ok: true; value: Pick<LeftTicketResult, 'trains' | 'stationNames'>; fetchedAt?: EpochMs; fromCache?: boolean }
  | { ok: false; error: DecodeError };

const BACKOFF_CODES = new Set(['rate-limited', 'blocked', 'maintenance']);

/** Default waits when 12306 gives no retry time; the streak doubles them, up to a cap. */
function defaultBackoffUntil(code: Backoff['code'], streak: number, now: EpochMs): EpochMs {
  if (code === 'maintenance') {
    // The nightly window ends around 06:00 China time (it starts as early as 22:00 some days);
    // outside it, try again in half an hour.
    const six = parseHm('06:00')!;
    const today = chinaDateOf(now);
    const endToday = chinaInstant(today, six);
    if (now < endToday) return endToday;
    if (now >= chinaInstant(today, 22 * 60)) return chinaInstant(addDays(today, 1), six);
    return now + 30 * MINUTE_MS;
  }
  const base = code === 'blocked' ? 10 * MINUTE_MS : 2 * MINUTE_MS;
  const cap = code === 'blocked' ? 120 * MINUTE_MS : 60 * MINUTE_MS;
  return now + Math.min(base * 2 ** (streak - 1), cap);
}

function fillName(s: Station, names: Record<string, string>): Station {
  const name = s.name ?? names[s.telecode];
  return name ? { ...s, name: clip(name, 32) } : s;
}

/** One route's answer: transitions → notifications, seat history, errors → back-off. */
export function observe(
  doc: WatchesDoc,
  route: RouteKey,
  answer: RouteAnswer,
  now: EpochMs,
  settings: SchedulerSettings,
): Decision {
  const actions: Action[] = [];
  const onRoute = (w: Watch): w is RailWatch => isPolled(w) && coveredRoutes(w).includes(route);
  const rs: RouteState = doc.routes[route] ?? { nextAt: now, failures: 0 };

  if (!answer.ok) {
    const e = answer.error;
    // 12306's text goes into the stored document: clipped to its caps, or the watch would not load.
    const info = errorInfoOf(e);
    const watches = doc.watches.map((w) => (onRoute(w) ? { ...w, lastError: { ...info, at: now } } : w));
    if (BACKOFF_CODES.has(e.code)) {
      // 12306 limits a client, not a route: every watch waits, and the popup says why and until when.
      const code = e.code as Backoff['code'];
      const prev = doc.backoff;
      const streak = prev && now - prev.until < 60 * MINUTE_MS ? prev.streak + 1 : 1;
      const until = e.retryAt !== undefined && e.retryAt > now ? e.retryAt : defaultBackoffUntil(code, streak, now);
      const backoff: Backoff = { ...info, code, until, since: now, streak };
      actions.push({ type: 'badge', count: withSeatsCount(watches) });
      return { state: { ...doc, watches, backoff }, actions };
    }
    const failures = rs.failures + 1;
    const nextAt = Math.max(rs.nextAt, now + nextDelayMs(settings, failures, () => 0.5));
    const routes = { ...doc.routes, [route]: { ...rs, failures, nextAt, lastError: info } };
    actions.push({ type: 'badge', count: withSeatsCount(watches) });
    return { state: { ...doc, watches, routes }, actions };
  }

  const at = answer.fetchedAt ?? now;
  const { trains, stationNames } = answer.value;
  const watches = doc.watches.map((w): Watch => {
    if (!onRoute(w)) return w;
    const seen = seeDay(w, dayOfRoute(route), trains, now, settings, doc.lastCycleAt);
    if (seen.notification) actions.push({ type: 'notify', watchId: w.id, notification: seen.notification });
    const { lastError: _answered, ...rest } = seen.watch;
    let next: RailWatch = {
      ...rest,
      from: fillName(w.from, stationNames),
      to: fillName(w.to, stationNames),
      lastCheckedAt: at,
      ...(seen.chosenDay ? { history: pushHistory(w.history, at, seen.watch.seatsLeft) } : {}),
      ...(seen.notification ? { notifiedAt: now } : {}),
    };
    const reason = expiryOf(next, now);
    if (reason) {
      actions.push({ type: 'expire', watchId: w.id, reason });
      next = { ...withoutWaitlist(next), status: 'expired', expiredReason: reason, available: [] };
    }
    return next;
  });
  const routes = { ...doc.routes, [route]: { nextAt: rs.nextAt, failures: 0, ...(rs.lastQueryAt !== undefined ? { lastQueryAt: rs.lastQueryAt } : {}) } };
  // A good answer after a back-off ends its streak.
  const { backoff: _ended, ...rest } = doc;
  const state = activeBackoff(doc, now) ? { ...doc, watches, routes } : { ...rest, watches, routes };
  actions.push({ type: 'badge', count: withSeatsCount(watches) });
  return { state, actions };
}
