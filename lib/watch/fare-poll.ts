// Fare watches polled with no Fliggy tab, pure: which (date, from city, to city) to ask Fliggy's
// live search about now, and when to wake next. One search per route and date per poll, whatever
// the number of watches on it; never more often than the fare interval (≥ 5 min), never in quiet
// hours, never while the live client backs off (Fliggy's verification page or its limits), never
// for a date already gone. The answers go through checkFareWatches like any other flight answer.
import type { ChinaDate, EpochMs, FlightSearchResult } from '../model';
import { FARE_INTERVAL_MIN } from '../settings';
import type { DecodeError } from '../result';
import { chinaDateOf } from '../time';
import { errorInfoOf, type FareWatch, type Watch, type WatchesDoc } from './model';
import { quietUntil, type QuietHours } from './quiet';
import type { Action } from './scheduler';

/** What the fare watches need of the shared live Fliggy client (lib/air/fliggy-client.ts). */
export interface FareSource {
  searchFlights(q: { date: string; fromCity: string; toCity: string }): Promise<{ ok: true; value: FlightSearchResult } | { ok: false; error: DecodeError }>;
  /** The client's back-off: no poll before it ends. */
  blockedUntil(): Promise<EpochMs | undefined>;
}

export interface FareRoute {
  date: ChinaDate;
  fromCity: string;
  toCity: string;
  watchIds: string[];
}

export interface FarePollSettings extends QuietHours {
  /** Between two polls, ms (settings.fareIntervalMin, floored at 5 min outside test builds). */
  intervalMs: number;
}

export interface FarePlan {
  /** Routes to ask now (empty when nothing is due). */
  due: FareRoute[];
  /** The document with the poll time recorded when something is due. */
  state: WatchesDoc;
  /** When the next poll may go; null = no fare watch to poll. */
  nextAt: EpochMs | null;
}

/**
 * The interval between polls: the setting, floored at 5 min; a test build's interval (seconds)
 * replaces it when set, so the e2e run does not wait minutes.
 */
export function farePollSettings(q: QuietHours, fareIntervalMin: number, testIntervalSec?: number): FarePollSettings {
  const quiet = { quietStart: q.quietStart, quietEnd: q.quietEnd };
  if (testIntervalSec !== undefined && testIntervalSec > 0) return { ...quiet, intervalMs: testIntervalSec * 1000 };
  return { ...quiet, intervalMs: Math.max(fareIntervalMin, FARE_INTERVAL_MIN) * 60_000 };
}

const polled = (w: Watch, today: ChinaDate): w is FareWatch => w.kind === 'fare' && w.status === 'active' && !w.paused && w.date >= today;

/** The routes the active fare watches want, one entry per (date, from, to). */
export function fareRoutes(watches: readonly Watch[], now: EpochMs): FareRoute[] {
  const today = chinaDateOf(now);
  const byKey = new Map<string, FareRoute>();
  for (const w of watches) {
    if (!polled(w, today)) continue;
    const key = `${w.date}|${w.fromCity}|${w.toCity}`;
    const r = byKey.get(key);
    if (r) r.watchIds.push(w.id);
    else byKey.set(key, { date: w.date, fromCity: w.fromCity, toCity: w.toCity, watchIds: [w.id] });
  }
  return [...byKey.values()];
}

/** What to poll now; `blockedUntil` is the live client's back-off (undefined when free). */
export function planFarePoll(doc: WatchesDoc, now: EpochMs, s: FarePollSettings, blockedUntil?: EpochMs): FarePlan {
  const routes = fareRoutes(doc.watches, now);
  if (routes.length === 0) return { due: [], state: doc, nextAt: null };
  const earliest = doc.farePollAt === undefined ? now : doc.farePollAt + s.intervalMs;
  const quiet = quietUntil(now, s);
  const blocked = blockedUntil !== undefined && blockedUntil > now ? blockedUntil : undefined;
  if (now >= earliest && quiet === undefined && blocked === undefined) {
    return { due: routes, state: { ...doc, farePollAt: now }, nextAt: now + s.intervalMs };
  }
  return { due: [], state: doc, nextAt: Math.max(earliest, quiet ?? 0, blocked ?? 0) };
}

/** The scheduler's wake moved earlier when the next fare poll comes first. */
export function withFareWake(actions: Action[], fareAt: EpochMs | null): Action[] {
  if (fareAt === null) return actions;
  return actions.map((a) => {
    if (a.type !== 'wake') return a;
    if (a.at !== null && a.at <= fareAt) return a;
    return { type: 'wake', at: fareAt, why: 'due' };
  });
}

/** A failed poll, shown on the route's watches (cleared by the next good answer). */
export function fareFailed(watches: readonly Watch[], route: FareRoute, error: DecodeError, now: EpochMs): Watch[] {
  const info = errorInfoOf(error);
  return watches.map((w) => (route.watchIds.includes(w.id) ? { ...w, lastError: { ...info, at: now } } : w));
}

/** A good answer for the route: its watches' last error is gone. */
export function fareAnswered(watches: readonly Watch[], route: FareRoute): Watch[] {
  return watches.map((w) => {
    if (!route.watchIds.includes(w.id) || !w.lastError) return w;
    const { lastError: _gone, ...rest } = w;
    return rest as Watch;
  });
}
