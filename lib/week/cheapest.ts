// One day of answers reduced to what the strip draws, with the comparison's own price rules
// (lib/compare/price.ts): a train counts only with a class that can be bought now, a flight only
// with a fare an ordinary adult may buy (conditional fares — student, age, member — never win),
// and nothing that has already left.
import type { AirOption, EpochMs, Fen, RailOption } from '../model';
import { airPrice, railPrice } from '../compare/price';
import type { AirDay, RailDay } from './model';

const lower = (a: Fen | undefined, b: Fen | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

export function railDay(trains: readonly RailOption[], now: EpochMs): RailDay {
  let cheapest: Fen | undefined;
  let seatsLeft = false;
  for (const t of trains) {
    if (t.depart < now) continue;
    const p = railPrice(t);
    if (p.soldOut) continue;
    seatsLeft = true;
    cheapest = lower(cheapest, p.price);
  }
  return { state: 'ok', seatsLeft, trains: trains.length, ...(cheapest !== undefined ? { cheapest } : {}) };
}

/** The cheapest fare with taxes in; a bare fare (taxes not given) only when no flight gives them. */
export function airDay(flights: readonly AirOption[], now: EpochMs): AirDay {
  let taxed: Fen | undefined;
  let bare: Fen | undefined;
  for (const f of flights) {
    if (f.depart < now) continue;
    const p = airPrice(f);
    if (p.soldOut || p.conditionalOnly || p.price === undefined) continue;
    if (p.priceIncludesTaxes) taxed = lower(taxed, p.price);
    else bare = lower(bare, p.price);
  }
  const cheapest = taxed ?? bare;
  return { state: 'ok', taxesIn: cheapest === undefined || taxed !== undefined, flights: flights.length, ...(cheapest !== undefined ? { cheapest } : {}) };
}
