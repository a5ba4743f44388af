// The user's filters over trains and flights (popup and comparison): pure functions over the model.
import type { AirOption, RailOption, SeatClassId, TrainType } from '../model';
import { chinaMinuteOfDay } from '../time';
import type { Qualifications } from './fare-conditions';
import { airPrice } from './price';

export type TypeGroup = 'GDC' | 'ZTK' | 'other';
export type SortKey = 'depart' | 'arrive' | 'duration' | 'price';

export interface Filters {
  types: TypeGroup[];
  /** Departure window, hours 0–24 China time. */
  fromHour: number;
  toHour: number;
  /** A seat class the train must have (and, with onlyBuyable, have seats in); 'any' = all. */
  cls: SeatClassId | 'any';
  onlyBuyable: boolean;
  sort: SortKey;
}

export const DEFAULT_FILTERS: Filters = {
  types: ['GDC', 'ZTK', 'other'],
  fromHour: 0,
  toHour: 24,
  cls: 'any',
  onlyBuyable: false,
  sort: 'depart',
};

export function typeGroup(t: TrainType): TypeGroup {
  if (t === 'G' || t === 'D' || t === 'C') return 'GDC';
  if (t === 'Z' || t === 'T' || t === 'K') return 'ZTK';
  return 'other';
}

/** True when the instant falls in the departure window (hours, China time). */
export function inWindow(t: number, f: Pick<Filters, 'fromHour' | 'toHour'>): boolean {
  // The whole day needs no clock (and the comparison asks this for every option).
  if (f.fromHour <= 0 && f.toHour >= 24) return true;
  const h = chinaMinuteOfDay(t) / 60;
  return h >= f.fromHour && h < f.toHour;
}

/** True when the train can be bought now in the class (or any class). */
export function trainBuyable(o: RailOption, cls: SeatClassId | 'any'): boolean {
  if (o.status !== 'on-sale') return false;
  const seats = cls === 'any' ? o.seats : o.seats.filter((s) => s.cls === cls);
  return seats.some((s) => s.availability.kind === 'plenty' || (s.availability.kind === 'count' && s.availability.n > 0));
}

/** Lowest price of the train (in the class when one is chosen). */
export function trainPrice(o: RailOption, cls: SeatClassId | 'any'): number | undefined {
  const prices = (cls === 'any' ? o.seats : o.seats.filter((s) => s.cls === cls))
    .map((s) => s.price)
    .filter((p): p is number => p !== undefined);
  return prices.length ? Math.min(...prices) : undefined;
}

const cmp = (a: number | undefined, b: number | undefined) =>
  (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY);

function sorter<T extends { depart: number; arrive: number; durationMin: number }>(
  key: SortKey,
  price: (o: T) => number | undefined,
) {
  return (a: T, b: T) => {
    const d =
      key === 'arrive'
        ? a.arrive - b.arrive
        : key === 'duration'
          ? a.durationMin - b.durationMin
          : key === 'price'
            ? cmp(price(a), price(b))
            : a.depart - b.depart;
    return d !== 0 ? d : a.depart - b.depart;
  };
}

/** True when the train passes the filters: its type, departure window, class and seats. */
export function trainPasses(o: RailOption, f: Omit<Filters, 'sort'>): boolean {
  return (
    f.types.includes(typeGroup(o.type)) &&
    inWindow(o.depart, f) &&
    (f.cls === 'any' || o.seats.some((s) => s.cls === f.cls)) &&
    (!f.onlyBuyable || trainBuyable(o, f.cls))
  );
}

export function filterTrains(trains: readonly RailOption[], f: Filters): RailOption[] {
  return trains
    .filter((o) => trainPasses(o, f))
    .sort(sorter<RailOption>(f.sort, (o) => trainPrice(o, f.cls)));
}

/**
 * Flights in the window; "only with seats" keeps the ones with a fare the traveller may buy, and
 * prices sort as the comparison reads them (taxes in, conditional fares only when they qualify).
 */
export function filterFlights(flights: readonly AirOption[], f: Filters, qualifies: Qualifications = {}): AirOption[] {
  const price = new Map(flights.map((o) => [o, airPrice(o, qualifies).price]));
  return flights
    .filter((o) => inWindow(o.depart, f))
    .filter((o) => !f.onlyBuyable || price.get(o) !== undefined)
    .sort(sorter<AirOption>(f.sort, (o) => price.get(o)));
}

/**
 * The list as a traveller reads it at `now`: options that have left go last, in their order (the
 * comparison's rule: departing before `now` is departed; they are shown greyed, never ranked).
 */
export function departedLast<T extends { depart: number }>(options: readonly T[], now: number): T[] {
  return [...options.filter((o) => o.depart >= now), ...options.filter((o) => o.depart < now)];
}

/** Seat classes present in the results, in the model's order, for the class filter. */
export function classesIn(trains: readonly RailOption[]): { cls: SeatClassId; name: string; nameEn: string }[] {
  const seen = new Map<SeatClassId, { cls: SeatClassId; name: string; nameEn: string }>();
  for (const t of trains) for (const s of t.seats) if (!seen.has(s.cls)) seen.set(s.cls, { cls: s.cls, name: s.name, nameEn: s.nameEn });
  const order: SeatClassId[] = ['swz', 'tz', 'zy', 'gg', 'ze', 'gr', 'rw', 'srrb', 'yw', 'rz', 'yz', 'wz', 'qt'];
  return order.filter((c) => seen.has(c)).map((c) => seen.get(c)!);
}
