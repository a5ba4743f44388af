// The friendly description of one flight the test generators work from (FlightSpec), with the
// place names and helpers both wire formats' builders share (air-bodies.ts: TOP; fliggy-body.ts:
// Fliggy's JSONP).
import type { CabinClass, EpochMs } from '../../lib/model';
import { chinaDateOf, chinaHm, chinaInstant, parseChinaDateTime, parseHm } from '../../lib/time';

/** A flight's number, airports and times; on its own, one flight of a connection (Fliggy's transferFlight[k]). */
export interface LegSpec {
  flightNo: string;
  /** IATA airport codes. */
  dep: string;
  arr: string;
  depTerm?: string;
  arrTerm?: string;
  /** "YYYY-MM-DD HH:mm", China time. */
  depTime: string;
  /** "YYYY-MM-DD HH:mm"; a FlightSpec may give a bare "HH:mm" (the next day when not after depTime). */
  arrTime: string;
}

export interface FlightSpec extends LegSpec {
  /** Two-letter airline code. */
  airline: string;
  /** Sale price before taxes, fen; null = listed without a fare (sold out). */
  priceFen: number | null;
  /** Airport construction fee + fuel surcharge, fen. */
  taxesFen?: number;
  /** Default economy. */
  cabinClass?: CabinClass;
  /** Booking class letter; default Y / C / F by class. */
  cabin?: string;
  /** Full (Y) fare in fen, for a discount; omitted when not given. */
  fullFareFen?: number;
  /** A connection: flightNo is "MU5101/MU2345" (TOP), or "MU5101+MU2345" with `legs` (Fliggy 2026). */
  transfer?: boolean;
  /** The connection's flights, written as Fliggy's transferFlight[] (no flightNo or times of its own). */
  legs?: LegSpec[];
  /** Codeshare: the operating flight (TOP `carrier`). */
  operatedBy?: string;
  aircraft?: string;
  // Fliggy 2026 cabin restrictions (TOP has no such fields: a spec with any of them is no TOP fare).
  /** cabin.notices, e.g. ["限16-25周岁购买"]. */
  notices?: string[];
  /** cabin.hasMemberPrice. */
  memberPrice?: boolean;
  vip?: boolean;
  specialSale?: boolean;
  fSpecialSale?: boolean;
  /** cabin.priceType / sprodType (0 = ordinary, the default). */
  priceType?: number;
  sprodType?: number;
  /** The cabin carries bestPrice (= priceFen) and no price. */
  bestPriceOnly?: boolean;
  /** Where Fliggy puts the taxes: oilPrice + buildPrice ('split', default), all in buildPrice ('build'), neither ('none'). */
  taxPlacement?: 'split' | 'build' | 'none';
}

/** True when the spec's fare is for some travellers only in Fliggy's terms (not its cabin class). */
export function fliggyRestricted(s: FlightSpec): boolean {
  return (
    (s.notices?.length ?? 0) > 0 ||
    s.memberPrice === true ||
    s.vip === true ||
    s.specialSale === true ||
    s.fSpecialSale === true ||
    (s.priceType ?? 0) !== 0 ||
    (s.sprodType ?? 0) !== 0 ||
    s.bestPriceOnly === true
  );
}

/** True when an ordinary adult may buy the spec's fare: priced, economy, no restriction. */
export function isOrdinaryFare(s: FlightSpec): boolean {
  return s.priceFen !== null && (s.cabinClass ?? 'economy') === 'economy' && !fliggyRestricted(s);
}

/** What the spec's fare costs as Fliggy gives it: price + taxes, or the bare price when the taxes are not given. */
export function fliggyAmount(s: FlightSpec): number | undefined {
  if (s.priceFen === null) return undefined;
  return s.priceFen + (s.taxPlacement === 'none' ? 0 : (s.taxesFen ?? 0));
}

/** Airport → IATA city code, for the cities TOP keys its flight_info_map with. */
export const CITY_OF_AIRPORT: Record<string, string> = {
  PEK: 'BJS', PKX: 'BJS', SHA: 'SHA', PVG: 'SHA', CAN: 'CAN', SZX: 'SZX', CTU: 'CTU', TFU: 'CTU',
  CKG: 'CKG', XIY: 'SIA', HGH: 'HGH', KMG: 'KMG', WUH: 'WUH', NKG: 'NKG', XMN: 'XMN', CSX: 'CSX',
  TAO: 'TAO', HRB: 'HRB', SYX: 'SYX', TSN: 'TSN',
};

export const AIRPORTS_OF_CITY: Record<string, string[]> = {
  BJS: ['PEK', 'PKX'], SHA: ['SHA', 'PVG'], CTU: ['CTU', 'TFU'], CAN: ['CAN'], SZX: ['SZX'], CKG: ['CKG'],
  SIA: ['XIY'], HGH: ['HGH'], KMG: ['KMG'], WUH: ['WUH'], NKG: ['NKG'], XMN: ['XMN'], CSX: ['CSX'],
};

export const AIRPORT_NAMES: Record<string, string> = {
  PEK: '首都机场', PKX: '大兴机场', SHA: '虹桥机场', PVG: '浦东机场', CAN: '白云机场', SZX: '宝安机场',
  CTU: '双流机场', TFU: '天府机场', CKG: '江北机场', XIY: '咸阳机场', HGH: '萧山机场', KMG: '长水机场',
  WUH: '天河机场', NKG: '禄口机场', XMN: '高崎机场', CSX: '黄花机场',
};

export const CITY_NAMES: Record<string, string> = {
  BJS: '北京', SHA: '上海', CAN: '广州', SZX: '深圳', CTU: '成都', CKG: '重庆', SIA: '西安', HGH: '杭州',
  KMG: '昆明', WUH: '武汉', NKG: '南京', XMN: '厦门', CSX: '长沙',
};

export const CLASS_NUM: Record<CabinClass, number> = { first: 0, business: 1, economy: 2, unknown: 2 };
export const CLASS_LETTER: Record<CabinClass, string> = { first: 'F', business: 'C', economy: 'Y', unknown: 'Y' };
export const CLASS_NAME: Record<CabinClass, string> = { first: '头等舱', business: '商务舱', economy: '经济舱', unknown: '经济舱' };

export const cityOf = (airport: string) => CITY_OF_AIRPORT[airport] ?? airport;

/** The spec's instants (China time). */
export function specInstants(s: FlightSpec): { depart: EpochMs; arrive: EpochMs } {
  const depart = parseChinaDateTime(s.depTime);
  if (depart === undefined) throw new Error(`bad depTime ${s.depTime}`);
  let arrive = parseChinaDateTime(s.arrTime);
  if (arrive === undefined) {
    const hm = parseHm(s.arrTime);
    if (hm === undefined) throw new Error(`bad arrTime ${s.arrTime}`);
    arrive = chinaInstant(chinaDateOf(depart), hm);
    if (arrive <= depart) arrive += 86_400_000;
  }
  return { depart, arrive };
}

export const fmt = (t: EpochMs) => `${chinaDateOf(t)} ${chinaHm(t)}`;

/** Taxes split the way both sites do: ¥50 airport construction fee, the rest fuel surcharge. */
export function splitTaxes(taxesFen: number): { fees: number; fuel: number } {
  const fees = Math.min(taxesFen, 5000);
  return { fees, fuel: taxesFen - fees };
}
