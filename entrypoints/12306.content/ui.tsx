// The 12306 overlay, loaded by index.ts once the results exist: the same-day flights and the
// verdict in a panel under the result bar, with notes and bells on the train rows.
import { send } from '../../lib/messages/capture';
import { readTrainRows, SELECTORS, type RailSearch } from '../../lib/sites/12306-page';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Overlay, OverlayPrefs } from '../../components/overlay/lazy';
import { domReady, mountPanel, onCapturesChanged } from '../../components/overlay/host';
import { idleTurn } from '../../components/overlay/idle';
import { placeSlot } from '../../components/overlay/slot';
import { startOverlayLanguage } from '../../components/overlay/language';
import { annotateRows, type WatchedMap } from './rows';
import { send as sendOverlay } from '../../lib/messages/overlay';
import { ringRow } from '../../components/overlay/focus-ring';
import { focusFromUrl } from '../../lib/sites/focus';

/** The route's watched trains and classes (undefined when the worker does not say: bells start unpressed). */
async function watchedOn(date: string, from: string, to: string): Promise<WatchedMap | undefined> {
  try {
    const { items } = await sendOverlay('watch.watched', { date, from, to });
    return new Map(items.map((i) => [`${i.train}|${i.cls}`, i.id]));
  } catch {
    return undefined;
  }
}

/** Mounts the panel and the row annotations; undefined when this is not a results page we know. */
export async function startRailOverlay(
  ctx: ContentScriptContext,
  prefsAsked: OverlayPrefs,
  route: () => RailSearch,
  reserved: () => HTMLElement | undefined,
): Promise<Overlay | undefined> {
  // The panel's words, asked for while the page settles (the catalog may come from the worker).
  const words = prefsAsked.then((p) => startOverlayLanguage(p.language)).catch(() => undefined);
  await domReady();
  const anchor = document.querySelector(SELECTORS.resultBar) ?? document.querySelector(SELECTORS.resultList);
  if (!anchor) return undefined; // not a results page we know: stay invisible
  // Settings come through the background: extension storage is closed to content scripts.
  const prefs = await prefsAsked;
  // The slot the content script reserved when the rows appeared, or one placed now (no rows yet):
  // either way the panel's height is fixed before results come, so the table never moves.
  const slot = reserved() ?? placeSlot(anchor, prefs.collapsed);
  await words;
  const panel = await mountPanel(ctx, { site: '12306', anchor, append: 'after', slot, collapsed: prefs.collapsed, onRetry: () => void refresh() });
  const rows = annotateRows(document);
  ctx.onInvalidated(() => rows.stop());
  // Opened from a RailAir link naming a train: show the user that row.
  const focus = focusFromUrl(location.href);
  if (focus) {
    const list = () => document.querySelector(SELECTORS.resultList);
    const find = () => readTrainRows(list() ?? document.createDocumentFragment()).find((r) => r.code.toUpperCase() === focus)?.row;
    ctx.onInvalidated(ringRow(document, { code: focus, list, find }, panel.css()));
  }
  let refreshing = 0;

  async function refresh() {
    const { date, from, to } = route();
    if (!date || !from || !to || !(from.name || from.telecode) || !(to.name || to.telecode)) {
      panel.update({ kind: 'no-route' });
      return;
    }
    const mine = ++refreshing;
    try {
      const view = await send('overlay.view', { show: 'air', date, from, to });
      // Checked (zod) in this task; drawn in the next, so neither makes a long task on the page.
      await idleTurn();
      if (mine !== refreshing) return;
      panel.update({ kind: 'view', view });
      const watched = from.telecode && to.telecode ? await watchedOn(date, from.telecode, to.telecode) : undefined;
      if (mine !== refreshing) return;
      rows.set({
        beats: view.beats,
        css: panel.css(),
        ...(from.telecode && to.telecode ? { route: { date, from: { ...from, telecode: from.telecode }, to: { ...to, telecode: to.telecode } } } : {}),
        ...(watched ? { watched } : {}),
      });
    } catch (e) {
      if (mine === refreshing) panel.update({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  // Flights captured in another tab (a Fliggy search) show up here without a reload.
  const unwatch = onCapturesChanged(() => void refresh());
  ctx.onInvalidated(unwatch);
  void refresh();
  return { refresh };
}
