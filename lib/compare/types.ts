// The comparison's public shapes (shared by compare(), the verdict, the overlay and the popup).
import type { Bilingual, Lang } from '../i18n';
import type {
  AirOption,
  ChinaDate,
  EpochMs,
  Fen,
  FlightSearchResult,
  LeftTicketResult,
  RailOption,
} from '../model';
import type { FareCondition } from '../model';
import type { Buffers } from '../settings';
import type { Qualifications } from './fare-conditions';
import type { Filters } from './filter';
import type { Place } from './places';
import type { ConditionalFare, PriceClass, WaitlistClass } from './price';
import type { Rankings, Top } from './rank';

export interface CompareInput {
  rail?: { result: LeftTicketResult; fetchedAt: EpochMs; source?: string };
  air?: { result: FlightSearchResult; fetchedAt: EpochMs };
  /** The instant the comparison is made: sources' age, and what has already left. */
  now: EpochMs;
  /**
   * Options departing before this instant have left (default `now`). The command line sets it to
   * the start of a past file's own day, so an old capture is still compared as a plan.
   */
  departedBefore?: EpochMs;
  /** When given, only options between these places are compared (the rest are counted in issues). */
  from?: Place;
  to?: Place;
}

export interface CompareOptions {
  buffers?: { air: Buffers; rail: Buffers };
  /** A source older than this many minutes is marked stale (default 30). */
  staleAfterMin?: number;
  /** Language of priceNote (the verdict always carries both). */
  lang?: Lang;
  /** The user's filters: options outside them are listed but rank nowhere (default: none). */
  filters?: CompareFilters;
  /** Conditions the traveller fits: such fares then compete as ordinary ones (default: none). */
  qualifies?: Qualifications;
}

/** The popup's filters without its sort order (which does not change what is best). */
export type CompareFilters = Partial<Omit<Filters, 'sort'>>;

/** Why a listed option ranks nowhere and stays out of the verdict and the row notes. */
export type Exclusion = 'departed' | 'not-on-sale' | 'conditional-only' | 'filtered';

/** Clock time at the door, China time: "13:40", or "01:10+1" the next day after the travel date. */
export interface DoorClock {
  hm: string;
  dayOffset: number;
  text: string;
}

export interface ComparedOption {
  id: string;
  option: RailOption | AirOption;
  doorToDoorMin: number;
  leaveHome: EpochMs;
  reachDoor: EpochMs;
  /** Cheapest price that can be paid now; undefined when nothing is buyable or no price is listed. */
  price?: Fen;
  /** True for trains (all-in) and for fares with taxes added; false when taxes are unknown. */
  priceIncludesTaxes: boolean;
  priceNote?: string;
  /** The class the price is for (二等座, 经济舱…). */
  priceClass?: PriceClass;
  /** Set when the price is a conditional fare the traveller said fits them. */
  priceCondition?: FareCondition;
  /** Fares only others may buy: shown with their condition, never compared. Cheapest first. */
  conditionalFares?: ConditionalFare[];
  /** Classes with only the waiting list open (候补): shown apart, never cheapest. */
  waitlist?: WaitlistClass[];
  soldOut: boolean;
  /** Departs before `now` (or `departedBefore`): shown greyed and last. */
  departed: boolean;
  /** 12306 opens the sale later: "HH:mm" when known (the note says "12:30 开售"). */
  saleOpens?: string;
  excluded?: Exclusion;
  /** When the traveller is at the door at the other end. */
  reachDoorAt: DoorClock;
  tops: Top[];
}

export interface SourceInfo {
  count: number;
  ageMin: number;
  stale: boolean;
}

export interface Comparison {
  date: ChinaDate;
  /** By departure time; departed options last. */
  options: ComparedOption[];
  rankings: Rankings;
  verdict: Bilingual;
  sources: { rail?: SourceInfo; air?: SourceInfo };
  partial: 'rail-only' | 'air-only' | null;
}
