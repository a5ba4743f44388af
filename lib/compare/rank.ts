// Rankings over compared options: cheapest, fastest door to door, earliest at the door, and the
// Pareto front of (price, arrival at the door). Options that cannot be bought are never ranked:
// a sold-out train, one that has left or is not on sale yet, a flight with only restricted fares
// or an option outside the user's filters is not "the cheapest way" to travel.
import type { EpochMs, Fen } from '../model';

export interface Rankable {
  id: string;
  price?: Fen;
  doorToDoorMin: number;
  reachDoor: EpochMs;
  soldOut: boolean;
  /** False for a fare whose source gave no taxes: shown (未含税费), but never compared on price. */
  priceIncludesTaxes?: boolean;
  /** Set when the option is listed but must rank nowhere (departed, not on sale, filtered…). */
  excluded?: string;
}

export type Top = 'cheapest' | 'fastest' | 'earliest' | 'pareto';

export interface Rankings {
  cheapest?: string;
  fastest?: string;
  earliestArrival?: string;
  /** Options no other option beats on both price and arrival, by arrival time. */
  pareto: string[];
}

type Key = (o: Rankable) => number;

/** Lexicographic comparison by keys; undefined prices sort last. */
function by(...keys: Key[]) {
  return (a: Rankable, b: Rankable) => {
    for (const k of keys) {
      const d = k(a) - k(b);
      if (d !== 0) return d;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

const price: Key = (o) => o.price ?? Number.POSITIVE_INFINITY;
const d2d: Key = (o) => o.doorToDoorMin;
const arrival: Key = (o) => o.reachDoor;

/**
 * Options no other beats on both price and arrival (at least as good on both, better on one).
 * One sweep by price: within a price only the earliest arrivals can be on the front, and only
 * if they arrive before everything cheaper. Equal (price, arrival) pairs are all kept.
 */
function paretoFront(priced: readonly Rankable[]): Rankable[] {
  const sorted = [...priced].sort(by(price, arrival));
  const front: Rankable[] = [];
  let bestReach = Number.POSITIVE_INFINITY;
  for (let i = 0; i < sorted.length; ) {
    const p = sorted[i]!.price;
    const groupMin = sorted[i]!.reachDoor;
    for (; i < sorted.length && sorted[i]!.price === p; i++) {
      if (sorted[i]!.reachDoor === groupMin && groupMin < bestReach) front.push(sorted[i]!);
    }
    bestReach = Math.min(bestReach, groupMin);
  }
  return front.sort(by(arrival, price));
}

export function rank(options: readonly Rankable[]): Rankings {
  const live = options.filter((o) => !o.soldOut && o.excluded === undefined);
  // Prices compare taxes in: a bare fare would look ¥50–170 cheaper than it is.
  const priced = live.filter((o) => o.price !== undefined && o.priceIncludesTaxes !== false);
  const cheapest = [...priced].sort(by(price, arrival, d2d))[0];
  const fastest = [...live].sort(by(d2d, price, arrival))[0];
  const earliest = [...live].sort(by(arrival, price, d2d))[0];
  const pareto = paretoFront(priced);
  return {
    cheapest: cheapest?.id,
    fastest: fastest?.id,
    earliestArrival: earliest?.id,
    pareto: pareto.map((o) => o.id),
  };
}

/** Which rankings one option tops. */
export function topsOf(id: string, r: Rankings): Top[] {
  const tops: Top[] = [];
  if (r.cheapest === id) tops.push('cheapest');
  if (r.fastest === id) tops.push('fastest');
  if (r.earliestArrival === id) tops.push('earliest');
  if (r.pareto.includes(id)) tops.push('pareto');
  return tops;
}
