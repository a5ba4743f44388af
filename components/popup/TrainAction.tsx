// The end of a train's row in the popup: 预订 only when seats can be bought, the waiting list as
// its own state with the way to join it, otherwise what stands in the way (sold out, not on sale
// yet, 12306's refusal, gone). Links open 12306's search for the route and day with this train
// named (lib/sites/focus.ts), where the overlay scrolls to it and rings it.
import type { RailOption } from '../../lib/model';
import { buyState } from '../../lib/rail/buy-state';
import { t } from '../../lib/i18n/catalog';
import { withFocus } from '../../lib/sites/focus';

export function TrainAction({ train, buyUrl, now }: { train: RailOption; buyUrl: string; now: number }) {
  const s = buyState(train, now);
  const url = buyUrl ? withFocus(buyUrl, train.code) : '';
  const link = (text: string, testid: string) =>
    url ? (
      <a class="buy" href={url} target="_blank" rel="noopener" data-testid={testid}>
        {text}
      </a>
    ) : null;
  switch (s.kind) {
    case 'bookable':
      return link(t('train_buy'), 'buy');
    case 'waitlist':
      return (
        <span class="buy-state" data-state="waitlist">
          <span class="seat-waitlist-text">{t('train_waitlist_only')}</span> {link(t('train_waitlist_join'), 'waitlist-link')}
        </span>
      );
    case 'sold-out':
      return (
        <span class="status" data-state="sold-out">
          {t('train_sold_out')}
        </span>
      );
    case 'departed':
      return (
        <span class="status" data-state="departed">
          {t('train_departed')}
        </span>
      );
    case 'opens':
      return (
        <span class="status" data-state="opens">
          {s.at ? t('train_opens_at', s.at) : t('train_not_on_sale')}
        </span>
      );
    case 'unavailable':
      return (
        <span class="status" data-state="unavailable" title={s.text}>
          {s.status === 'suspended' ? t('train_suspended') : s.status === 'maintenance' ? t('train_maintenance') : t('train_unavailable')}
        </span>
      );
  }
}
