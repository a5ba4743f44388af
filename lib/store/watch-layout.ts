// The watches stored as many small items instead of one document, so a cycle writes only what
// changed: at 500 watches with full histories the single document was 3.6 MB, rewritten at every
// step. Items (storage.local keys):
//   watchIndex          { v: 3, slots, routes, live }: which items exist, in order
//   watchSchedule       back-off, last cycle, last fare poll
//   watchUnreadable     watches this build could not read, kept as they were (never deleted)
//   watch:<slot>        one watch without its history, plus where its history lies (c, s); rewritten
//                       only when something other than a check's fields changes
//   watchLive:<group>   what checks changed of the group's watches since, and their newest history
//                       points (lib/store/watch-live.ts); a group is a route (fare watches: theirs)
//   watchHist:<slot>:<n> a chunk of that history (lib/store/watch-history-chunks.ts)
//   watchRoute:<key>    one route's schedule
// Layout v2 (no watchLive, chunks as [[t, n], …]) reads as v3 with nothing changed since.
// Every write is one `set` (atomic in both browsers: a fold's chunk and the emptied tail land
// together), then the removal of what no longer is listed, so a worker stopped between the two
// leaves orphans, never a gap.
// It is read and written as the same WatchesDoc the service always had (StoredValue), and what
// it reads is handed to parseDoc as untrusted, like the old document. The old single document
// (`watches`) is merged in when found, and removed only after everything in it is written here.
import type { StoredValue } from './item';
import { routeKeyOf, type Watch, type WatchesDoc } from '../watch/model';
import { emptyHistory, historyOf, packPoints, phaseOf, planHistory, TAIL_POINTS, unpackPoints, type ChunkedHistory } from './watch-history-chunks';
import { applyFields, packChunkNs, packFields, packTail, unpackChunkNs, unpackTail, VOLATILE } from './watch-live';

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
export const liveKey = (group: string) => `watchLive:${group}`;
const OWN_KEYS = new Set([LEGACY_KEY, INDEX_KEY, SCHEDULE_KEY, UNREADABLE_KEY]);
const PREFIXES = ['watch:', 'watchHist:', 'watchRoute:', 'watchLive:'];
const isOwnKey = (k: string) => OWN_KEYS.has(k) || PREFIXES.some((p) => k.startsWith(p));
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

/** What the layout remembers of a watch as stored: its item (as written) and its history. */
interface SlotState {
  item: Obj;
  h: ChunkedHistory;
  /** The watch last written or read, and its entry: the same object again needs no new work. */
  watch?: Watch;
  entry?: Entry;
}

/** A watch's entry in its group's live item, before it is made relative to the item's `b`. */
interface Entry {
  fields: Obj;
  h: ChunkedHistory;
  item: Obj;
  /** Its chunks' item keys, and those of chunks it no longer has (to remove). */
  keys: string[];
  gone: string[];
}

/** The watches whose checks share a live item: a rail watch's route; a fare watch's cities and date. */
function groupOf(w: Obj): string {
  if (w.kind === 'rail') return routeKeyOf(w as { date: string; from: { telecode: string }; to: { telecode: string } });
  return `${String(w.kind)}|${String(w.date)}|${String(w.fromCity)}|${String(w.toCity)}`;
}

