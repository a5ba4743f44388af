// Fliggy flight search page, isolated world. Starts at document_start but stays light there: it
// only forwards the tap's captures, each with the page's search (its route), to the background.
// The overlay's UI (entrypoints/fliggy.content/ui.tsx, built as entrypoints/overlay-fliggy.ts) is loaded once the page's flight list has
// rows (or a capture came back, or the page has been loaded a while), in idle time.
import type { Capture } from '../../lib/capture/schema';
import { send } from '../../lib/messages/capture';
import { takeCaptures } from '../../components/overlay/capture-intake';
import { panelAnchor, readSearchFromUrl, SEARCH_PAGE_MATCHES, SELECTORS } from '../../lib/sites/fliggy-page';
import { loadOverlay, startWhenShown, type Overlay } from '../../components/overlay/lazy';
import { overlayPrefs } from '../../components/overlay/prefs';
import { slotReserver } from '../../components/overlay/slot';
import { shareBrowser } from '../../lib/browser/share';

export default defineContentScript({
  matches: SEARCH_PAGE_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    // Before any overlay can be asked for: its UI script uses this world's browser object.
    shareBrowser();
    let overlay: () => Promise<Overlay | undefined> | undefined = () => undefined;
    /** Set once the page's JSONP (or a TOP answer) was stored: then the rendered list is not read. */
    let dataSeen = false;
    let answered = () => {};
    const firstAnswer = new Promise<void>((r) => (answered = r));

    async function submit(capture: Capture) {
      // What was actually queried (the JSONP's URL) wins over the page's address; derived once, here.
      const air = { ...readSearchFromUrl(location.href), ...readSearchFromUrl(capture.url) };
      try {
        const res = await send('capture.submit', { capture, route: { air } });
        if (res.ok && res.filed === 'result' && capture.kind !== 'fliggy-dom') dataSeen = true;
        if (!res.ok || res.filed === 'result') {
          answered();
          void overlay()?.then((o) => o?.refresh());
        }
      } catch (e) {
        console.debug('[RailAir] capture not delivered', e);
      }
    }

    // Asked now, while the page is still loading (a small message), so the panel need not wait for it later.
    const prefs = overlayPrefs('fliggy');
    // The panel's place, fixed before the flight list is painted (components/overlay/slot.ts).
    const slot = slotReserver(prefs, () => {
      const place = panelAnchor(document);
      return place && hasRows() ? { anchor: place.anchor, where: place.append } : undefined;
    });

    const stopListening = takeCaptures('fliggy', (c) => void submit(c));
    ctx.onInvalidated(stopListening);

    function hasRows() {
      return document.querySelector(`${SELECTORS.list} ${SELECTORS.item}`) !== null;
    }
    overlay = startWhenShown(
      ctx,
      hasRows,
      firstAnswer,
      () => loadOverlay('fliggy').then((start) => start(ctx, prefs, { submit: (c) => void submit(c), dataSeen: () => dataSeen, slot: slot.slot })),
      slot.reserve,
    );
  },
});
