// Hand-made options for the comparison tests: only the fields compare() reads, with times given
// as China wall-clock "HH:mm" on a date (a day offset for arrivals after midnight).
import type {
  AirOption,
  Availability,
  ChinaDate,
  Fare,
  FareCondition,
  FareConditionKind,
  FlightSearchResult,
  LeftTicketResult,
  RailOption,
  Seat,
  TrainType,
} from '../../../lib/model';
import { chinaInstant, parseHm } from '../../../lib/time';

export const DATE: ChinaDate = '2026-03-10';

export function at(hm: string, dayOffset = 0, date: ChinaDate = DATE): number {
  return chinaInstant(date, parseHm(hm)! + dayOffset * 24 * 60);
}

export const plenty: Availability = { kind: 'plenty' };
export const none: Availability = { kind: 'none' };
export const count = (n: number): Availability => ({ kind: 'count', n });

export const waitlist: Availability = { kind: 'waitlist' };

/** 12306's names for the classes the tests use; others are named by their id. */
const SEAT_NAMES: Partial<Record<Seat['cls'], [string, string]>> = {
  swz: ['商务座', 'Business class'],
  zy: ['一等座', 'First class'],
  ze: ['二等座', 'Second class'],
  rw: ['软卧', 'Soft sleeper'],
  yw: ['硬卧', 'Hard sleeper'],
  yz: ['硬座', 'Hard seat'],
  wz: ['无座', 'Standing'],
};

export function seat(cls: Seat['cls'], price: number | undefined, availability: Availability): Seat {
  const [name, nameEn] = SEAT_NAMES[cls] ?? [cls, cls];
  const s: Seat = { cls, name, nameEn, availability };
  if (price !== undefined) s.price = price;
  return s;
}

export function train(
  code: string,
  from: string,
  to: string,
  depart: string,
  arrive: string,
  seats: Seat[],
  extra: Partial<RailOption> & { arriveDay?: number } = {},
): RailOption {
  const { arriveDay = 0, ...rest } = extra;
  const date = rest.date ?? DATE;
  const d = at(depart, 0, date);
  const a = at(arrive, arriveDay, date);
  return {
    mode: 'rail',
    id: `${code}00@${date}`,
    trainNo: `${code}00`,
    code,
    type: (/^[GDCZTKSYL]/.test(code) ? code[0] : 'number') as TrainType,
    date,
    from: { telecode: from },
    to: { telecode: to },
    origin: { telecode: from },
    terminus: { telecode: to },
    depart: d,
    arrive: a,
    durationMin: (a - d) / 60000,
    arriveDayOffset: arriveDay,
    seats,
    status: 'on-sale',
    buttonText: '预订',
    hasSeats: seats.some((s) => s.availability.kind === 'plenty' || (s.availability.kind === 'count' && s.availability.n > 0)),
    ...rest,
  };
}

export function fare(price: number, extra: Partial<Fare> = {}): Fare {
  return { cabinClass: 'economy', price, ...extra };
}

export function flight(
  flightNo: string,
  from: string,
  to: string,
  depart: string,
  arrive: string,
  fares: Fare[],
  extra: Partial<AirOption> & { arriveDay?: number } = {},
): AirOption {
  const { arriveDay = 0, ...rest } = extra;
  const date = rest.date ?? DATE;
  const d = at(depart, 0, date);
  const a = at(arrive, arriveDay, date);
  const lowest = [...fares].sort((x, y) => x.price - y.price)[0];
  const o: AirOption = {
    mode: 'air',
    id: `${flightNo}@${date}`,
    flightNo,
    airline: flightNo.slice(0, 2),
    date,
    from: { code: from },
    to: { code: to },
    depart: d,
    arrive: a,
    durationMin: (a - d) / 60000,
    arriveDayOffset: arriveDay,
    stops: 0,
    transfer: false,
    fares,
    source: 'fliggy',
    ...rest,
  };
  if (lowest) o.lowest = lowest;
  return o;
}

/** A fare condition as a decoder would set it (kinds and the source's words). */
export function cond(kinds: FareConditionKind[], zh: string, en: string): FareCondition {
  return { kinds, text: { zh, en } };
}

export const YOUTH = cond(['youth'], '限16-25周岁', 'ages 16–25 only');
export const MEMBER = cond(['member'], '会员价', 'member price');
export const FIRST = cond(['premium-cabin'], '头等舱', 'first class');

/** The decoded results compare() takes, for one day of hand-made options. */
export const railResult = (trains: RailOption[], date = DATE): LeftTicketResult => ({ format: 'pipe', fieldCounts: [57], date, stationNames: {}, trains });
export const airResult = (flights: AirOption[], date = DATE): FlightSearchResult => ({ source: 'fliggy', date, airports: {}, airlines: {}, flights });
