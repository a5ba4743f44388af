// The price a traveller can actually pay for one option: the cheapest class that can be bought
// now. A train ticket's price is all-in; a flight fare may or may not include the airport
// construction fee and fuel surcharge, so we add them when the source gives them and say which.
import type { AirOption, Fen, RailOption, Seat } from '../model';
import { formatYuan, tr, type Lang } from '../i18n';

export interface OptionPrice {
  price?: Fen;
  priceIncludesTaxes: boolean;
  /** Nothing can be bought now (sold out, not on sale yet, train cancelled). */
  soldOut: boolean;
  note?: { zh: string; en: string };
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

export function railPrice(o: RailOption): OptionPrice {
  const cancelled = o.status === 'suspended';
  const buyable = cancelled ? [] : o.seats.filter(isBuyable);
  const priced = minBy(
    buyable.filter((s) => s.price !== undefined),
    (s) => s.price!,
  );
  if (priced) return { price: priced.price, priceIncludesTaxes: true, soldOut: false, note: seatNote(priced) };
  if (buyable.length > 0) {
    return {
      priceIncludesTaxes: true,
      soldOut: false,
      note: { zh: '有票，票价未列出', en: 'seats left, fare not listed' },
    };
  }
  const listed = minBy(
    o.seats.filter((s) => s.price !== undefined),
    (s) => s.price!,
  );
  const from = listed ? { zh: `（最低票价 ${formatYuan(listed.price!)}）`, en: ` (fares from ${formatYuan(listed.price!)})` } : { zh: '', en: '' };
  if (cancelled) return { priceIncludesTaxes: true, soldOut: true, note: { zh: `列车停运${from.zh}`, en: `train cancelled${from.en}` } };
  if (o.status === 'not-yet' || o.seats.some((s) => s.availability.kind === 'not-on-sale')) {
    const at = o.saleTime ? `${o.saleTime.slice(0, 2)}:${o.saleTime.slice(2)}` : undefined;
    return {
      priceIncludesTaxes: true,
      soldOut: true,
      note: {
        zh: `未开售${at ? `，${at} 起售` : ''}${from.zh}`,
        en: `not on sale yet${at ? `, opens ${at}` : ''}${from.en}`,
      },
    };
  }
  const waitlist = o.seats.some((s) => s.availability.kind === 'waitlist');
  return {
    priceIncludesTaxes: true,
    soldOut: true,
    note: waitlist
      ? { zh: `无票，可候补${from.zh}`, en: `sold out, waiting list open${from.en}` }
      : { zh: `无票${from.zh}`, en: `sold out${from.en}` },
  };
}

function seatNote(s: Seat): { zh: string; en: string } {
  return { zh: s.name, en: s.nameEn };
}

export function airPrice(o: AirOption): OptionPrice {
  const open = o.fares.filter((f) => f.seatsLeft !== 0);
  const best = minBy(open, (f) => f.total ?? (f.taxes !== undefined ? f.price + f.taxes : f.price));
  if (!best) {
    return {
      priceIncludesTaxes: false,
      soldOut: true,
      note: { zh: o.fares.length ? '舱位已售完' : '无可售票价', en: o.fares.length ? 'fares sold out' : 'no fare on sale' },
    };
  }
  if (best.taxes !== undefined || best.total !== undefined) {
    const taxes = best.taxes ?? best.total! - best.price;
    return {
      price: best.total ?? best.price + taxes,
      priceIncludesTaxes: true,
      soldOut: false,
      note: {
        zh: `票价 ${formatYuan(best.price)} + 税费 ${formatYuan(taxes)}`,
        en: `fare ${formatYuan(best.price)} + ${formatYuan(taxes)} taxes & fees`,
      },
    };
  }
  return {
    price: best.price,
    priceIncludesTaxes: false,
    soldOut: false,
    note: { zh: '未含机建燃油', en: 'excl. airport fee & fuel surcharge' },
  };
}

export function optionPrice(o: RailOption | AirOption): OptionPrice {
  return o.mode === 'rail' ? railPrice(o) : airPrice(o);
}

export function noteIn(lang: Lang, note: { zh: string; en: string } | undefined): string | undefined {
  return note ? tr(lang, note.zh, note.en) : undefined;
}
