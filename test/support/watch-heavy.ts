// A heavy user's watches, built in code: many watches on many routes, each with a full seat
// history, plus a storage area in memory that counts what is written (bench and layout tests).
import type { ChinaDate, EpochMs } from '../../lib/model';
import type { StorageAreaLike } from '../../lib/store/watch-layout';
import { HISTORY_MAX } from '../../lib/watch/history';
import { newRailWatch, routeKeyOf, watchesDocSchema, type HistoryPoint, type RouteState, type WatchesDoc } from '../../lib/watch/model';

/** The telecode of route `r` (AAP, BAP, …): distinct per route, three capitals. */
export const fromOf = (r: number) => `${String.fromCharCode(65 + (r % 26))}${String.fromCharCode(65 + (Math.floor(r / 26) % 26))}P`;

/**
 * `watches` rail watches spread over `routes` routes (to SHH), each with `points` history points
 * a few minutes apart up to `now`. Routes below `due` are due at `now`; the others were just
 * asked and wait.
 */
export function heavyDoc(o: { watches: number; routes: number; points: number; due: number; now: EpochMs; date: ChinaDate }): WatchesDoc {
  const watches = [];
  const points = Math.min(o.points, HISTORY_MAX);
  for (let i = 0; i < o.watches; i++) {
    const r = i % o.routes;
    const w = newRailWatch(
      { date: o.date, from: { telecode: fromOf(r), name: `站${r}` }, to: { telecode: 'SHH', name: '上海' }, trains: [`G${i}`], trainNos: [], classes: ['ze'], seats: 1 },
      `w${i.toString(36).padStart(4, '0')}`,
      o.now - 4 * 24 * 3600_000,
    );
    const history: HistoryPoint[] = [];
    for (let p = points; p > 0; p--) history.push([o.now - p * 13 * 60_000, (i + p) % 7]);
    watches.push({ ...w, history, lastCheckedAt: o.now - 60_000 });
  }
  const routes: Record<string, RouteState> = {};
  for (const w of watches) {
    const r = Number(/\d+/.exec(w.from.name ?? '')?.[0]);
    routes[routeKeyOf(w)] = r < o.due ? { nextAt: o.now - 1000, lastQueryAt: o.now - 61_000, failures: 0 } : { nextAt: o.now + 50_000, lastQueryAt: o.now - 10_000, failures: 0 };
  }
  // As stored: parsed, so its fields are in the schema's order, as every write leaves them.
  return watchesDocSchema.parse({ watches, routes, lastCycleAt: o.now - 60_000 });
}

/**
 * A storage area in memory counting bytes written. Values are kept as JSON text, as the browser
 * keeps them, and parsed on each read (`data` holds the parsed values, for tests to look at).
 */
export function countingArea(): StorageAreaLike & { data: Map<string, unknown>; written: { bytes: number; keys: string[] }; reset(): void } {
  const listeners: ((changes: Record<string, { newValue?: unknown }>) => void)[] = [];
  const tell = (changes: Record<string, { newValue?: unknown }>) => queueMicrotask(() => listeners.forEach((l) => l(changes)));
  const data = new Map<string, unknown>();
  const text = new Map<string, string>();
  const parsedOf = new Map<string, unknown>();
  const written = { bytes: 0, keys: [] as string[] };
  return {
    data,
    written,
    reset() {
      written.bytes = 0;
      written.keys = [];
    },
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        if (!data.has(k)) continue;
        // A test may have put a value in `data` directly: read as it is now.
        const t = text.get(k);
        out[k] = JSON.parse(t !== undefined && data.get(k) === parsedOf.get(k) ? t : JSON.stringify(data.get(k)));
      }
      return out;
    },
    onChanged: { addListener: (cb) => void listeners.push(cb) },
    async set(items) {
      const changes: Record<string, { newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        const json = JSON.stringify(v);
        written.bytes += k.length + json.length;
        written.keys.push(k);
        const v2 = JSON.parse(json);
        data.set(k, v2);
        text.set(k, json);
        parsedOf.set(k, v2);
        changes[k] = { newValue: JSON.parse(json) };
      }
      tell(changes);
    },
    async remove(keys) {
      for (const k of keys) {
        data.delete(k);
        text.delete(k);
      }
      tell(Object.fromEntries(keys.map((k) => [k, {}])));
    },
  };
}
