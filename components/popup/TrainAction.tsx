// The end of a train's row in the popup: 预订 only when seats can be bought, the waiting list as
// its own state with the way to join it, otherwise what stands in the way (sold out, not on sale
// yet, 12306's refusal, gone). Links open 12306's search for the route and day with this train
// named (lib/sites/focus.ts), where the overlay scrolls to it and rings it.
import type { RailOption, SaleStatus } from '../../lib/model';
import { buyState } from '../../lib/rail/buy-state';
import { t, uiLang, type MessageKey } from '../../lib/i18n/catalog';
import { withFocus } from '../../lib/sites/focus';

const STATUS_WORDS: Record<Exclude<SaleStatus, 'on-sale'>, MessageKey> = {
  'not-yet': 'popup_train_not_yet',
  suspended: 'popup_train_suspended',
  maintenance: 'popup_train_maintenance',
  'not-bookable': 'popup_train_not_bookable',
  unknown: 'popup_train_unknown',
};

export function TrainAction({ train, buyUrl, now }: { train: RailOption; buyUrl: string; now: number }) {
  const s = buyState(train, now);
  const url = buyUrl ? withFocus(buyUrl, train.code) : '';
  const link = (text: string, testid: string) =>
    url ? (
      <a class="buy" href={url} target="_blank" rel="noopener" data-testid={testid}>
        {text}
      </a>
    ) : null;
  const state = (kind: string, text: string, title?: string) => (
    <span class="status" data-state={kind} title={title}>
      {text}
    </span>
  );
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
      return state('sold-out', t('train_sold_out'));
    case 'departed':
      return state('departed', t('popup_departed'));
    case 'opens':
      return state('opens', s.at ? t('popup_train_sale_opens', s.at) : t('popup_train_not_yet'));
    case 'unavailable':
      // 12306's own words for Chinese readers (they know them), ours for the rest.
      return state('unavailable', uiLang() === 'zh-CN' && s.text ? s.text : t(STATUS_WORDS[s.status === 'on-sale' ? 'unknown' : s.status]));
  }
}
