// A small TTL cache with single-flight per key: while a value for a key is being fetched, every
// other caller for that key waits for the same promise instead of sending its own request; a
// fresh value is served from memory for `ttlMs`.
import type { EpochMs } from '../model';

export interface CacheOptions<V> {
  ttlMs: number;
  now: () => EpochMs;
  /** Entries kept at most (oldest evicted first). */
  max?: number;
  /** Only values this accepts are remembered (e.g. not errors). Default: all. */
  keep?: (v: V) => boolean;
}

export interface Cached<V> {
  value: V;
  /** True when served from memory (or joined an in-flight fetch another caller started). */
  fromCache: boolean;
  /** When the value was produced. */
  at: EpochMs;
}

export interface TtlCache<V> {
  /** The fresh value for `key`, or runs `load` once for all concurrent callers. */
  run(key: string, load: () => Promise<V>): Promise<Cached<V>>;
  peek(key: string): { value: V; at: EpochMs } | undefined;
  inFlight(key: string): boolean;
  delete(key: string): void;
  clear(): void;
  size(): number;
}

export function createTtlCache<V>(opts: CacheOptions<V>): TtlCache<V> {
  const max = opts.max ?? 100;
  const entries = new Map<string, { value: V; at: EpochMs }>();
  const flights = new Map<string, Promise<{ value: V; at: EpochMs }>>();

  const fresh = (key: string) => {
    const e = entries.get(key);
    if (!e) return undefined;
    if (opts.now() - e.at >= opts.ttlMs) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };

  return {
    async run(key, load) {
      const hit = fresh(key);
      if (hit) return { ...hit, fromCache: true };
      const pending = flights.get(key);
      if (pending) return { ...(await pending), fromCache: true };
      const p = (async () => {
        try {
          // Deferred so a load that throws synchronously still clears its flight.
          const value = await Promise.resolve().then(load);
          const e = { value, at: opts.now() };
          if (!opts.keep || opts.keep(value)) {
            entries.delete(key);
            entries.set(key, e);
            while (entries.size > max) entries.delete(entries.keys().next().value as string);
          }
          return e;
        } finally {
          flights.delete(key);
        }
      })();
      flights.set(key, p);
      return { ...(await p), fromCache: false };
    },
    peek: (key) => fresh(key),
    inFlight: (key) => flights.has(key),
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
    size: () => entries.size,
  };
}
