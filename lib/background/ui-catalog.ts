// Hands an overlay the UI catalog of its language (see lib/i18n/catalog.ts for why it may need one).
import { on as onMessage } from '../messages/capture';
import { fetchCatalog } from '../i18n/load';

export function registerUiCatalogHandler(): void {
  onMessage('ui.catalog', ({ lang }) => fetchCatalog(lang));
}
