// Flight-price watches: no polling of their own. Every flight search answer the extension sees
// (Taobao Open Platform, a fresh Fliggy capture) is passed here; a watch fires when the lowest
// fare for its city pair and date falls to or below its price, and again only after it rose above.
// The fare watched is the one the traveller would pay: taxes in, and never a fare sold only to
// others (16–25-year-olds, members, first class…) unless they said in the options that it fits them.
import type { EpochMs, FlightSearchResult } from '../model';
import type { Lang } from '../i18n';
import { fareAmount, fareIncludesTaxes, qualifies, type Qualifications } from '../compare/fare-conditions';
import { pushHistory } from './history';
import { clip, type FareWatch, type Watch } from './model';
import { fareNotification } from './notify';
import { withSeatsCount, type Action } from './scheduler';

export interface FareCheck {
  watches: Watch[];
  actions: Action[];
}

export interface LowestFare {
  /** Taxes in when `includesTaxes`; else the bare fare (the source gave no taxes). */
  fen: number;
  includesTaxes: boolean;
  flightNo: string;
}

/**
 * The lowest fare of an answer the traveller may buy, and its flight: over every open fare (not
 * the decoder's `lowest`, which is by bare price and may be a conditional fare), taxes in.
 */
export function lowestFare(result: Pick<FlightSearchResult, 'flights'>, q: Qualifications = {}, now?: EpochMs): LowestFare | undefined {
  let best: LowestFare | undefined;
  for (const f of result.flights) {
    // A flight that has left cannot be bought, however cheap it was.
    if (now !== undefined && f.depart < now) continue;
    for (const fare of f.fares) {
      if (fare.seatsLeft === 0 || !qualifies(fare.condition, q)) continue;
      const fen = fareAmount(fare);
      if (best === undefined || fen < best.fen) best = { fen, includesTaxes: fareIncludesTaxes(fare), flightNo: f.flightNo };
    }
  }
  return best;
}

/** City codes of an answer: its own, else those of its first flight's airports. */
function citiesOf(r: FlightSearchResult): { dep?: string; arr?: string } {
  const f = r.flights[0];
  return { dep: r.depCity ?? f?.from.city, arr: r.arrCity ?? f?.to.city };
}

function concerns(w: FareWatch, r: FlightSearchResult): boolean {
  const { dep, arr } = citiesOf(r);
  const date = r.date ?? r.flights[0]?.date;
  return w.date === date && w.fromCity === dep && w.toCity === arr;
}

export function checkFareWatches(
  watches: readonly Watch[],
  result: FlightSearchResult,
  now: EpochMs,
  opts: { language: Lang; notify: boolean; qualifies?: Qualifications } = { language: 'zh-CN', notify: true },
): FareCheck {
  const actions: Action[] = [];
  const low = lowestFare(result, opts.qualifies, now);
  const next = watches.map((w): Watch => {
    if (w.kind !== 'fare' || w.status !== 'active' || w.paused || !concerns(w, result)) return w;
    const below = low !== undefined && low.fen <= w.maxFen;
    const fire = below && !w.below && opts.notify;
    if (fire) actions.push({ type: 'notify', watchId: w.id, notification: fareNotification(w, low, opts.language) });
    const updated: FareWatch = {
      ...w,
      below,
      lastCheckedAt: now,
      history: low ? pushHistory(w.history, now, Math.round(low.fen / 100)) : w.history,
      ...(fire ? { notifiedAt: now } : {}),
    };
    if (low) {
      updated.lowestFen = low.fen;
      updated.lowestFlight = clip(low.flightNo, 16);
    } else {
      delete updated.lowestFen;
      delete updated.lowestFlight;
    }
    return updated;
  });
  if (actions.length > 0 || next.some((w, i) => w !== watches[i])) actions.push({ type: 'badge', count: withSeatsCount(next) });
  return { watches: next, actions };
}