/** Top-level fields whose values differ (undefined when removed). */
function changedFields(a: Obj, b: Obj): string[] {
  const out: string[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (canonicalJson(a[k]) !== canonicalJson(b[k])) out.push(k);
  return out;
}

const sameNs = (a: readonly number[], b: unknown) => Array.isArray(b) && a.length === b.length && a.every((n, i) => n === b[i]);

/** A group's live item: its entries relative to the newest check among them. */
function liveItem(entries: [string, Entry][]): Obj {
  let b = 0;
  for (const [, e] of entries) {
    const t = (e.item.w as Obj).lastCheckedAt;
    const f = e.fields.lastCheckedAt;
    for (const x of [t, f]) if (Number.isSafeInteger(x) && (x as number) > b) b = x as number;
  }
  const w: Obj = {};
  for (const [slot, e] of entries) {
    const ns = e.h.chunks.map((c) => c.n);
    w[slot] = {
      ...packFields(e.fields, b),
      ...(e.h.tail.length > 0 ? { h: packTail(e.h.tail, b) } : {}),
      // Once a fold has happened at its phase, the phase is the tail's length: not stored.
      ...(e.h.k !== e.h.tail.length % TAIL_POINTS ? { k: e.h.k } : {}),
      ...(sameNs(ns, e.item.c) && e.h.skip === (e.item.s ?? 0) ? {} : packChunkNs(ns, e.h.skip)),
    };
  }
  return { b, w };
}

export function createWatchLayout(area: StorageAreaLike, log: (msg: string) => void = (m) => console.warn(`[RailAir watch] ${m}`)): WatchDocStore {
  /**
   * What storage holds as far as this layout knows, but for history chunks (slotStates has
   * them): key → JSON of the value, or the value as read, turned into JSON only when a write
   * compares with it (a read for the watches tab never pays for it).
   */
  type Known = string | { read: unknown };
  let known = new Map<string, Known>();
  const jsonOf = (k: string): string | undefined => {
    const v = known.get(k);
    return v === undefined || typeof v === 'string' ? v : canonicalJson(v.read);
  };
  /** Each slot's item and history as stored. */
  let slotStates = new Map<string, SlotState>();
  /** Each live item's entries as last written. */
  let lastGroups = new Map<string, [string, Entry][]>();
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

  /** The entries of every live item read, by slot, with their item's `b`. */
  function entriesOf(got: Obj, keys: string[]): Map<string, { e: Obj; b: number }> {
    const out = new Map<string, { e: Obj; b: number }>();
    for (const k of keys) {
      const item = got[k];
      if (!isObj(item) || !isObj(item.w)) {
        if (item !== undefined) log(`${k} is not a live item: the latest checks of its watches are lost`);
        continue;
      }
      const b = Number.isSafeInteger(item.b) ? (item.b as number) : 0;
      for (const [slot, e] of Object.entries(item.w)) if (isObj(e) && !out.has(slot)) out.set(slot, { e, b });
    }
    return out;
  }

  async function getValue(): Promise<WatchesDoc> {
    const head = await area.get([INDEX_KEY, SCHEDULE_KEY, UNREADABLE_KEY, LEGACY_KEY]);
    const seen = new Map<string, Known>();
    const note = (k: string, v: unknown) => seen.set(k, { read: v });
    const legacy = head[LEGACY_KEY];
    const index = head[INDEX_KEY];
    // A legacy value that is not a document, beside a layout already written, is left where it
    // is: nothing here would keep it as a backup first.
    legacyPending = isObj(legacy) || (!isObj(index) && legacy !== undefined);
    slotStates = new Map();
    lastGroups = new Map();
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
    const liveKeys = strings(index.live).map(liveKey);
    const got = await area.get([...slots.map(watchKey), ...routeKeys.map(routeItemKey), ...liveKeys]);
    for (const k of liveKeys) if (got[k] !== undefined) note(k, got[k]);
    const entries = entriesOf(got, liveKeys);
    const chunkKeys: string[] = [];
    const cs = new Map<string, number[]>();
    for (const slot of slots) {
      const item = got[watchKey(slot)];
      if (item === undefined) continue;
      note(watchKey(slot), item);
      const e = entries.get(slot)?.e;
      const c = (e && unpackChunkNs(e)?.ns) ?? (isObj(item) ? numbers(item.c) : []);
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
      const live = entries.get(slot);
      const e = live?.e ?? {};
      const b = live?.b ?? 0;
      const skip = unpackChunkNs(e)?.skip ?? (Number.isSafeInteger(item.s) ? (item.s as number) : 0);
      const tail = e.h === undefined ? [] : unpackTail(e.h, b);
      if (!tail) log(`the newest history points of watch ${slot} are unreadable: lost`);
      // No entry yet (layout v2, a new watch): the watch's own phase; else as stored, or the tail's length.
      const k = Number.isSafeInteger(e.k) ? (e.k as number) % TAIL_POINTS : live ? (tail?.length ?? 0) % TAIL_POINTS : phaseOf(slot);
      const h: ChunkedHistory = { chunks: [], skip: Math.max(0, skip), tail: tail ?? [], k };
      for (const n of cs.get(slot) ?? []) {
        const pts = unpackPoints(chunks[chunkKey(slot, n)]);
        if (!pts) {
          log(`history chunk ${n} of watch ${slot} missing: its points are lost`);
          continue;
        }
        h.chunks.push({ n, pts });
      }
      slotStates.set(slot, { item, h });
      watches.push({ ...applyFields(item.w, e, b), history: historyOf(h) });
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

  /**
   * A watch's item and entry: the item stays as stored while only a check's fields changed (the
   * entry carries them); anything else rewrites it whole, with its history's place.
   */
  function entryOf(slot: string, w: Watch, write: Obj): Entry {
    const prev = slotStates.get(slot);
    if (prev?.watch === w && prev.entry) return prev.entry;
    const { history, ...core } = w;
    const plan = planHistory(prev?.h ?? emptyHistory(phaseOf(slot)), history);
    for (const c of plan.write) write[chunkKey(slot, c.n)] = packPoints(c.pts);
    const keys = plan.next.chunks.map((c) => chunkKey(slot, c.n));
    const gone = plan.remove.map((n) => chunkKey(slot, n));
    const base = prev?.item;
    const changed = base && isObj(base.w) ? changedFields(base.w, core) : undefined;
    if (!base || !changed || changed.some((k) => !VOLATILE.has(k))) {
      const item = { w: core, c: plan.next.chunks.map((c) => c.n), s: plan.next.skip };
      return { fields: {}, h: plan.next, item, keys, gone };
    }
    const fields: Obj = {};
    for (const k of changed) fields[k] = (core as Obj)[k];
    return { fields, h: plan.next, item: base, keys, gone };
  }

  async function setValue(doc: WatchesDoc): Promise<void> {
    const write: Record<string, unknown> = {};
    const now = new Map<string, Known>();
    const put = (k: string, v: unknown) => {
      const json = canonicalJson(v);
      now.set(k, json);
      if (jsonOf(k) !== json) write[k] = v;
    };
    const slots = slotsOf(doc.watches.map((w) => w.id));
    const next = new Map<string, SlotState>();
    const groups = new Map<string, [string, Entry][]>();
    // History chunks are not in `known` (thousands of keys, compared at every write): their
    // removals are those of the plans made now, and every chunk of a watch no longer here.
    const removeChunks: string[] = [];
    doc.watches.forEach((w, i) => {
      const slot = slots[i]!;
      const prev = slotStates.get(slot);
      const e = entryOf(slot, w, write);
      if (e !== prev?.entry) removeChunks.push(...e.gone);
      // The same item object as stored: known as it is, not turned into text again.
      if (prev?.item === e.item && known.has(watchKey(slot))) now.set(watchKey(slot), known.get(watchKey(slot))!);
      else put(watchKey(slot), e.item);
      next.set(slot, { item: e.item, h: e.h, watch: w, entry: e });
      const g = groupOf(e.item.w as Obj);
      groups.set(g, [...(groups.get(g) ?? []), [slot, e]]);
    });
    for (const [g, entries] of groups) {
      // A group none of whose watches changed is as stored: not packed and compared again.
      const was = lastGroups.get(g);
      const same = was?.length === entries.length && entries.every(([slot, e], i) => was[i]![0] === slot && was[i]![1] === e);
      if (same && known.has(liveKey(g))) now.set(liveKey(g), known.get(liveKey(g))!);
      else put(liveKey(g), liveItem(entries));
    }
    const routeKeys = Object.keys(doc.routes);
    for (const k of routeKeys) put(routeItemKey(k), doc.routes[k]);
    const { watches: _w, routes: _r, unreadable, ...schedule } = doc;
    put(SCHEDULE_KEY, schedule);
    if (unreadable?.length) put(UNREADABLE_KEY, unreadable);
    // In the same call: the index names only items this very write holds.
    put(INDEX_KEY, { v: 3, slots, routes: routeKeys, live: [...groups.keys()] });
    for (const [slot, st] of slotStates) {
      if (next.has(slot)) continue;
      for (const c of st.h.chunks) removeChunks.push(chunkKey(slot, c.n));
    }
    const remove = [...[...known.keys()].filter((k) => !now.has(k)), ...removeChunks];
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
    slotStates = next;
    lastGroups = groups;
    if (area.onChanged) cache = doc;
  }

  return { getValue, setValue, peek: () => cache };
}
