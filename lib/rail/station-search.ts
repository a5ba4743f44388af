// Station autocomplete over the 12306 station list: Chinese name, full pinyin, initials and
// telecode, ranked exact > prefix > substring, a city (北京 → every Beijing station) before its
// stations, then 12306's own order (its list puts the busiest stations first).
// Everything is precomputed once; a keystroke costs a binary search over the sorted keys, one
// native indexOf pass over a single joined string for substrings, and a top-k of `limit`.
import type { StationRecord } from '../model';
import { stationCity } from './stations';

export interface StationHit {
  kind: 'city' | 'station';
  name: string;
  telecode: string;
  city: string;
  /** City hits: the city's stations, in 12306's order. */
  stations?: StationRecord[];
  /** Higher is better; only meaningful within one query. */
  score: number;
}

interface Entry {
  kind: 'city' | 'station';
  name: string;
  telecode: string;
  city: string;
  stations?: StationRecord[];
  /** Tie-break within a match level: 12306's index of the (main) station. Lower comes first. */
  rank: number;
}

export interface StationIndex {
  readonly size: number;
  /** @internal */ entries: Entry[];
  /** @internal Search keys sorted by code unit, and the entry each belongs to. */
  sorted: string[];
  sortedEntry: Int32Array;
  /** @internal Every key joined by \u0001 (for one indexOf pass), with each key's start. */
  hay: string;
  hayStart: Int32Array;
  hayEntry: Int32Array;
  /** @internal Per-query scratch: which entries matched this query (stamp) at which level. */
  stamp: Int32Array;
  level: Int8Array;
  cand: Int32Array;
  gen: number;
}

const SEP = '\u0001';
const LEVEL_SUBSTRING = 1;
const LEVEL_PREFIX = 2;
const LEVEL_EXACT = 3;

/** Query → key form: lower case, no spaces or separators. */
function normalize(q: string): string {
  return q.toLowerCase().replace(/[\s\u0000-\u001f]+/g, '');
}

export function buildStationIndex(stations: StationRecord[]): StationIndex {
  const known = new Set(stations.map((s) => s.name));
  const entries: Entry[] = [];
  const keyList: string[] = [];
  const keyOwner: number[] = [];
  const addKeys = (e: number, keys: (string | undefined)[]) => {
    const seen = new Set<string>();
    for (const k of keys) {
      const n = k ? normalize(k) : '';
      if (!n || seen.has(n)) continue;
      seen.add(n);
      keyList.push(n);
      keyOwner.push(e);
    }
  };

  const byCity = new Map<string, StationRecord[]>();
  const cityOf: string[] = [];
  for (const s of stations) {
    const city = stationCity(s, known);
    cityOf.push(city);
    const list = byCity.get(city);
    if (list) list.push(s);
    else byCity.set(city, [s]);
  }
  // A city entry is worth showing when it gathers two or more stations.
  for (const [city, list] of byCity) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.index - b.index);
    const main = list.find((s) => s.name === city);
    const e = entries.length;
    entries.push({ kind: 'city', name: city, telecode: (main ?? list[0]!).telecode, city, stations: list, rank: (main ?? list[0]!).index });
    addKeys(e, main ? [city, main.pinyin, main.initials, main.telecode] : [city]);
  }
  stations.forEach((s, i) => {
    const e = entries.length;
    entries.push({ kind: 'station', name: s.name, telecode: s.telecode, city: cityOf[i]!, rank: s.index });
    addKeys(e, [s.name, s.pinyin, s.initials, s.telecode]);
  });

  const order = keyList.map((_, i) => i).sort((a, b) => (keyList[a]! < keyList[b]! ? -1 : keyList[a]! > keyList[b]! ? 1 : 0));
  const hayStart = new Int32Array(keyList.length);
  let pos = 0;
  keyList.forEach((k, i) => {
    hayStart[i] = pos;
    pos += k.length + 1;
  });
  return {
    size: entries.length,
    entries,
    sorted: order.map((i) => keyList[i]!),
    sortedEntry: Int32Array.from(order.map((i) => keyOwner[i]!)),
    hay: keyList.join(SEP),
    hayStart,
    hayEntry: Int32Array.from(keyOwner),
    stamp: new Int32Array(entries.length),
    level: new Int8Array(entries.length),
    cand: new Int32Array(entries.length),
    gen: 0,
  };
}

function lowerBound(a: string[], q: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Key index whose span in `hay` contains `pos`. */
function keyAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Best `limit` hits for what the user has typed so far. */
export function searchStations(index: StationIndex, query: string, limit = 10): StationHit[] {
  const q = normalize(query);
  if (!q || limit <= 0 || index.size === 0) return [];
  const { entries, sorted, sortedEntry, stamp, level, cand } = index;
  const gen = ++index.gen;
  if (gen >= 0x7ffffff0) {
    stamp.fill(0);
    index.gen = 1;
  }
  const g = index.gen;
  let n = 0;
  const mark = (e: number, lv: number) => {
    if (stamp[e] !== g) {
      stamp[e] = g;
      level[e] = lv;
      cand[n++] = e;
    } else if (level[e]! < lv) level[e] = lv;
  };

  for (let j = lowerBound(sorted, q); j < sorted.length; j++) {
    const k = sorted[j]!;
    if (!k.startsWith(q)) break;
    mark(sortedEntry[j]!, k.length === q.length ? LEVEL_EXACT : LEVEL_PREFIX);
  }
  // Substrings rank below every prefix hit, so they are only needed to fill the list.
  if (n < limit) {
    const { hay, hayStart, hayEntry } = index;
    for (let p = hay.indexOf(q); p >= 0; p = hay.indexOf(q, p + 1)) {
      const k = keyAt(hayStart, p);
      if (hayStart[k] !== p) mark(hayEntry[k]!, LEVEL_SUBSTRING);
    }
  }

  // Top-k by score with insertion into a buffer of `limit`.
  const top: number[] = [];
  const topScore: number[] = [];
  for (let c = 0; c < n; c++) {
    const e = cand[c]!;
    const en = entries[e]!;
    const score = level[e]! * 10_000_000 + (en.kind === 'city' ? 5_000_000 : 0) + (1_000_000 - Math.min(en.rank, 999_999));
    if (top.length === limit && score <= topScore[limit - 1]!) continue;
    let at = top.length < limit ? top.length : limit - 1;
    while (at > 0 && topScore[at - 1]! < score) {
      if (at < limit) {
        top[at] = top[at - 1]!;
        topScore[at] = topScore[at - 1]!;
      }
      at--;
    }
    top[at] = e;
    topScore[at] = score;
  }
  return top.map((e, i) => {
    const en = entries[e]!;
    const hit: StationHit = { kind: en.kind, name: en.name, telecode: en.telecode, city: en.city, score: topScore[i]! };
    if (en.stations) hit.stations = en.stations;
    return hit;
  });
}
