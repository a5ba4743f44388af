// Choosing among the fares of one flight.
import type { Fare } from '../model';

/**
 * The cheapest fare that can be bought now (a fare whose seat count is 0 cannot), by price: one
 * anyone may buy when there is one, so a 16–25-only or member fare is never a flight's headline
 * price; else the cheapest conditional fare, which carries its condition for the screen to say.
 */
export function cheapestOpen(fares: readonly Fare[]): Fare | undefined {
  let ordinary: Fare | undefined;
  let any: Fare | undefined;
  for (const f of fares) {
    if (f.seatsLeft === 0) continue;
    if (!f.condition && (!ordinary || f.price < ordinary.price)) ordinary = f;
    if (!any || f.price < any.price) any = f;
  }
  return ordinary ?? any;
}
