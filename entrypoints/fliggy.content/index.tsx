// Fliggy flight search page, isolated world: receives the tap's captures (validated), sends them
// to the background with the page's search, and shows the same-day trains (cheapest, fastest,
// seats left per class) and the verdict in a panel above the flight list.
import '../../components/overlay/overlay.css';
import { listenForCaptures } from '../../lib/capture/receive';
import { SITE_KINDS } from '../../lib/capture/urls';
import type { Capture } from '../../lib/capture/schema';
import { sendMessage } from '../../lib/messaging';
import { panelAnchor, readFlightRows, readSearchFromUrl, SEARCH_PAGE_MATCHES, SELECTORS } from '../../lib/sites/fliggy-page';
import { domReady, isOwnMutation, mountPanel, onCapturesChanged, overlayPrefs, type PanelHandle } from '../../components/overlay/host';

export default defineContentScript({
  matches: SEARCH_PAGE_MATCHES,
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  async main(ctx) {
    let panel: PanelHandle | undefined;
    let refreshing = 0;
    /** Set once the page's JSONP (or a TOP answer) was stored: then the rendered list is not read. */
    let dataSeen = false;
    let lastRows = '';

    async function refresh() {
      if (!panel) return;
      const { date, depCity, arrCity } = readSearchFromUrl(location.href);
      if (!date || !depCity || !arrCity) {
        panel.update({ kind: 'no-route' });
        return;
      }
      const mine = ++refreshing;
      try {
        const view = await sendMessage('overlay.view', { show: 'rail', date, from: { cityCode: depCity }, to: { cityCode: arrCity } });
        if (mine === refreshing) panel.update({ kind: 'view', view });
      } catch (e) {
        if (mine === refreshing) panel.update({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    }

    async function submit(capture: Capture) {
      const page = { url: location.href, air: readSearchFromUrl(location.href) };
      try {
        const res = await sendMessage('capture.submit', { capture, page });
        if (res.outcome === 'stored' && capture.kind !== 'fliggy-dom') dataSeen = true;
        if (res.outcome === 'stored' || res.outcome === 'rejected') void refresh();
      } catch (e) {
        console.debug('[RailAir] capture not delivered', e);
      }
    }

    const stopListening = listenForCaptures(document, (c) => void submit(c), (why) => console.debug('[RailAir] ignored capture:', why), SITE_KINDS['fliggy']);
    ctx.onInvalidated(stopListening);

    await domReady();
    const place = panelAnchor(document);
    if (!place) return;
    // Settings come through the background: extension storage is closed to content scripts.
    const prefs = await overlayPrefs('fliggy');
    panel = await mountPanel(ctx, { site: 'fliggy', anchor: place.anchor, append: place.append, lang: prefs.language, collapsed: prefs.collapsed });
    // Trains captured in another tab (a 12306 search) show up here without a reload.
    const unwatch = onCapturesChanged(() => void refresh());
    ctx.onInvalidated(unwatch);
    void refresh();
    watchRenderedList();

    /**
     * When the page renders flights but no JSONP reached us (the page may render on the server,
     * or load its data another way), read the rendered rows instead — once the list is quiet.
     */
    function watchRenderedList() {
      const list = document.querySelector(SELECTORS.list);
      if (!list) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const read = () => {
        if (dataSeen) return;
        const rows = readFlightRows(list, readSearchFromUrl(location.href)).slice(0, 500);
        const body = JSON.stringify(rows);
        if (rows.length === 0 || body === lastRows) return;
        lastRows = body;
        void submit({ v: 1, kind: 'fliggy-dom', url: location.href, status: 200, body, at: Date.now() });
      };
      const observer = new MutationObserver((records) => {
        if (records.every(isOwnMutation)) return;
        clearTimeout(timer);
        timer = setTimeout(read, 1500);
      });
      observer.observe(list, { childList: true, subtree: true });
      timer = setTimeout(read, 1500);
      ctx.onInvalidated(() => {
        observer.disconnect();
        clearTimeout(timer);
      });
    }
  },
});
