// 12306 search page, isolated world: receives the tap's captures (validated), sends them to the
// background with the page's route, and shows the same-day flights and the verdict in a panel
// under the result bar, with notes and bells on the train rows.
import '../../components/overlay/overlay.css';
import { listenForCaptures } from '../../lib/capture/receive';
import { SITE_KINDS } from '../../lib/capture/urls';
import type { Capture } from '../../lib/capture/schema';
import { sendMessage } from '../../lib/messaging';
import {
  mergeSearch,
  readPageSearch,
  readSearchFromQueryUrl,
  SEARCH_PAGE_MATCHES,
  SELECTORS,
  type RailSearch,
} from '../../lib/sites/12306-page';
import { domReady, mountPanel, onCapturesChanged, overlayPrefs, type PanelHandle } from '../../components/overlay/host';
import { annotateRows, type RowAnnotator } from './rows';

export default defineContentScript({
  matches: SEARCH_PAGE_MATCHES,
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  async main(ctx) {
    /** The route of the last query the page made (what its table shows). */
    let queried: RailSearch = {};
    let panel: PanelHandle | undefined;
    let rows: RowAnnotator | undefined;
    let refreshing = 0;

    const pageSearch = () => readPageSearch(document, location.href, document.cookie);

    async function refresh() {
      if (!panel) return;
      const route = mergeSearch(queried, pageSearch());
      const { date, from, to } = route;
      if (!date || !from || !to || !(from.name || from.telecode) || !(to.name || to.telecode)) {
        panel.update({ kind: 'no-route' });
        return;
      }
      const mine = ++refreshing;
      try {
        const view = await sendMessage('overlay.view', { show: 'air', date, from, to });
        if (mine !== refreshing) return;
        panel.update({ kind: 'view', view });
        rows?.set({
          beats: view.beats,
          css: panel.css(),
          ...(from.telecode && to.telecode ? { route: { date, from: { ...from, telecode: from.telecode }, to: { ...to, telecode: to.telecode } } } : {}),
        });
      } catch (e) {
        if (mine === refreshing) panel.update({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    }

    async function submit(capture: Capture) {
      const page = { url: location.href, rail: pageSearch() };
      if (capture.kind === 'left-ticket') queried = mergeSearch(readSearchFromQueryUrl(capture.url), page.rail);
      try {
        const res = await sendMessage('capture.submit', { capture, page });
        if (res.outcome === 'stored' || res.outcome === 'rejected') void refresh();
      } catch (e) {
        console.debug('[RailAir] capture not delivered', e);
      }
    }

    const stopListening = listenForCaptures(document, (c) => void submit(c), (why) => console.debug('[RailAir] ignored capture:', why), SITE_KINDS['12306']);
    ctx.onInvalidated(stopListening);

    await domReady();
    const anchor = document.querySelector(SELECTORS.resultBar) ?? document.querySelector(SELECTORS.resultList);
    if (!anchor) return; // not a results page we know: stay invisible
    // Settings come through the background: extension storage is closed to content scripts.
    const prefs = await overlayPrefs('12306');
    panel = await mountPanel(ctx, { site: '12306', anchor, append: 'after', lang: prefs.language, collapsed: prefs.collapsed });
    rows = annotateRows(document);
    ctx.onInvalidated(() => rows?.stop());
    // Flights captured in another tab (a Fliggy search) show up here without a reload.
    const unwatch = onCapturesChanged(() => void refresh());
    ctx.onInvalidated(unwatch);
    void refresh();
  },
});
