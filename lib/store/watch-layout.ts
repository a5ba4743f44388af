// The watches stored as many small items instead of one document, so a cycle writes only what
// changed: at 500 watches with full histories the single document was 3.6 MB, rewritten at every
// step. Items (storage.local keys):
//   watchIndex          { v: 2, slots, routes }: which watch items and route items exist, in order
//   watchSchedule       back-off, last cycle, last fare poll
//   watchUnreadable     watches this build could not read, kept as they were (never deleted)
//   watch:<slot>        one watch without its history, plus where its history lies (c, s)
//   watchHist:<slot>:<n> a chunk of that history (lib/store/watch-history-chunks.ts)
//   watchRoute:<key>    one route's schedule
// It is read and written as the same WatchesDoc the service always had (StoredValue), and what
// it reads is handed to parseDoc as untrusted, like the old document. The old single document
// (`watches`) is merged in when found, and removed only after everything in it is written here.
import type { StoredValue } from './item';
import type { HistoryPoint, WatchesDoc } from '../watch/model';
import { historyOf, planHistory, type ChunkedHistory } from './watch-history-chunks';

/** What the layout needs of a storage area (browser.storage.local has this shape). */
export interface StorageAreaLike {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** When present, the layout keeps what it last wrote in memory until someone else changes it. */
  onChanged?: { addListener(cb: (changes: Record<string, { newValue?: unknown }>) => void): void };
}

/** The watches as the service stores them; `peek` is the document last written, while storage still holds it. */
export interface WatchDocStore extends StoredValue<WatchesDoc> {
  peek?(): WatchesDoc | undefined;
}

export const LEGACY_KEY = 'watches';
export const INDEX_KEY = 'watchIndex';
export const SCHEDULE_KEY = 'watchSchedule';
export const UNREADABLE_KEY = 'watchUnreadable';
export const watchKey = (slot: string) => `watch:${slot}`;
export const chunkKey = (slot: string, n: number) => `watchHist:${slot}:${n}`;
export const routeItemKey = (route: string) => `watchRoute:${route}`;
const OWN_KEYS = new Set([LEGACY_KEY, INDEX_KEY, SCHEDULE_KEY, UNREADABLE_KEY]);
const isOwnKey = (k: string) => OWN_KEYS.has(k) || k.startsWith('watch:') || k.startsWith('watchHist:') || k.startsWith('watchRoute:');
const REMOVED = '\u0000removed';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x)) : []);

/**
 * A watch's item key: its id, or the id with a suffix when an (imported, hand-edited) document
 * holds the id twice, so neither copy overwrites the other.
 */
function slotsOf(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let slot = id;
    for (let i = 2; used.has(slot); i++) slot = `${id}~${i}`;
    used.add(slot);
    return slot;
  });
}

/**
 * JSON with object keys sorted: the same value gives the same text whatever order its fields were
 * set in (the scheduler spreads, zod parses in schema order), so an unchanged item is not rewritten.
 */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (!isObj(x)) return x;
    const out: Obj = {};
    for (const k of Object.keys(x).sort()) out[k] = x[k];
    return out;
  });
}

