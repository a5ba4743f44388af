// The Fliggy overlay, loaded by index.ts once the flight list exists: the same-day trains
// (cheapest, fastest, seats left per class) and the verdict in a panel above the flight list.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Overlay, OverlayPrefs } from '../../components/overlay/lazy';
import type { Capture } from '../../lib/capture/schema';
import { send } from '../../lib/messages/capture';
import { findFlightItem, panelAnchor, readFlightRows, readSearchFromUrl, SELECTORS } from '../../lib/sites/fliggy-page';
import { focusFromUrl } from '../../lib/sites/focus';
import { ringRow } from '../../components/overlay/focus-ring';
import { domReady, isOwnMutation, mountPanel, onCapturesChanged } from '../../components/overlay/host';
import { idleTurn, whenIdle } from '../../components/overlay/idle';
import { placeSlot } from '../../components/overlay/slot';
import { startOverlayLanguage } from '../../components/overlay/language';

export async function startFliggyOverlay(
  ctx: ContentScriptContext,
  prefsAsked: OverlayPrefs,
  page: { submit: (capture: Capture) => void; dataSeen: () => boolean; slot: () => HTMLElement | undefined },
): Promise<Overlay | undefined> {
  // The panel's words, asked for while the page settles (the catalog may come from the worker).
  const words = prefsAsked.then((p) => startOverlayLanguage(p.language)).catch(() => undefined);
  await domReady();
  const place = panelAnchor(document);
  if (!place) return undefined;
  // Settings come through the background: extension storage is closed to content scripts.
  const prefs = await prefsAsked;
  // The slot reserved when the list appeared, or one placed now: the panel's height is fixed
  // before its data comes, so the flight list never moves under the user's pointer.
  const slot = page.slot() ?? placeSlot(place.anchor, prefs.collapsed, place.append);
  await words;
  const panel = await mountPanel(ctx, { site: 'fliggy', anchor: place.anchor, append: place.append, slot, collapsed: prefs.collapsed, onRetry: () => void refresh() });
  let refreshing = 0;
  let lastRows = '';

  async function refresh() {
    const { date, depCity, arrCity } = readSearchFromUrl(location.href);
    if (!date || !depCity || !arrCity) {
      panel.update({ kind: 'no-route' });
      return;
    }
    const mine = ++refreshing;
    try {
      const view = await send('overlay.view', { show: 'rail', date, from: { cityCode: depCity }, to: { cityCode: arrCity } });
      // Checked (zod) in this task; drawn in the next, so neither makes a long task on the page.
      await idleTurn();
      if (mine === refreshing) panel.update({ kind: 'view', view });
    } catch (e) {
      if (mine === refreshing) panel.update({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  // Trains captured in another tab (a 12306 search) show up here without a reload.
  const unwatch = onCapturesChanged(() => void refresh());
  ctx.onInvalidated(unwatch);
  void refresh();
  watchRenderedList();
  // Opened from a RailAir link naming a flight: show the user that flight.
  const focus = focusFromUrl(location.href);
  if (focus) {
    const list = () => document.querySelector(SELECTORS.list);
    ctx.onInvalidated(ringRow(document, { code: focus, list, find: () => findFlightItem(list() ?? document, focus) }, panel.css()));
  }
  return { refresh };

  /**
   * When the page renders flights but no JSONP reached us (the page may render on the server,
   * or load its data another way), read the rendered rows instead — once the list is quiet, and
   * in idle time.
   */
  function watchRenderedList() {
    const list = document.querySelector(SELECTORS.list);
    if (!list) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () =>
      whenIdle(() => {
        if (page.dataSeen()) return;
        const rows = readFlightRows(list, readSearchFromUrl(location.href)).slice(0, 500);
        const body = JSON.stringify(rows);
        if (rows.length === 0 || body === lastRows) return;
        lastRows = body;
        page.submit({ v: 1, kind: 'fliggy-dom', url: location.href, status: 200, body, at: Date.now() });
      }, 200);
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
}
