// The fare of one Fliggy item in the 2026 layout (see shared/SITES.md and the public reader in
// xlqqqq/flight-price-watcher, flightwatch/fliggy_source.py): the adult fare is cabin.price, plus
// the item's oilPrice + buildPrice as one "taxes" figure (some answers put all of it in buildPrice,
// so the two are never named apart). The cabin says who may buy it: notices (限16-25周岁购买),
// cabinClass (2 = economy), priceType / sprodType (0 = ordinary), and the flags hasMemberPrice,
// vip, specialSale, fSpecialSale. Any of those makes the fare conditional.
import type { CabinClass, Fare } from '../../model';
import { type DecodeIssue, excerpt } from '../../result';
import { isObj, num, present, str, type Obj } from '../../loose';
import { conditionOf, noticeParts, part, premiumPart, type ConditionPart } from '../fare-condition';
import { normalizeDiscount, truthy, yuanToFen } from './common';

// Fliggy runs on the same Alitrip backend as TOP, whose scale is 0 first / 1 business / 2 economy;
// Fliggy's own cabin manager maps 2 to economy.
const CABIN_CLASSES: Record<number, CabinClass> = { 0: 'first', 1: 'business', 2: 'economy' };

const FLAGS = [
  ['hasMemberPrice', 'member'],
  ['vip', 'member'],
  ['specialSale', 'special'],
  ['fSpecialSale', 'special'],
] as const;

/** bestPrice alone: a price for someone, under conditions the answer does not state. */
const BEST_PRICE = { zh: '优惠价，条件未注明', en: 'discounted price, conditions not stated' };

export interface CabinRead {
  /** Item index in data.flight and its field path (flight[3]). */
  row: number;
  field: string;
  flightNo: string;
  /** Taxes of the item, fen (oilPrice + buildPrice), when given. */
  taxes?: number;
  issues: DecodeIssue[];
  /** Counts cabins with none of the restriction fields (an older or changed layout). */
  bare: { count: number };
}

/** oilPrice + buildPrice of an item, fen; undefined when neither is given or one is unreadable (an issue). */
export function readTaxes(v: Obj, field: string, row: number, flightNo: string, issues: DecodeIssue[]): number | undefined {
  let sum = 0;
  let any = false;
  for (const key of ['oilPrice', 'buildPrice'] as const) {
    if (!present(v[key])) continue;
    const yuan = num(v[key]);
    if (yuan === undefined || yuan < 0) {
      issues.push({ code: 'row-bad-price', row, field: `${field}.${key}`, message: `${flightNo}: unreadable ${key}, taxes unknown`, sample: excerpt(String(v[key]), 40) });
      return undefined;
    }
    sum += yuan;
    any = true;
  }
  return any ? yuanToFen(sum) : undefined;
}

/** The restriction fields' reasons; `known` is false when the cabin carries none of the fields. */
function restrictions(c: Obj, r: CabinRead): { parts: ConditionPart[]; known: boolean } {
  const parts: ConditionPart[] = [];
  let known = false;
  if (present(c.notices)) {
    known = true;
    for (const n of Array.isArray(c.notices) ? c.notices : [c.notices]) {
      const text = isObj(n) ? (str(n.text) ?? str(n.title) ?? str(n.content) ?? str(n.desc)) : str(n);
      if (text) parts.push(...noticeParts(text));
      else if (present(n)) {
        // A notice we cannot read is still a restriction: never assume an ordinary fare.
        r.issues.push({ code: 'unknown-field', row: r.row, field: `${r.field}.cabin.notices`, message: `${r.flightNo}: unreadable notice`, sample: excerpt(JSON.stringify(n), 60) });
        parts.push(part('special'));
      }
    }
  }
  for (const key of ['priceType', 'sprodType'] as const) {
    if (!present(c[key])) continue;
    known = true;
    const n = num(c[key]);
    if (n === undefined) {
      r.issues.push({ code: 'unknown-field', row: r.row, field: `${r.field}.cabin.${key}`, message: `${r.flightNo}: unknown ${key}`, sample: excerpt(String(c[key]), 40) });
    }
    if (n !== 0) parts.push(part('special'));
  }
  for (const [key, kind] of FLAGS) {
    if (c[key] === undefined) continue;
    known = true;
    if (truthy(c[key])) parts.push(part(kind));
  }
  return { parts, known };
}

/** The cabin's fare, or undefined (no cabin: listed without a fare; an unusable one: an issue). */
export function readCabin(cabin: unknown, r: CabinRead): Fare | undefined {
  if (!present(cabin)) return undefined;
  const field = `${r.field}.cabin`;
  if (!isObj(cabin)) {
    r.issues.push({ code: 'row-bad-field', row: r.row, field, message: `${r.flightNo}: cabin is not an object` });
    return undefined;
  }
  // bestPrice is a price for someone (members, a promotion…), never the ordinary fare: without
  // `price` the fare is kept as a conditional one, so it is shown but never compared as anyone's.
  const onlyBest = !present(cabin.price) && present(cabin.bestPrice);
  const raw = onlyBest ? cabin.bestPrice : cabin.price;
  const yuan = num(raw);
  if (yuan === undefined || yuan <= 0) {
    r.issues.push({
      code: 'row-bad-price',
      row: r.row,
      field: `${field}.${onlyBest ? 'bestPrice' : 'price'}`,
      message: present(raw) ? `${r.flightNo}: unusable price` : `${r.flightNo}: no price (ticketPrice is not what an adult pays)`,
      sample: excerpt(String(raw), 40),
    });
    return undefined;
  }
  const { parts, known } = restrictions(cabin, r);
  const clsNum = num(cabin.cabinClass);
  // No cabinClass says nothing about first or business: read as economy, but counted, so a
  // format change that drops the field shows in diagnostics.
  if (!known || clsNum === undefined) r.bare.count++;
  let cabinClass: CabinClass = 'unknown';
  if (clsNum !== undefined) {
    const cls = CABIN_CLASSES[clsNum];
    if (cls) cabinClass = cls;
    else r.issues.push({ code: 'unknown-field', row: r.row, field: `${field}.cabinClass`, message: `${r.flightNo}: unknown cabinClass ${clsNum}` });
    if (clsNum !== 2) parts.push(premiumPart(cabinClass));
  }
  if (onlyBest) parts.push(part('special', BEST_PRICE));
  const fare: Fare = { cabinClass, price: yuanToFen(yuan) };
  const code = str(cabin.cabin) ?? str(cabin.cabinCode);
  if (code && /^[A-Z]\d?$/.test(code)) fare.cabin = code;
  const d = num(cabin.discount);
  if (d !== undefined) {
    const n = normalizeDiscount(d);
    if (n !== undefined) fare.discount = n;
  }
  const seats = num(cabin.cabinNum) ?? num(cabin.seatNum);
  // 1–9 is a count, 0 is sold out at this fare; larger numbers mean "plenty" (no count).
  if (seats !== undefined && Number.isInteger(seats) && seats >= 0 && seats < 10) fare.seatsLeft = seats;
  if (r.taxes !== undefined) {
    fare.taxes = r.taxes;
    fare.total = fare.price + r.taxes;
  }
  const condition = conditionOf(parts);
  if (condition) fare.condition = condition;
  return fare;
}
