// The one typed model every decoder produces and every feature consumes.
// Money is integer fen (1 yuan = 100 fen). Instants are epoch milliseconds; anything shown to a
// person is China time (see lib/time.ts).
import type { Bilingual } from './i18n';

/** Integer fen. ¥553.0 = 55300. */
export type Fen = number;
/** Milliseconds since the Unix epoch (an instant, time-zone free). */
export type EpochMs = number;
/** A China calendar date, "yyyy-MM-dd" (zero-padded, as 12306 requires). */
export type ChinaDate = `${number}-${number}-${number}`;

// ───────────────────────────── Rail (12306) ─────────────────────────────

/** Train type from the first letter of the train code; 'number' for plain-number trains (e.g. 3055). */
export type TrainType = 'G' | 'D' | 'C' | 'Z' | 'T' | 'K' | 'S' | 'Y' | 'L' | 'number' | 'other';

/**
 * Seat classes, named after the count field of the left-ticket row that holds their seats
 * (several seat codes share a field: 软卧 and 一等卧 are both rw_num).
 */
export type SeatClassId =
  | 'swz' // 商务座
  | 'tz' // 特等座
  | 'zy' // 一等座
  | 'gg' // 优选一等座
  | 'ze' // 二等座
  | 'gr' // 高级软卧 / 高级动卧
  | 'rw' // 软卧 / 一等卧
  | 'srrb' // 动卧
  | 'yw' // 硬卧 / 二等卧
  | 'rz' // 软座
  | 'yz' // 硬座
  | 'wz' // 无座
  | 'qt'; // 其他

/** What a seat-count cell says. */
export type Availability =
  | { kind: 'count'; n: number } // digits: exactly n left (n ≥ 1)
  | { kind: 'plenty' } // 有: available, count not shown
  | { kind: 'none' } // 无 (or 0): sold out
  | { kind: 'waitlist' } // 候补: only the waiting list is open
  | { kind: 'not-on-sale' }; // *: not yet on sale / unknown — never "available"

export interface Seat {
  cls: SeatClassId;
  /** The seat code letter from the price data (O, M, 9, …) when known. */
  code?: string;
  /** zh-CN name, as 12306 shows it for this code (一等卧 rather than 软卧 when the code says so). */
  name: string;
  nameEn: string;
  availability: Availability;
  /** Price for one adult in fen, when the row carries prices. */
  price?: Fen;
}

export interface Station {
  telecode: string;
  name?: string;
}

/** Whether 12306 lets you buy this train right now. */
export type SaleStatus =
  | 'on-sale' // canWebBuy Y
  | 'not-yet' // IS_TIME_NOT_BUY with a sale time, or 'N' before sale
  | 'suspended' // 列车停运 / 停运
  | 'maintenance' // nightly service window notice in buttonTextInfo
  | 'not-bookable' // N for other reasons
  | 'unknown';

export interface RailOption {
  mode: 'rail';
  /** Unique per train and date: `${trainNo}@${date}`. */
  id: string;
  /** 12306's internal train number, e.g. 240000G1010D. */
  trainNo: string;
  /** The code people use, e.g. G101. */
  code: string;
  type: TrainType;
  /** Departure date at the from station, China time. */
  date: ChinaDate;
  from: Station;
  to: Station;
  origin: Station;
  terminus: Station;
  depart: EpochMs;
  arrive: EpochMs;
  durationMin: number;
  /** 0 = arrives the same day, 1 = next day, … */
  arriveDayOffset: number;
  /** Only the classes this train has (cells `--` or empty are omitted). */
  seats: Seat[];
  status: SaleStatus;
  /** buttonTextInfo as sent (预订, 列车停运, 23:00-06:00系统维护时间, 12点30分起售…). */
  buttonText: string;
  /** Station sequence numbers on the train's route (for stop lists and price queries). */
  fromNo?: string;
  toNo?: string;
  /** Sale time "HHmm" when the row says it. */
  saleTime?: string;
  /** Cheapest class that can be bought now with a known price. */
  cheapest?: { cls: SeatClassId; name: string; price: Fen };
  /** True when some class has seats (count > 0 or 有). */
  hasSeats: boolean;
}

