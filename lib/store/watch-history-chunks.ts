// A watch's seat history in storage: numbered chunks (items of their own) plus a short tail of the
// newest points, which lives in the watch's route item (lib/store/watch-live.ts) because a check
// rewrites that item anyway. A check then costs one point in the tail, not a rewrite of a chunk of
// up to 25 points in its own item. Every TAIL_POINTS points the tail is folded into the newest
// chunk (or a new one); the fold's place in that cycle (`k`) differs per watch, so 500 watches
// checked together fold an eighth at a time, never all at once. The oldest points are dropped by
// counting them as skipped (`skip`); a head chunk is deleted once every point in it is skipped.
import type { HistoryPoint } from '../watch/model';

/** Points per chunk at most: a fold rewrites at most this many. */
export const CHUNK_POINTS = 25;
/** Points a tail holds before it is folded into a chunk (each costs ≈ 10 bytes per cycle carried). */
export const TAIL_POINTS = 8;

export interface Chunk {
  n: number;
  pts: HistoryPoint[];
}

/** How a history lies in storage: chunks in order, how many points of the first are dropped, the tail. */
export interface ChunkedHistory {
  chunks: Chunk[];
  skip: number;
  tail: HistoryPoint[];
  /** Points appended modulo TAIL_POINTS: the tail is folded when it wraps to 0. */
  k: number;
}

export interface HistoryPlan {
  next: ChunkedHistory;
  /** Chunks whose content changed (to write). */
  write: Chunk[];
  /** Chunk numbers no longer used (to remove). */
  remove: number[];
}

/** A history with nothing stored yet; `k` is the watch's own fold phase (phaseOf). */
export const emptyHistory = (k = 0): ChunkedHistory => ({ chunks: [], skip: 0, tail: [], k });

/** A watch's fold phase from its item key: spreads the folds of watches that started together. */
export function phaseOf(slot: string): number {
  let h = 0;
  for (let i = 0; i < slot.length; i++) h = (h * 31 + slot.charCodeAt(i)) >>> 0;
  return h % TAIL_POINTS;
}

const samePoint = (a: HistoryPoint, b: HistoryPoint) => a[0] === b[0] && a[1] === b[1];

/** The history as stored: the chunks' points after the skipped ones, then the tail. */
export function historyOf(h: ChunkedHistory): HistoryPoint[] {
  const all: HistoryPoint[] = [];
  for (const c of h.chunks) for (const p of c.pts) all.push(p);
  const kept = h.skip > 0 ? all.slice(h.skip) : all;
  for (const p of h.tail) kept.push(p);
  return kept;
}

/** How many leading points of `old` are gone if `next` is `old` minus a head plus a tail; -1 if not. */
function droppedHead(old: readonly HistoryPoint[], next: readonly HistoryPoint[]): number {
  if (next.length === 0) return old.length;
  for (let d = 0; d <= old.length; d++) {
    if (d < old.length && !samePoint(old[d]!, next[0]!)) continue;
    const kept = old.length - d;
    if (kept > next.length) continue;
    let ok = true;
    for (let i = 0; i < kept && ok; i++) ok = samePoint(old[d + i]!, next[i]!);
    if (ok) return d;
  }
  return -1;
}

function chunked(points: readonly HistoryPoint[], firstN: number): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < points.length; i += CHUNK_POINTS) out.push({ n: firstN + out.length, pts: points.slice(i, i + CHUNK_POINTS) });
  return out;
}

/** What to write so that storage holds `next`, given that it holds `prev`. */
export function planHistory(prev: ChunkedHistory, next: readonly HistoryPoint[]): HistoryPlan {
  const old = historyOf(prev);
  const d = droppedHead(old, next);
  const lastN = prev.chunks.length > 0 ? prev.chunks[prev.chunks.length - 1]!.n : -1;
  if (d < 0) {
    // Not the old history with a head dropped and a tail added (an import, a repair): rewritten.
    const chunks = chunked(next, lastN + 1);
    return { next: { chunks, skip: 0, tail: [], k: prev.k }, write: chunks, remove: prev.chunks.map((c) => c.n) };
  }
  const added = next.slice(old.length - d);
  if (d === 0 && added.length === 0) return { next: prev, write: [], remove: [] };
  const chunks = [...prev.chunks];
  const remove: number[] = [];
  let skip = prev.skip + d;
  while (chunks.length > 0 && skip >= chunks[0]!.pts.length) {
    skip -= chunks[0]!.pts.length;
    remove.push(chunks.shift()!.n);
  }
  let tail = prev.tail;
  if (chunks.length === 0) {
    // Every chunk is gone: what is left to drop comes off the tail.
    tail = tail.slice(skip);
    skip = 0;
  }
  tail = [...tail, ...added];
  const wraps = prev.k + added.length >= TAIL_POINTS;
  const k = (prev.k + added.length) % TAIL_POINTS;
  const write: Chunk[] = [];
  if (tail.length > 0 && (wraps || tail.length >= 2 * TAIL_POINTS)) {
    const last = chunks[chunks.length - 1];
    if (last && last.pts.length + tail.length <= CHUNK_POINTS) {
      const grown = { n: last.n, pts: [...last.pts, ...tail] };
      chunks[chunks.length - 1] = grown;
      write.push(grown);
    } else {
      const fresh = chunked(tail, Math.max(lastN, last?.n ?? -1) + 1);
      chunks.push(...fresh);
      write.push(...fresh);
    }
    tail = [];
  }
  return { next: { chunks, skip, tail, k }, write, remove };
}

/**
 * A chunk as stored: [t0, n0, Δt1, n1, …] (each instant after the first as the gap from the one
 * before: ≈ 8 bytes a point instead of 17). Points whose instants are not whole milliseconds stay
 * [[t, n], …], the form older builds wrote, which reads the same.
 */
export function packPoints(pts: readonly HistoryPoint[]): number[] | HistoryPoint[] {
  if (!pts.every((p) => Number.isSafeInteger(p[0]))) return [...pts];
  const out: number[] = [];
  let t = 0;
  for (const [i, p] of pts.entries()) {
    out.push(i === 0 ? p[0] : p[0] - t, p[1]);
    t = p[0];
  }
  return out;
}

/** A stored chunk's points; undefined when it is neither form (the caller says so). */
export function unpackPoints(v: unknown): HistoryPoint[] | undefined {
  if (!Array.isArray(v)) return undefined;
  if (v.length === 0 || Array.isArray(v[0])) return v as HistoryPoint[];
  if (v.length % 2 !== 0 || !v.every((x) => typeof x === 'number')) return undefined;
  const out: HistoryPoint[] = [];
  let t = 0;
  for (let i = 0; i < v.length; i += 2) {
    t = i === 0 ? (v[0] as number) : t + (v[i] as number);
    out.push([t, v[i + 1] as number]);
  }
  return out;
}