export function createWatchLayout(area: StorageAreaLike, log: (msg: string) => void = (m) => console.warn(`[RailAir watch] ${m}`)): WatchDocStore {
  /**
   * What storage holds as far as this layout knows: key → JSON of the value ('' for history
   * chunks), or the value as read, turned into JSON only when a write compares with it (a read
   * for the watches tab never pays for it).
   */
  let known = new Map<string, string | { read: unknown }>();
  const jsonOf = (k: string): string | undefined => {
    const v = known.get(k);
    return v === undefined || typeof v === 'string' ? v : canonicalJson(v.read);
  };
  /** Each slot's history as stored. */
  let histories = new Map<string, ChunkedHistory>();
  let legacyPending = false;
  /**
   * The document last written, so a warm worker answers without reading and parsing 3 MB again.
   * Dropped as soon as storage changes other than by this layout's own writes (an options page
   * clearing storage, another build): those are told apart by what each key was last set to.
   */
  let cache: WatchesDoc | undefined;
  const pending = new Map<string, string>();
  area.onChanged?.addListener((changes) => {
    for (const [k, c] of Object.entries(changes)) {
      if (!isOwnKey(k)) continue;
      const mine = pending.get(k);
      const now = c.newValue === undefined || c.newValue === null ? REMOVED : mine === undefined ? '' : canonicalJson(c.newValue);
      if (mine !== undefined && mine === now) pending.delete(k);
      else cache = undefined;
    }
  });

  async function getValue(): Promise<WatchesDoc> {
    const head = await area.get([INDEX_KEY, SCHEDULE_KEY, UNREADABLE_KEY, LEGACY_KEY]);
    const seen = new Map<string, string | { read: unknown }>();
    const note = (k: string, v: unknown) => seen.set(k, { read: v });
    const legacy = head[LEGACY_KEY];
    const index = head[INDEX_KEY];
    // A legacy value that is not a document, beside a layout already written, is left where it
    // is: nothing here would keep it as a backup first.
    legacyPending = isObj(legacy) || (!isObj(index) && legacy !== undefined);
    histories = new Map();
    if (!isObj(index)) {
      // Nothing stored in this layout yet: the old document (or nothing) is what there is; its
      // first write here moves it. A value that is not a document goes to parseDoc as it is,
      // so the service keeps it as a backup before anything replaces it.
      known = seen;
      return legacy as WatchesDoc;
    }
    note(INDEX_KEY, index);
    const slots = strings(index.slots);
    const routeKeys = strings(index.routes);
    const got = await area.get([...slots.map(watchKey), ...routeKeys.map(routeItemKey)]);
    const chunkKeys: string[] = [];
    const cs = new Map<string, number[]>();
    for (const slot of slots) {
      const item = got[watchKey(slot)];
      if (item === undefined) continue;
      note(watchKey(slot), item);
      const c = isObj(item) ? numbers(item.c) : [];
      cs.set(slot, c);
      for (const n of c) chunkKeys.push(chunkKey(slot, n));
    }
    const chunks = chunkKeys.length > 0 ? await area.get(chunkKeys) : {};
    const watches: unknown[] = [];
    for (const slot of slots) {
      const item = got[watchKey(slot)];
      if (item === undefined) {
        log(`watch item ${slot} listed but not stored`);
        continue;
      }
      if (!isObj(item) || !isObj(item.w)) {
        // Not an item of this layout: handed on as it is (parseDoc sets it aside, kept).
        watches.push(item);
        continue;
      }
      const h: ChunkedHistory = { chunks: [], skip: typeof item.s === 'number' && item.s > 0 ? item.s : 0 };
      for (const n of cs.get(slot) ?? []) {
        const pts = chunks[chunkKey(slot, n)];
        if (!Array.isArray(pts)) {
          log(`history chunk ${n} of watch ${slot} missing: its points are lost`);
          continue;
        }
        // Chunks are compared by their points (planHistory), not as text: only their presence is noted.
        seen.set(chunkKey(slot, n), '');
        h.chunks.push({ n, pts: pts as HistoryPoint[] });
      }
      histories.set(slot, h);
      watches.push({ ...item.w, history: historyOf(h) });
    }
    const routes: Obj = {};
    for (const k of routeKeys) {
      const rs = got[routeItemKey(k)];
      if (rs === undefined) continue;
      note(routeItemKey(k), rs);
      routes[k] = rs;
    }
    const schedule = isObj(head[SCHEDULE_KEY]) ? (head[SCHEDULE_KEY] as Obj) : {};
    if (head[SCHEDULE_KEY] !== undefined) note(SCHEDULE_KEY, head[SCHEDULE_KEY]);
    const unreadable = Array.isArray(head[UNREADABLE_KEY]) ? [...(head[UNREADABLE_KEY] as unknown[])] : [];
    if (head[UNREADABLE_KEY] !== undefined) note(UNREADABLE_KEY, head[UNREADABLE_KEY]);
    if (isObj(legacy)) mergeLegacy(legacy, watches, routes, unreadable);
    known = seen;
    return { ...schedule, watches, routes, ...(unreadable.length > 0 ? { unreadable } : {}) } as unknown as WatchesDoc;
  }

  /** An old document found beside this layout (a move cut short): what is not here yet joins. */
  function mergeLegacy(legacy: Obj, watches: unknown[], routes: Obj, unreadable: unknown[]): void {
    const ids = new Set(watches.map((w) => (isObj(w) ? w.id : undefined)));
    for (const w of Array.isArray(legacy.watches) ? legacy.watches : []) if (!isObj(w) || !ids.has(w.id)) watches.push(w);
    if (isObj(legacy.routes)) for (const [k, rs] of Object.entries(legacy.routes)) if (!(k in routes)) routes[k] = rs;
    if (Array.isArray(legacy.unreadable)) unreadable.push(...(legacy.unreadable as unknown[]));
  }

  async function setValue(doc: WatchesDoc): Promise<void> {
    const write: Record<string, unknown> = {};
    const now = new Map<string, string>();
    const put = (k: string, v: unknown) => {
      const json = canonicalJson(v);
      now.set(k, json);
      if (jsonOf(k) !== json) write[k] = v;
    };
    const slots = slotsOf(doc.watches.map((w) => w.id));
    const nextHistories = new Map<string, ChunkedHistory>();
    doc.watches.forEach((w, i) => {
      const slot = slots[i]!;
      const { history, ...core } = w;
      const plan = planHistory(histories.get(slot) ?? { chunks: [], skip: 0 }, history);
      for (const c of plan.write) write[chunkKey(slot, c.n)] = c.pts;
      for (const c of plan.next.chunks) if (!now.has(chunkKey(slot, c.n))) now.set(chunkKey(slot, c.n), '');
      nextHistories.set(slot, plan.next);
      put(watchKey(slot), { w: core, c: plan.next.chunks.map((c) => c.n), s: plan.next.skip });
    });
    const routeKeys = Object.keys(doc.routes);
    for (const k of routeKeys) put(routeItemKey(k), doc.routes[k]);
    const { watches: _w, routes: _r, unreadable, ...schedule } = doc;
    put(SCHEDULE_KEY, schedule);
    if (unreadable?.length) put(UNREADABLE_KEY, unreadable);
    // Written last in the same call: the index names only items this very write holds.
    put(INDEX_KEY, { v: 2, slots, routes: routeKeys });
    const remove = [...known.keys()].filter((k) => !now.has(k));
    if (legacyPending) remove.push(LEGACY_KEY);
    cache = undefined;
    if (area.onChanged) {
      for (const [k, v] of Object.entries(write)) pending.set(k, canonicalJson(v));
      for (const k of remove) pending.set(k, REMOVED);
    }
    if (Object.keys(write).length > 0) await area.set(write);
    // Removals only after the writes: a worker stopped in between leaves an orphan, never a gap.
    if (remove.length > 0) await area.remove(remove);
    legacyPending = false;
    known = now;
    histories = nextHistories;
    if (area.onChanged) cache = doc;
  }

  return { getValue, setValue, peek: () => cache };
}
