// 12306 search page, isolated world. Starts at document_start but stays light there: it only
// forwards the tap's captures, each with its route (derived here, once), to the background. The
// overlay's UI (entrypoints/12306.content/ui.tsx, built as entrypoints/overlay-12306.ts) is loaded once the page's own result rows exist
// (or a capture came back, or the page has been loaded a while), in idle time, so the page renders first.
import type { Capture } from '../../lib/capture/schema';
import { send } from '../../lib/messages/capture';
import { takeCaptures } from '../../components/overlay/capture-intake';
import { mergeSearch, readPageSearch, readSearchFromQueryUrl, SEARCH_PAGE_MATCHES, SELECTORS, type RailSearch } from '../../lib/sites/12306-page';
import { loadOverlay, startWhenShown, type Overlay } from '../../components/overlay/lazy';
import { overlayPrefs } from '../../components/overlay/prefs';
import { slotReserver } from '../../components/overlay/slot';
import { shareBrowser } from '../../lib/browser/share';
import { answerRelays } from './relay';

export default defineContentScript({
  matches: SEARCH_PAGE_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    // Before any overlay can be asked for: its UI script uses this world's browser object.
    shareBrowser();
    /** The route of the last query the page made (what its table shows). */
    let queried: RailSearch = {};
    let overlay: () => Promise<Overlay | undefined> | undefined = () => undefined;
    let answered = () => {};
    const firstAnswer = new Promise<void>((r) => (answered = r));

    const pageSearch = () => readPageSearch(document, location.href, () => document.cookie);

    async function submit(capture: Capture) {
      // What was actually queried wins; the page's form, cookies and URL fill the gaps (names, a date).
      const rail = capture.kind === 'left-ticket' ? mergeSearch(readSearchFromQueryUrl(capture.url), pageSearch()) : undefined;
      if (rail) queried = rail;
      try {
        const res = await send('capture.submit', { capture, route: rail ? { rail } : {} });
        if (!res.ok || res.filed === 'result') {
          answered();
          void overlay()?.then((o) => o?.refresh());
        }
      } catch (e) {
        console.debug('[RailAir] capture not delivered', e);
      }
    }

    // Asked now, while the page is still loading (a small message), so the panel need not wait for it later.
    const prefs = overlayPrefs('12306');
    // The panel's place, fixed before the rows are painted, on a page with a search to show (rows,
    // or a capture came back): components/overlay/slot.ts.
    const slot = slotReserver(prefs, () => {
      const anchor = document.querySelector(SELECTORS.resultBar);
      return anchor && (hasRows() || queried.date) ? { anchor, where: 'after' } : undefined;
    });

    const stopListening = takeCaptures('12306', (c) => void submit(c));
    ctx.onInvalidated(stopListening);
    // The worker may ask this tab to run a query 12306 turned the worker away from.
    ctx.onInvalidated(answerRelays());

    function hasRows() {
      return document.querySelector(`${SELECTORS.resultBody} ${SELECTORS.trainRow}`) !== null;
    }
    overlay = startWhenShown(
      ctx,
      hasRows,
      firstAnswer,
      () => loadOverlay('12306').then((start) => start(ctx, prefs, () => mergeSearch(queried, pageSearch()), slot.slot)),
      slot.reserve,
    );
  },
});
