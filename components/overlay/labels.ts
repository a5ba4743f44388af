// Catalog keys of the overlays' recurring words (the texts are in public/_locales).
import type { Top } from '../../lib/compare/rank';
import type { MessageKey } from '../../lib/i18n/catalog';

/** Best within the list's own mode. */
export const BEST_LABELS: Record<Extract<Top, 'cheapest' | 'fastest'>, MessageKey> = {
  cheapest: 'overlay_cheapest',
  fastest: 'overlay_fastest',
};

/** The panel while the background reads captures and, when there are none, asks the live clients. */
export const LOOKING_UP: Record<'12306' | 'fliggy', MessageKey> = {
  '12306': 'overlay_lookingUpFlights',
  fliggy: 'overlay_lookingUpTrains',
};
