// One seat class of a train: name, seats left and price, coloured plenty / few / none.
import type { Lang } from '../../lib/i18n';
import { formatYuan } from '../../lib/i18n';
import type { Seat } from '../../lib/model';
import { availabilityText, seatLevel } from './format';

export function SeatChip({ seat, lang }: { seat: Seat; lang: Lang }) {
  const level = seatLevel(seat.availability);
  const name = lang === 'en' ? seat.nameEn : seat.name;
  const left = availabilityText(seat.availability, lang);
  return (
    <span class={`seat seat-${level}`} data-cls={seat.cls} title={`${seat.name} ${seat.nameEn}`}>
      <span class="seat-name">{name}</span> <span class="seat-left">{left}</span>
      {seat.price !== undefined && <span class="seat-price"> {formatYuan(seat.price)}</span>}
    </span>
  );
}
