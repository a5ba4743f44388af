// The price a traveller can actually pay for one option: the cheapest class that can be bought
// now. A train ticket's price is all-in; a flight fare may or may not include the airport
// construction fee and fuel surcharge, so we add them when the source gives them and say which.
// Classes where only the waiting list is open, and fares sold only to some travellers, are kept
// apart: they are shown, never compared.
import type { AirOption, CabinClass, Fare, FareCondition, Fen, RailOption, Seat, SeatClassId } from '../model';
import { formatYuan, pick, type Bilingual, type Lang } from '../i18n';
import { fareAmount, fareIncludesTaxes, qualifies, type Qualifications } from './fare-conditions';
import { STUDENT_FARE_NOTE } from './student-note';

/** The class a compared price is for: a seat class (ze) or a cabin (economy). */
export interface PriceClass {
  id: SeatClassId | CabinClass;
  zh: string;
  en: string;
}

/** A fare this traveller is not known to qualify for: shown with its condition, never compared. */
export interface ConditionalFare {
  price: Fen;
  priceIncludesTaxes: boolean;
  condition: FareCondition;
}

/** A class where only 候补 (the waiting list) is open. */
export interface WaitlistClass {
  cls: SeatClassId;
  name: string;
  nameEn: string;
  price?: Fen;
}

export interface OptionPrice {
  price?: Fen;
  priceIncludesTaxes: boolean;
  /** Nothing can be bought now (sold out, not on sale yet, train cancelled). */
  soldOut: boolean;
  note?: Bilingual;
  /** The class the price is for. */
  cls?: PriceClass;
  /** Set when the price is a conditional fare the traveller said fits them. */
  condition?: FareCondition;
  /** Fares open only to others, cheapest first. */
  conditional?: ConditionalFare[];
  /** True when fares are on sale but every one of them is conditional: no ordinary price. */
  conditionalOnly?: boolean;
  /** Waitlist-only classes (in the class filter), cheapest first. */
  waitlist?: WaitlistClass[];
  /** 12306 has not opened the sale yet; "HH:mm" when the row says when. */
  notOnSale?: { at?: string };
}

export function isBuyable(seat: Seat): boolean {
  const a = seat.availability;
  return (a.kind === 'count' && a.n > 0) || a.kind === 'plenty';
}

function minBy<T>(items: T[], key: (t: T) => number): T | undefined {
  let best: T | undefined;
  for (const it of items) if (best === undefined || key(it) < key(best)) best = it;
  return best;
}

const byPrice = (a: { price?: Fen }, b: { price?: Fen }) => (a.price ?? Infinity) - (b.price ?? Infinity);

/** "12:30" from 12306's "1230", when well formed. */
function saleAt(o: RailOption): string | undefined {
  return o.saleTime && /^\d{4}$/.test(o.saleTime) ? `${o.saleTime.slice(0, 2)}:${o.saleTime.slice(2)}` : undefined;
}

const clsOf = (s: Seat): PriceClass => ({ id: s.cls, zh: s.name, en: s.nameEn });

/**
 * The train's price in one class ('any' = its cheapest buyable class), or why it has none.
 * One pass over the seats: this runs for every train of every comparison.
 */
export function railPrice(o: RailOption, cls: SeatClassId | 'any' = 'any'): OptionPrice {
  const cancelled = o.status === 'suspended';
  let priced: Seat | undefined; // cheapest buyable with a price
  let firstBuyable: Seat | undefined;
  let listed: Fen | undefined; // cheapest price listed, buyable or not
  let waitlist: WaitlistClass[] | undefined;
  let notOnSaleCell = false;
  for (const s of o.seats) {
    if (cls !== 'any' && s.cls !== cls) continue;
    if (s.price !== undefined && (listed === undefined || s.price < listed)) listed = s.price;
    const kind = s.availability.kind;
    if (kind === 'not-on-sale') notOnSaleCell = true;
    if (cancelled) continue;
    if (kind === 'waitlist') {
      (waitlist ??= []).push({ cls: s.cls, name: s.name, nameEn: s.nameEn, ...(s.price !== undefined ? { price: s.price } : {}) });
    } else if (isBuyable(s)) {
      firstBuyable ??= s;
      if (s.price !== undefined && (priced === undefined || s.price < priced.price!)) priced = s;
    }
  }
  const extra = waitlist ? { waitlist: waitlist.sort(byPrice) } : {};
  if (priced) return { price: priced.price, priceIncludesTaxes: true, soldOut: false, note: { zh: priced.name, en: priced.nameEn }, cls: clsOf(priced), ...extra };
  if (firstBuyable) {
    return { priceIncludesTaxes: true, soldOut: false, note: { zh: '有票，票价未列出', en: 'seats left, fare not listed' }, cls: clsOf(firstBuyable), ...extra };
  }
  const from = listed !== undefined ? { zh: `（最低票价 ${formatYuan(listed)}）`, en: ` (fares from ${formatYuan(listed)})` } : { zh: '', en: '' };
  if (cancelled) return { priceIncludesTaxes: true, soldOut: true, note: { zh: `列车停运${from.zh}`, en: `train cancelled${from.en}` } };
  if (o.status === 'not-yet' || notOnSaleCell) {
    const at = saleAt(o);
    return {
      priceIncludesTaxes: true,
      soldOut: true,
      notOnSale: at ? { at } : {},
      note: at ? { zh: `${at} 开售${from.zh}`, en: `on sale at ${at}${from.en}` } : { zh: `未开售${from.zh}`, en: `not on sale yet${from.en}` },
      ...extra,
    };
  }
  return {
    priceIncludesTaxes: true,
    soldOut: true,
    note: waitlist ? { zh: `无票，可候补${from.zh}`, en: `sold out, waiting list open${from.en}` } : { zh: `无票${from.zh}`, en: `sold out${from.en}` },
    ...extra,
  };
}

