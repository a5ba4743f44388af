// compare(): trains and flights for one day and city pair, door to door, ranked, with a verdict.
// Pure: everything it needs (the decoded results, when they were fetched, "now", the places and
// the user's buffers) is passed in, so the overlay, the popup, the watches and the command line
// all get the same answer for the same data.
import type { AirOption, ChinaDate, RailOption } from '../model';
import { fail, ok, type DecodeIssue, type DecodeResult } from '../result';
import { DEFAULT_BUFFERS } from '../settings';
import { MINUTE_MS } from '../time';
import { doorClock } from './door-clock';
import { doorToDoor } from './door-to-door';
import { DEFAULT_FILTERS, inWindow, trainPasses, type Filters } from './filter';
import { filterToPlaces } from './places';
import { noteIn, optionPrice, type OptionPrice } from './price';
import { rank, topsOf } from './rank';
import type { ComparedOption, CompareInput, CompareOptions, Comparison, Exclusion, SourceInfo } from './types';
import { verdict } from './verdict';

export type { ComparedOption, CompareFilters, CompareInput, CompareOptions, Comparison, DoorClock, Exclusion, SourceInfo } from './types';
export type { Place, PlaceQuery } from './places';
export type { Rankings, Top } from './rank';
export type { ConditionalFare, OptionPrice, PriceClass, WaitlistClass } from './price';
export type { Qualifications } from './fare-conditions';
export type { Filters, SortKey, TypeGroup } from './filter';
export type { RowNote, RowNoteRules } from './row-notes';
export type { FareFacts } from './option-facts';
export { resolvePlace, filterToPlaces, goesBetween } from './places';
export { doorToDoor } from './door-to-door';
export { doorClock } from './door-clock';
export { optionPrice } from './price';
export { qualifies, fareAmount, CONDITION_TEXT } from './fare-conditions';
export { DEFAULT_FILTERS, filterTrains, filterFlights, trainPasses } from './filter';
export { rank } from './rank';
export { rowNotes, standIn } from './row-notes';
export { fareFacts } from './option-facts';
export { verdict, bestTrain, bestFlight } from './verdict';

export const DEFAULT_STALE_AFTER_MIN = 30;

function sourceInfo(count: number, fetchedAt: number, now: number, staleAfterMin: number): SourceInfo {
  const ageMin = Math.max(0, Math.round((now - fetchedAt) / MINUTE_MS));
  return { count, ageMin, stale: ageMin > staleAfterMin };
}

/** The travel date a result is for: its own, else its first option's. */
function dateOf(result: { date?: ChinaDate }, options: readonly { date: ChinaDate }[]): ChinaDate | undefined {
  return result.date ?? options[0]?.date;
}

/**
 * Why an option ranks nowhere, if it does not: the first reason that applies. Outside the user's
 * filters comes before the sale state, so "no train matches the filters" can be told apart.
 */
function exclusion(option: RailOption | AirOption, p: OptionPrice, departed: boolean, f: Omit<Filters, 'sort'>): Exclusion | undefined {
  if (departed) return 'departed';
  const passes = option.mode === 'rail' ? trainPasses(option, f) : inWindow(option.depart, f) && (!f.onlyBuyable || !p.soldOut);
  if (!passes) return 'filtered';
  if (p.notOnSale) return 'not-on-sale';
  if (p.conditionalOnly) return 'conditional-only';
  return undefined;
}

