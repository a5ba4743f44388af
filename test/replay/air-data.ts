// The flights the replay serves, generated with test/support/air-bodies.ts: the same day of flights
// for a (date, from city, to city) on Fliggy's JSONP and on the Taobao Open Platform gateway, so a
// test can compute what a page or the popup must show with flightsFor(). Every day carries each
// kind of fare of Fliggy's 2026 answers (test/support/fare-kinds.ts): a 16–25-only fare and a
// member fare cheaper than every adult fare, first class, special products, a connection…

import { buildFliggyJsonp, buildTopSearchJson, generateFlights, type FlightSpec } from '../support/air-bodies';
import { withFareKinds, type FareKind } from '../support/fare-kinds';
import { isChinaDate } from '../../lib/time';

export interface FlightSearch {
  date: string;
  /** IATA city codes (BJS, SHA, …). */
  depCity: string;
  arrCity: string;
}

/** Flights per generated day, before the connection is added. */
export const FLIGHTS_PER_DAY = 24;

/** A small stable string hash (FNV-1a) to seed the generator per search. */
export function seedOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The flights the replay answers for a search (deterministic; [] for an invalid date). */
export function flightsFor(search: FlightSearch): FlightSpec[] {
  return dayFor(search).specs;
}

/** The day and which flight carries each kind of fare. */
export function dayFor(search: FlightSearch): { specs: FlightSpec[]; kinds: Map<FareKind, FlightSpec> } {
  if (!isChinaDate(search.date) || !search.depCity || !search.arrCity) return { specs: [], kinds: new Map() };
  const date = search.date;
  const day = generateFlights(FLIGHTS_PER_DAY, search.depCity, search.arrCity, date, seedOf(`${search.depCity}-${search.arrCity}-${search.date}`));
  return withFareKinds(day, date);
}

export function fliggyJsonpFor(search: FlightSearch & { callback: string }, opts: { empty?: boolean } = {}): string {
  return buildFliggyJsonp(opts.empty ? [] : flightsFor(search), search.callback);
}

export function topSearchBodyFor(search: FlightSearch): string {
  return buildTopSearchJson(flightsFor(search));
}