const CABIN_NAMES: Record<CabinClass, Bilingual | undefined> = {
  economy: { zh: '经济舱', en: 'economy' },
  business: { zh: '公务舱', en: 'business' },
  first: { zh: '头等舱', en: 'first class' },
  unknown: undefined,
};

function cabinOf(f: Fare): PriceClass | undefined {
  const n = CABIN_NAMES[f.cabinClass];
  return n ? { id: f.cabinClass, ...n } : undefined;
}

function conditionalOf(f: Fare): ConditionalFare {
  return { price: fareAmount(f), priceIncludesTaxes: fareIncludesTaxes(f), condition: f.condition! };
}

/** The flight's cheapest taxes-in fare an ordinary adult (or this traveller) may buy now. */
export function airPrice(o: AirOption, q: Qualifications = {}): OptionPrice {
  const open = o.fares.filter((f) => f.seatsLeft !== 0);
  const mine = open.filter((f) => qualifies(f.condition, q));
  const others = open.filter((f) => !qualifies(f.condition, q)).map(conditionalOf).sort(byPrice);
  const extra = others.length ? { conditional: others } : {};
  const best = minBy(mine, fareAmount);
  if (!best) {
    if (others.length) {
      const c = others[0]!;
      return {
        priceIncludesTaxes: c.priceIncludesTaxes,
        soldOut: false,
        conditionalOnly: true,
        note: { zh: `仅有限制票价：${c.condition.text.zh} ${formatYuan(c.price)}`, en: `restricted fares only: ${c.condition.text.en} ${formatYuan(c.price)}` },
        ...extra,
      };
    }
    return {
      priceIncludesTaxes: false,
      soldOut: true,
      note: { zh: o.fares.length ? '舱位已售完' : '无可售票价', en: o.fares.length ? 'fares sold out' : 'no fare on sale' },
    };
  }
  const cls = cabinOf(best);
  const cond = best.condition ? { condition: best.condition } : {};
  const head = best.condition ? { zh: `${best.condition.text.zh}，`, en: `${best.condition.text.en}, ` } : { zh: '', en: '' };
  const base = { soldOut: false, ...(cls ? { cls } : {}), ...cond, ...extra };
  if (fareIncludesTaxes(best)) {
    const taxes = best.taxes ?? best.total! - best.price;
    return {
      price: fareAmount(best),
      priceIncludesTaxes: true,
      note: {
        zh: `${head.zh}票价 ${formatYuan(best.price)} + 税费 ${formatYuan(taxes)}`,
        en: `${head.en}fare ${formatYuan(best.price)} + ${formatYuan(taxes)} taxes & fees`,
      },
      ...base,
    };
  }
  return {
    price: best.price,
    priceIncludesTaxes: false,
    note: { zh: `${head.zh}未含机建燃油`, en: `${head.en}excl. airport fee & fuel surcharge` },
    ...base,
  };
}

export interface PriceOptions {
  /** Seat class to price trains in ('any' = cheapest buyable). */
  cls?: SeatClassId | 'any';
  qualifies?: Qualifications;
  /** Whom the trains' answer was for (LeftTicketResult.purpose): student prices get a caveat. */
  purpose?: 'adult' | 'student';
}

/** 12306 answers a student query (0X00) with prices it does not mark as student or adult. */
export { STUDENT_FARE_NOTE };

/** A train's price note, with the student caveat when the answer was for a student query. */
function forPurpose(p: OptionPrice, purpose: PriceOptions['purpose']): OptionPrice {
  if (purpose !== 'student') return p;
  const n = p.note;
  const note = n ? { zh: `${n.zh}，${STUDENT_FARE_NOTE.zh}`, en: `${n.en}; ${STUDENT_FARE_NOTE.en.toLowerCase()}` } : STUDENT_FARE_NOTE;
  return { ...p, note };
}

export function optionPrice(o: RailOption | AirOption, opts: PriceOptions = {}): OptionPrice {
  return o.mode === 'rail' ? forPurpose(railPrice(o, opts.cls), opts.purpose) : airPrice(o, opts.qualifies);
}

export function noteIn(lang: Lang, note: Bilingual | undefined): string | undefined {
  return note ? pick(lang, note) : undefined;
}
