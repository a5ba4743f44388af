// The comparison's public shapes (shared by compare(), the verdict, the overlay and the popup).
import type { Lang } from '../i18n';
import type {
  AirOption,
  ChinaDate,
  EpochMs,
  Fen,
  FlightSearchResult,
  LeftTicketResult,
  RailOption,
} from '../model';
import type { Buffers } from '../settings';
import type { Place } from './places';
import type { Rankings, Top } from './rank';

export interface CompareInput {
  rail?: { result: LeftTicketResult; fetchedAt: EpochMs; source?: string };
  air?: { result: FlightSearchResult; fetchedAt: EpochMs };
  /** The instant the comparison is made (for the sources' age). */
  now: EpochMs;
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
  soldOut: boolean;
  tops: Top[];
}

export interface SourceInfo {
  count: number;
  ageMin: number;
  stale: boolean;
}

export interface Comparison {
  date: ChinaDate;
  /** By departure time. */
  options: ComparedOption[];
  rankings: Rankings;
  verdict: { zh: string; en: string };
  sources: { rail?: SourceInfo; air?: SourceInfo };
  partial: 'rail-only' | 'air-only' | null;
}
