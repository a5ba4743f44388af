// A watch whose wanted class shows only 候补: which train and class, and the way to join 12306's
// waiting list (its search for that day with the train named, as the popup's 候补 link does).
import type { Lang } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import type { RailWatch, Sighting } from '../../lib/watch/model';
import { sightingUrl } from '../../lib/watch/notify';
import { waitlistText } from './status-text';

export function WaitlistLine({ lang, watch, s }: { lang: Lang; watch: RailWatch; s: Sighting }) {
  return (
    <div class="ra-w-seats" data-testid="watch-waitlist">
      {waitlistText(lang, s, watch)}{' '}
      <a href={sightingUrl(watch, s)} target="_blank" rel="noreferrer" data-testid="watch-waitlist-link">
        {t('watch_join_waitlist')}
      </a>
    </div>
  );
}
