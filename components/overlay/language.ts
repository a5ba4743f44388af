// The overlay's words in the language the worker resolved (overlay.prefs): chrome.i18n when the
// browser picked that catalog, else the catalog the worker sends.
import type { Lang } from '../../lib/i18n';
import { useLanguage } from '../../lib/i18n/catalog';
import { send } from '../../lib/messages/capture';

export function startOverlayLanguage(lang: Lang): Promise<void> {
  return useLanguage(lang, (l) => send('ui.catalog', { lang: l }));
}
