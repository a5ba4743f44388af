// Choosing among the fares of one flight.
import type { Fare } from '../model';

/** The cheapest fare that can be bought now (a fare whose seat count is 0 cannot), by price. */
export function cheapestOpen(fares: readonly Fare[]): Fare | undefined {
  let best: Fare | undefined;
  for (const f of fares) if (f.seatsLeft !== 0 && (!best || f.price < best.price)) best = f;
  return best;
}
