// What the two ways into Fliggy's search share: the decoder's name, yuan → fen, discounts, the
// bare option of a flight, and the merge of a flight listed twice into one option with all fares.
import type { AirOption, EpochMs, Fare, FlightSearchResult } from '../../model';
import { type DecodeIssue, type DecodeResult, ok } from '../../result';
import { CHINA_OFFSET_MS, chinaDateOf, DAY_MS, MINUTE_MS } from '../../time';
import { AIRLINE_NAMES } from '../airlines';
import { cheapestOpen } from '../fares';

export const NAME = 'Fliggy flight search';

export const yuanToFen = (y: number) => Math.round(y * 100);

/** A flag as JSON sites write it: true, 1, "1", "true", "Y". */
export const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 'true' || v === 'Y' || v === 'y';

/** Discount as 0–10: Fliggy shows "3.5折"; a 0–1 fraction or a 0–100 percentage is rescaled. */
export function normalizeDiscount(d: number): number | undefined {
  if (d > 0 && d <= 1) return Math.round(d * 100) / 10;
  if (d > 1 && d <= 10) return d;
  if (d > 10 && d <= 100) return Math.round(d) / 10;
  return undefined;
}

/** Two fares a traveller could not tell apart: price, taxes, class, booking letter and condition. */
export function sameFare(a: Fare, b: Fare): boolean {
  return (
    a.price === b.price &&
    a.taxes === b.taxes &&
    a.cabinClass === b.cabinClass &&
    a.cabin === b.cabin &&
    (a.condition?.kinds.join() ?? '') === (b.condition?.kinds.join() ?? '') &&
    (a.condition?.text.zh ?? '') === (b.condition?.text.zh ?? '')
  );
}

export function sameDayMerge(byId: Map<string, AirOption>, f: AirOption): boolean {
  const prev = byId.get(f.id);
  if (!prev) {
    byId.set(f.id, f);
    return false;
  }
  // The same flight listed twice (another cabin, or the page's hidden duplicate row): one option, all fares.
  // Fares are the same only when everything a traveller pays and may buy is: a youth-only ¥500
  // and the ordinary ¥500 are two fares, and keeping only the first would hide the adult one.
  for (const fare of f.fares) {
    if (!prev.fares.some((p) => sameFare(p, fare))) prev.fares.push(fare);
  }
  return true;
}

export function finish(
  byId: Map<string, AirOption>,
  airports: Record<string, string>,
  airlines: Record<string, string>,
  depCity: string | undefined,
  arrCity: string | undefined,
  issues: DecodeIssue[],
): DecodeResult<FlightSearchResult> {
  const flights = [...byId.values()];
  for (const f of flights) {
    f.fares.sort((a, b) => a.price - b.price);
    const lowest = cheapestOpen(f.fares);
    if (lowest) f.lowest = lowest;
    else delete f.lowest;
    const name = f.airlineName ?? airlines[f.airline] ?? AIRLINE_NAMES[f.airline];
    if (name) f.airlineName = name;
    if (!f.from.name && airports[f.from.code]) f.from.name = airports[f.from.code];
    if (!f.to.name && airports[f.to.code]) f.to.name = airports[f.to.code];
  }
  flights.sort((a, b) => a.depart - b.depart || a.flightNo.localeCompare(b.flightNo));
  const value: FlightSearchResult = { source: 'fliggy', airports, airlines, flights };
  if (flights[0]) value.date = flights[0].date;
  if (depCity) value.depCity = depCity;
  if (arrCity) value.arrCity = arrCity;
  return ok(value, issues);
}

export function baseOption(
  flightNo: string,
  airline: string,
  depart: EpochMs,
  arrive: EpochMs,
  from: AirOption['from'],
  to: AirOption['to'],
): AirOption {
  const date = chinaDateOf(depart);
  return {
    mode: 'air',
    id: `${flightNo}@${date}`,
    flightNo,
    airline,
    date,
    from,
    to,
    depart,
    arrive,
    durationMin: Math.round((arrive - depart) / MINUTE_MS),
    arriveDayOffset: Math.max(0, chinaDayIndex(arrive) - chinaDayIndex(depart)),
    stops: 0,
    transfer: false,
    fares: [],
    source: 'fliggy',
  };
}

/** Days since the epoch on China's calendar: cheap day arithmetic on the hot path. */
const chinaDayIndex = (t: EpochMs) => Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);
