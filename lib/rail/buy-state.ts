// What a traveller can do with a train right now, in the order it matters: gone, not on sale
// yet, refused by 12306 (suspended, maintenance…), seats to buy, only the waiting list (候补,
// often the only way to a seat, so a state of its own), or sold out. The popup shows 预订 only
// for `bookable` and the waiting-list link only for `waitlist`.
import { railPrice } from '../compare/price';
import type { RailOption, SaleStatus } from '../model';

export type BuyState =
  | { kind: 'departed' }
  | { kind: 'opens'; at?: string }
  /** 12306 refuses it: the status it read, and its own words (buttonTextInfo). */
  | { kind: 'unavailable'; status: SaleStatus; text: string }
  | { kind: 'bookable' }
  | { kind: 'waitlist' }
  | { kind: 'sold-out' };

export function buyState(t: RailOption, now: number): BuyState {
  if (t.depart < now) return { kind: 'departed' };
  const notOnSale = railPrice(t).notOnSale;
  if (notOnSale) return notOnSale.at ? { kind: 'opens', at: notOnSale.at } : { kind: 'opens' };
  if (t.status !== 'on-sale') return { kind: 'unavailable', status: t.status, text: t.buttonText };
  const seats = t.seats.map((s) => s.availability);
  if (seats.some((a) => a.kind === 'plenty' || (a.kind === 'count' && a.n > 0))) return { kind: 'bookable' };
  if (seats.some((a) => a.kind === 'waitlist')) return { kind: 'waitlist' };
  return { kind: 'sold-out' };
}