export function compare(input: CompareInput, opts: CompareOptions = {}): DecodeResult<Comparison> {
  const buffers = opts.buffers ?? DEFAULT_BUFFERS;
  const staleAfterMin = opts.staleAfterMin ?? DEFAULT_STALE_AFTER_MIN;
  const lang = opts.lang ?? 'zh-CN';
  const filters: Omit<Filters, 'sort'> = { ...DEFAULT_FILTERS, ...opts.filters };
  const { rail, air, now } = input;
  const departedBefore = input.departedBefore ?? now;
  const issues: DecodeIssue[] = [];

  if (!rail && !air) return fail('empty', 'compare: neither train nor flight data given', '比较：没有火车或航班数据');

  const railDate = rail ? dateOf(rail.result, rail.result.trains) : undefined;
  const airDate = air ? dateOf(air.result, air.result.flights) : undefined;
  if (railDate && airDate && railDate !== airDate) {
    return fail(
      'different-dates',
      `compare: trains are for ${railDate}, flights for ${airDate}`,
      `比较：火车是 ${railDate} 的，航班是 ${airDate} 的，不是同一天`,
    );
  }
  const date = railDate ?? airDate;

  let trains: RailOption[] = rail ? [...rail.result.trains] : [];
  let flights: AirOption[] = air ? [...air.result.flights] : [];
  // Options for another day than the result's (should not happen; never compare two days).
  if (date) {
    const off = [...trains, ...flights].filter((o) => o.date !== date);
    if (off.length) {
      issues.push({ code: 'skipped', message: `${off.length} options for another date than ${date} left out`, sample: off[0]!.id });
      trains = trains.filter((o) => o.date === date);
      flights = flights.filter((o) => o.date === date);
    }
  }
  if (input.from && input.to) {
    const r = filterToPlaces(trains, input.from, input.to);
    const a = filterToPlaces(flights, input.from, input.to);
    const dropped = [...r.dropped, ...a.dropped];
    if (dropped.length) {
      issues.push({
        code: 'skipped',
        message: `${dropped.length} options not between ${input.from.city} and ${input.to.city} left out (${r.dropped.length} trains, ${a.dropped.length} flights)`,
        sample: dropped[0]!.id,
      });
    }
    if (r.unchecked) {
      issues.push({ code: 'other', message: `${r.unchecked} trains kept without checking their stations (no station names or list)` });
    }
    trains = r.kept;
    flights = a.kept;
  }

  if (trains.length === 0 && flights.length === 0) {
    const filtered = issues.some((i) => i.code === 'skipped');
    return fail(
      'empty',
      filtered ? 'compare: no train or flight between these places on this date' : 'compare: no trains and no flights to compare',
      filtered ? '比较：这一天在这两地之间没有火车或航班' : '比较：没有可比较的火车或航班',
    );
  }

  const seen = new Map<string, number>();
  const compared: ComparedOption[] = [];
  for (const option of [...trains, ...flights]) {
    const n = (seen.get(option.id) ?? 0) + 1;
    seen.set(option.id, n);
    const id = n === 1 ? option.id : `${option.id}#${n}`;
    if (n === 2) issues.push({ code: 'other', message: `option ${option.id} appears more than once; later ones get #2, #3…`, sample: option.id });
    const d = doorToDoor(option, buffers);
    const p = optionPrice(option, { cls: filters.cls, qualifies: opts.qualifies ?? {}, purpose: rail?.result.purpose });
    const departed = option.depart < departedBefore;
    const c: ComparedOption = {
      id,
      option,
      doorToDoorMin: d.doorToDoorMin,
      leaveHome: d.leaveHome,
      reachDoor: d.reachDoor,
      priceIncludesTaxes: p.priceIncludesTaxes,
      soldOut: p.soldOut,
      departed,
      reachDoorAt: doorClock(d.reachDoor, option.date),
      tops: [],
    };
    if (p.price !== undefined) c.price = p.price;
    const note = noteIn(lang, p.note);
    if (note) c.priceNote = note;
    if (p.cls) c.priceClass = p.cls;
    if (p.condition) c.priceCondition = p.condition;
    if (p.conditional) c.conditionalFares = p.conditional;
    if (p.waitlist) c.waitlist = p.waitlist;
    if (p.notOnSale?.at) c.saleOpens = p.notOnSale.at;
    const why = exclusion(option, p, departed, filters);
    if (why) c.excluded = why;
    compared.push(c);
  }
  // By departure, those already gone last (shown greyed).
  compared.sort(
    (a, b) => Number(a.departed) - Number(b.departed) || a.option.depart - b.option.depart || a.reachDoor - b.reachDoor || (a.id < b.id ? -1 : 1),
  );

  const rankings = rank(compared);
  for (const c of compared) c.tops = topsOf(c.id, rankings);

  const sources: Comparison['sources'] = {};
  if (rail) sources.rail = sourceInfo(trains.length, rail.fetchedAt, now, staleAfterMin);
  if (air) sources.air = sourceInfo(flights.length, air.fetchedAt, now, staleAfterMin);
  const partial: Comparison['partial'] = rail && !air ? 'rail-only' : air && !rail ? 'air-only' : null;

  return ok(
    {
      date: date ?? (compared[0]!.option.date),
      options: compared,
      rankings,
      verdict: verdict({ options: compared, sources, partial, rankings }),
      sources,
      partial,
    },
    issues,
  );
}
