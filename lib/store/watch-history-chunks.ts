// A watch's seat history stored in small numbered chunks, so adding a point rewrites one chunk of
// a few hundred bytes instead of the whole history. The oldest points are dropped by counting
// them as skipped (`skip`, kept in the watch's own item, which a check rewrites anyway); a head
// chunk is deleted once every point in it is skipped.
import type { HistoryPoint } from '../watch/model';

/** Points per chunk: an append rewrites at most this many (≈ 18 bytes each). */
export const CHUNK_POINTS = 25;

export interface Chunk {
  n: number;
  pts: HistoryPoint[];
}

/** How a history lies in storage: its chunks in order, and how many points of the first are dropped. */
export interface ChunkedHistory {
  chunks: Chunk[];
  skip: number;
}

export interface HistoryPlan {
  next: ChunkedHistory;
  /** Chunks whose content changed (to write). */
  write: Chunk[];
  /** Chunk numbers no longer used (to remove). */
  remove: number[];
}

const samePoint = (a: HistoryPoint, b: HistoryPoint) => a[0] === b[0] && a[1] === b[1];

/** The history the chunks hold. */
export function historyOf(h: ChunkedHistory): HistoryPoint[] {
  const all: HistoryPoint[] = [];
  for (const c of h.chunks) for (const p of c.pts) all.push(p);
  return h.skip > 0 ? all.slice(h.skip) : all;
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
    return { next: { chunks, skip: 0 }, write: chunks, remove: prev.chunks.map((c) => c.n) };
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
  if (chunks.length === 0) skip = 0;
  const write: Chunk[] = [];
  let rest = added;
  const tail = chunks[chunks.length - 1];
  if (tail && tail.pts.length < CHUNK_POINTS && rest.length > 0) {
    const room = CHUNK_POINTS - tail.pts.length;
    const grown = { n: tail.n, pts: [...tail.pts, ...rest.slice(0, room)] };
    chunks[chunks.length - 1] = grown;
    write.push(grown);
    rest = rest.slice(room);
  }
  const fresh = chunked(rest, Math.max(lastN, chunks[chunks.length - 1]?.n ?? -1) + 1);
  chunks.push(...fresh);
  write.push(...fresh);
  return { next: { chunks, skip }, write, remove };
}
