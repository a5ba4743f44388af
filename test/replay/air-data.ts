// The flights the replay serves, generated with test/support/air-bodies.ts: the same day of flights
// for a (date, from city, to city) on Fliggy's JSONP and on the Taobao Open Platform gateway, so a
// test can compute what a page or the popup must show with flightsFor().

import { buildFliggyJsonp, buildTopSearchJson, generateFlights, type FlightSpec } from '../support/air-bodies';
import { isChinaDate } from '../../lib/time';

export interface FlightSearch {
  date: string;
  /** IATA city codes (BJS, SHA, …). */
  depCity: string;
  arrCity: string;
}

/** Flights per generated day. */
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
  if (!isChinaDate(search.date) || !search.depCity || !search.arrCity) return [];
  return generateFlights(FLIGHTS_PER_DAY, search.depCity, search.arrCity, search.date, seedOf(`${search.depCity}-${search.arrCity}-${search.date}`));
}

export function fliggyJsonpFor(search: FlightSearch & { callback: string }, opts: { empty?: boolean } = {}): string {
  return buildFliggyJsonp(opts.empty ? [] : flightsFor(search), search.callback);
}

export function topSearchBodyFor(search: FlightSearch): string {
  return buildTopSearchJson(flightsFor(search));
}
