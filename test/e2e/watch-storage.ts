// The watches as the worker stores them (lib/store/watch-layout.ts: an index, one item per
// watch, and per route a live item with what the checks changed since), read back in the old
// document's shape for the e2e tests' assertions; histories are left out, and a sighting's class
// names when they are the class's own (the tests do not look at them). Self-contained, as it runs
// inside the extension (Chromium's worker.evaluate, Firefox's extensionEval), so it decodes the
// live entries itself (lib/store/watch-live.ts).
export async function storedWatches(): Promise<{ watches: any[]; lastCycleAt?: number; farePollAt?: number } | undefined> {
  const g = globalThis as any;
  const local = (g.browser?.storage ?? g.chrome.storage).local;
  const head = await local.get(['watchIndex', 'watchSchedule']);
  const slots: string[] = head.watchIndex?.slots ?? [];
  if (!head.watchIndex) return undefined;
  const liveKeys = ((head.watchIndex.live ?? []) as string[]).map((k) => `watchLive:${k}`);
  const items = await local.get([...slots.map((s) => `watch:${s}`), ...liveKeys]);
  const entries: Record<string, { e: any; b: number }> = {};
  for (const k of liveKeys) for (const [slot, e] of Object.entries(items[k]?.w ?? {})) entries[slot] ??= { e, b: items[k].b ?? 0 };
  const LONG: Record<string, string> = { t: 'lastCheckedAt', a: 'available', n: 'seatsLeft', d: 'lastDepartAt', N: 'notifiedAt', e: 'lastError', l: 'lowestFen', L: 'lowestFlight', B: 'below', W: 'waitlist' };
  const instant = (v: any, b: number) => (typeof v === 'number' ? v + b : Array.isArray(v) ? v[0] : v);
  const sighting = (s: any, b: number) => {
    if (!Array.isArray(s)) return s;
    const [trainNo, code, cls, n, price, depart, name, nameEn] = s;
    // The day is the China date of the departure (UTC+8, no summer time).
    const date = depart !== null ? new Date(depart + b + 8 * 3_600_000).toISOString().slice(0, 10) : undefined;
    return { trainNo, code, cls, n, ...(name !== undefined ? { name, nameEn } : {}), ...(price !== null ? { price } : {}), ...(depart !== null ? { depart: depart + b, date } : {}) };
  };
  const watches = [];
  for (const s of slots) {
    const w = items[`watch:${s}`]?.w;
    if (!w) continue;
    const live = entries[s];
    const out = { ...w };
    for (const [short, v] of Object.entries(live?.e ?? {})) {
      const k = LONG[short];
      if (!k) continue;
      if (v === null) delete out[k];
      else if (k === 'available' || k === 'waitlist') out[k] = (v as unknown[]).map((x) => sighting(x, live!.b));
      else if (k === 'lastCheckedAt' || k === 'lastDepartAt' || k === 'notifiedAt') out[k] = instant(v, live!.b);
      else out[k] = v;
    }
    watches.push(out);
  }
  return { ...(head.watchSchedule ?? {}), watches };
}
