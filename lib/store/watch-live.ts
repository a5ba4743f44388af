// What a check changes of a watch, kept compactly in one item per route (watchLive:<route>) beside
// the watch's own item, which then stays as it was: at 500 watches a cycle that asks every route
// rewrote 500 watch items of ≈ 540 bytes and 500 history chunks of ≈ 250 (400 KB); now it writes
// 100 route items holding ≈ 150 bytes a watch. An entry holds:
//   t a n d N e l L B W  the fields a check changes (VOLATILE) that differ from the watch item,
//      short-named; a removed field is null. Instants are relative to the item's `b`; sightings
//      are tuples.
//   h  the newest history points not yet in a chunk: [gap, n, gap, n, …, Δt, n], each instant
//      as the gap to the next point's, the newest relative to `b`
//   k  the fold phase (lib/store/watch-history-chunks.ts), when it is not the tail's length
//   r  the history's chunks and skip, [first, last, skip], or c and s (a list, a number), when
//      they differ from the watch item's
// Decoding is lenient and never validates: what it gives is read through parseDoc like the rest.
import { chinaDateOf } from '../time';
import { CLASS_NAMES, type HistoryPoint } from '../watch/model';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields a check or a poll rewrites; a change to any other rewrites the watch item. */
const SHORT: Readonly<Record<string, string>> = {
  lastCheckedAt: 't',
  available: 'a',
  seatsLeft: 'n',
  lastDepartAt: 'd',
  notifiedAt: 'N',
  lastError: 'e',
  lowestFen: 'l',
  lowestFlight: 'L',
  below: 'B',
  waitlist: 'W',
};
const LONG: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SHORT).map(([l, s]) => [s, l]));
export const VOLATILE: ReadonlySet<string> = new Set(Object.keys(SHORT));
const INSTANTS = new Set(['lastCheckedAt', 'lastDepartAt', 'notifiedAt']);
/** Fields holding lists of sightings (seats now; 候补 only). */
const SIGHTINGS = new Set(['available', 'waitlist']);
const SIGHTING_KEYS = new Set(['trainNo', 'code', 'cls', 'name', 'nameEn', 'n', 'price', 'depart', 'date']);

// An instant that is not a whole millisecond is kept exactly, boxed ([v]), not made relative.
const rel = (v: unknown, b: number) => (Number.isSafeInteger(v) ? (v as number) - b : typeof v === 'number' ? [v] : v);
const abs = (v: unknown, b: number) => (typeof v === 'number' ? v + b : Array.isArray(v) && v.length === 1 ? v[0] : v);

/**
 * A sighting as [trainNo, code, cls, n, price, Δdepart] (+ name, nameEn unless the class's own); else
 * as it is. Its day is the China date of its departure (the day asked about), so it is not written.
 */
function packSighting(s: unknown, b: number): unknown {
  if (!isObj(s) || !Object.keys(s).every((k) => SIGHTING_KEYS.has(k))) return s;
  if (!Number.isSafeInteger(s.depart) || s.date !== chinaDateOf(s.depart as number)) return s;
  if (s.name === undefined || s.nameEn === undefined) return s;
  const names = CLASS_NAMES[s.cls as keyof typeof CLASS_NAMES];
  const own = names !== undefined && s.name === names.zh && s.nameEn === names.en;
  return [s.trainNo, s.code, s.cls, s.n, s.price ?? null, s.depart === undefined ? null : (s.depart as number) - b, ...(own ? [] : [s.name, s.nameEn])];
}

function unpackSighting(v: unknown, b: number): unknown {
  if (!Array.isArray(v) || (v.length !== 6 && v.length !== 8)) return v;
  const [trainNo, code, cls, n, price, depart, name, nameEn] = v as unknown[];
  const names = v.length === 6 ? CLASS_NAMES[cls as keyof typeof CLASS_NAMES] : undefined;
  return {
    trainNo,
    code,
    cls,
    name: v.length === 6 ? names?.zh : name,
    nameEn: v.length === 6 ? names?.en : nameEn,
    n,
    ...(price !== null ? { price } : {}),
    ...(typeof depart === 'number' ? { depart: abs(depart, b), date: chinaDateOf(abs(depart, b) as number) } : {}),
  };
}

/** Changed fields (long names, undefined = removed) as an entry's short-named fields. */
export function packFields(fields: Obj, b: number): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(fields)) {
    const short = SHORT[k] ?? k;
    if (v === undefined) out[short] = null;
    else if (INSTANTS.has(k)) out[short] = rel(v, b);
    else if (SIGHTINGS.has(k) && Array.isArray(v)) out[short] = v.map((s) => packSighting(s, b));
    else out[short] = v;
  }
  return out;
}

/** An entry's short-named fields laid over the watch item's (a null removes the field). */
export function applyFields(w: Obj, f: Obj, b: number): Obj {
  const out: Obj = { ...w };
  for (const [short, v] of Object.entries(f)) {
    const k = LONG[short];
    if (k === undefined) continue;
    if (v === null) delete out[k];
    else if (INSTANTS.has(k)) out[k] = abs(v, b);
    else if (SIGHTINGS.has(k) && Array.isArray(v)) out[k] = v.map((s) => unpackSighting(s, b));
    else out[k] = v;
  }
  return out;
}

/** Tail points, flat: each instant as the gap to the next one's, the newest relative to `b`. */
export function packTail(pts: readonly HistoryPoint[], b: number): unknown[] {
  const out: unknown[] = [];
  pts.forEach((p, i) => {
    const after = pts[i + 1]?.[0];
    const t = after === undefined ? rel(p[0], b) : Number.isSafeInteger(p[0]) && Number.isSafeInteger(after) ? after - p[0] : [p[0]];
    out.push(t, p[1]);
  });
  return out;
}

/** An entry's `h` back to points (a boxed instant is absolute); undefined when it is not a tail. */
export function unpackTail(h: unknown, b: number): HistoryPoint[] | undefined {
  if (!Array.isArray(h) || h.length % 2 !== 0) return undefined;
  const out: HistoryPoint[] = [];
  let t = 0;
  for (let i = h.length - 2; i >= 0; i -= 2) {
    const x = h[i] as unknown;
    if (Array.isArray(x) && x.length === 1) t = x[0] as number;
    else if (typeof x !== 'number') return undefined;
    else t = i === h.length - 2 ? b + x : t - x;
    out.push([t, h[i + 1]] as HistoryPoint);
  }
  return out.reverse();
}

/** Chunks and skip as [first, last, skip] when the chunks are consecutive (always, once written here), else c and s. */
export function packChunkNs(ns: readonly number[], skip: number): { r: [number, number, number] } | { c: number[]; s: number } {
  const consecutive = ns.length > 0 && ns.every((n, i) => n === ns[0]! + i);
  return consecutive ? { r: [ns[0]!, ns[ns.length - 1]!, skip] } : { c: [...ns], s: skip };
}

/** An entry's chunks and skip, when it has them. */
export function unpackChunkNs(e: Obj): { ns: number[]; skip: number } | undefined {
  const r = e.r;
  if (Array.isArray(r) && r.length === 3 && r.every((x) => Number.isSafeInteger(x)) && r[1] - r[0] < 10_000) {
    const [a, z, skip] = r as [number, number, number];
    return { ns: Array.from({ length: Math.max(0, z - a + 1) }, (_, i) => a + i), skip };
  }
  if (Array.isArray(e.c)) return { ns: e.c.filter((x): x is number => Number.isSafeInteger(x)), skip: Number.isSafeInteger(e.s) ? (e.s as number) : 0 };
  return undefined;
}
