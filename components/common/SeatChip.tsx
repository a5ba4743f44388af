// One seat class of a train: name, seats left and price, coloured plenty / few / none; 候补 (only
// the waiting list open) is its own state, and a class not on sale yet says when it opens.
import type { Lang } from '../../lib/i18n';
import { formatYuan, pick } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import type { Seat } from '../../lib/model';
import { availabilityText, seatLevel } from './format';

export function SeatChip({ seat, lang, saleOpens }: { seat: Seat; lang: Lang; saleOpens?: string | undefined }) {
  const a = seat.availability;
  // Waitlist is not "sold out": it can still be booked, only not bought now.
  const level = a.kind === 'waitlist' ? 'waitlist' : seatLevel(a);
  const name = pick(lang, { zh: seat.name, en: seat.nameEn });
  // "12:30 开售" instead of a seat count the row cannot have yet.
  const left = a.kind === 'not-on-sale' && saleOpens ? t('common_seat_sale_opens', saleOpens) : availabilityText(a);
  return (
    <span class={`seat seat-${level}`} data-cls={seat.cls} title={name}>
      <span class="seat-name">{name}</span> <span class="seat-left">{left}</span>
      {seat.price !== undefined && <span class="seat-price"> {formatYuan(seat.price)}</span>}
    </span>
  );
}