export interface LeftTicketResult {
  /** 'pipe' = current `|`-separated rows; 'object' = pre-2017 queryLeftNewDTO objects. */
  format: 'pipe' | 'object';
  /** Field counts seen in pipe rows (e.g. [37] for 2018, [57] for 2025). */
  fieldCounts: number[];
  /** Travel date of the rows (the first row's), when any. */
  date?: ChinaDate;
  /** Telecode → station name map the response carries. */
  stationNames: Record<string, string>;
  trains: RailOption[];
  /**
   * Whom the query asked for (purpose_codes ADULT or 0X00), when the decoder was told: the
   * answer's prices cannot be confirmed to be student prices, so a student query says so.
   */
  purpose?: 'adult' | 'student';
}

/** One record of station_name.js. */
export interface StationRecord {
  /** Pinyin abbreviation as 12306 writes it first ("bjb"). */
  abbr: string;
  name: string;
  telecode: string;
  pinyin: string;
  initials: string;
  index: number;
  /** 11-field list only. */
  cityCode?: string;
  /** 11-field list only; otherwise derived from the station name (北京南 → 北京) by lib/rail/stations. */
  cityName?: string;
}

export interface StationList {
  format: '6-field' | '11-field';
  /** station_version from the script URL when known. */
  version?: string;
  stations: StationRecord[];
}

// ───────────────────────────── Air ─────────────────────────────

export type CabinClass = 'economy' | 'business' | 'first' | 'unknown';

/**
 * Why a fare is not an ordinary adult economy fare: an age limit for the young (限16-25周岁), a
 * student or senior fare, a member price, a cabin above economy, or another special sale (group,
 * seller promotion…). Such fares are shown but only compared for a traveller who says they fit.
 */
export type FareConditionKind = 'youth' | 'student' | 'senior' | 'member' | 'premium-cabin' | 'special';

export interface FareCondition {
  kinds: FareConditionKind[];
  /** The condition in words, as the source states it when it does (限16-25周岁, 会员价, 头等舱). */
  text: Bilingual;
}

export interface Fare {
  cabinClass: CabinClass;
  /** Booking class letter (Y, R, …) when known. */
  cabin?: string;
  /** What the seller asks for the ticket, fen, before taxes and fees. */
  price: Fen;
  /** Airport construction fee + fuel surcharge (or "taxes + fees" as the source names them), when given. */
  taxes?: Fen;
  /** price + taxes when taxes are known. */
  total?: Fen;
  /** 0–10 (e.g. 7.5 = 75 % of full fare), when given. */
  discount?: number;
  /** Seats left at this fare, when the source says. */
  seatsLeft?: number;
  /** Set when only some travellers may buy this fare (see FareConditionKind). */
  condition?: FareCondition;
}

/** One flight of a connection (a transfer itinerary sold as one ticket). */
export interface AirLeg {
  flightNo: string;
  from: Airport;
  to: Airport;
  depart: EpochMs;
  arrive: EpochMs;
}

export interface Airport {
  /** IATA airport code (PEK). */
  code: string;
  name?: string;
  terminal?: string;
  /** IATA city code (BJS) when known. */
  city?: string;
}

export type AirSource = 'top' | 'fliggy';

export interface AirOption {
  mode: 'air';
  /** Unique per flight and date: `${flightNo}@${date}`. */
  id: string;
  flightNo: string;
  /** Two-letter airline code. */
  airline: string;
  airlineName?: string;
  /** Departure date, China time. */
  date: ChinaDate;
  from: Airport;
  to: Airport;
  depart: EpochMs;
  arrive: EpochMs;
  durationMin: number;
  arriveDayOffset: number;
  stops: number;
  transfer: boolean;
  /** The flights of a connection, in order, when `transfer` is true and the source lists them. */
  legs?: AirLeg[];
  /** Marketing flight operated by another: "实际乘坐 CA1234". */
  operatedBy?: string;
  aircraft?: string;
  fares: Fare[];
  /** Lowest fare by price (before taxes) that can be bought now; undefined when none can (sold out). */
  lowest?: Fare;
  source: AirSource;
}

export interface FlightSearchResult {
  source: AirSource;
  date?: ChinaDate;
  /** IATA city codes of the search. */
  depCity?: string;
  arrCity?: string;
  /** Code → Chinese name maps the response carries. */
  airports: Record<string, string>;
  airlines: Record<string, string>;
  flights: AirOption[];
}

export type TravelOption = RailOption | AirOption;
