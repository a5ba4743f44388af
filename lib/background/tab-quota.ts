// A page cannot spend the user's quotas: live queries on a panel's behalf are limited per tab to a
// few different routes a minute (the same route again is free: the clients' caches answer it).
// A page querying twenty routes itself (the overlay asks live only for routes a page searched:
// lib/background/overlay.ts) still gets three live queries a minute, not twenty;
// the user's own watches and searches keep 12306's and Fliggy's patience. Worker memory only: a
// restarted worker starts a fresh minute, which is all a quota of this size needs.
import type { EpochMs } from '../model';

export const TAB_ROUTES_PER_MINUTE = 3;
const MINUTE_MS = 60_000;

export interface TabQuota {
  /** Whether tab `tabId` may have a live query for `route` now (and counts it when it may). */
  take(tabId: number, route: string): { ok: true } | { ok: false; retryAt: EpochMs };
  forget(tabId: number): void;
}

export function createTabQuota(deps: { now: () => EpochMs; perMinute?: number }): TabQuota {
  const perMinute = deps.perMinute ?? TAB_ROUTES_PER_MINUTE;
  const byTab = new Map<number, { route: string; at: EpochMs }[]>();
  return {
    take(tabId, route) {
      const t = deps.now();
      const recent = (byTab.get(tabId) ?? []).filter((e) => t - e.at < MINUTE_MS);
      byTab.set(tabId, recent);
      if (recent.some((e) => e.route === route)) return { ok: true };
      if (recent.length >= perMinute) return { ok: false, retryAt: recent[0]!.at + MINUTE_MS };
      recent.push({ route, at: t });
      return { ok: true };
    },
    forget(tabId) {
      byTab.delete(tabId);
    },
  };
}
