// Loading an overlay's UI on demand. WXT builds content scripts as single IIFE files, where a
// dynamic import() of our own module is inlined (no separate chunk, nothing saved). So each
// overlay's UI is its own unlisted script (entrypoints/overlay-*.ts), which the background runs
// in this tab's content-script world when asked (lib/background/overlay-loader.ts): the page
// cannot reach it, nothing of ours is web-accessible (a site could probe for a web-accessible
// file to detect the extension), and no content script imports a computed URL (which Mozilla's
// linter rejects). The script hands its start function over on the isolated world's global
// object, under a symbol.
import { send } from '../../lib/messages/capture';
import { OVERLAY_SCRIPT } from '../../lib/capture/overlay-scripts';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Capture } from '../../lib/capture/schema';
import type { RailSearch } from '../../lib/sites/12306-page';
import type { Lang } from '../../lib/i18n';
import { afterPageLoad, whenIdle, whenPage } from './idle';

export interface Overlay {
  /** Asks the background for the view again (after a capture was filed). */
  refresh(): Promise<void>;
}

/** The panel's settings, asked for by the content script early so the panel need not wait for them. */
export type OverlayPrefs = Promise<{ language: Lang; collapsed: boolean }>;

export interface OverlayStarters {
  '12306': (ctx: ContentScriptContext, prefs: OverlayPrefs, route: () => RailSearch, slot: () => HTMLElement | undefined) => Promise<Overlay | undefined>;
  fliggy: (
    ctx: ContentScriptContext,
    prefs: OverlayPrefs,
    page: { submit: (capture: Capture) => void; dataSeen: () => boolean; slot: () => HTMLElement | undefined },
  ) => Promise<Overlay | undefined>;
}
type Site = keyof OverlayStarters;

const KEY = Symbol.for('railair.overlay');
type Registry = Partial<OverlayStarters>;
const registry = (): Registry => ((globalThis as { [KEY]?: Registry })[KEY] ??= {});

/** Called by an overlay's unlisted script when it runs. */
export function provideOverlay<S extends Site>(site: S, start: OverlayStarters[S]): void {
  registry()[site] = start;
}

export { OVERLAY_SCRIPT };

/** Loads the site's overlay script (once) and returns its start function. */
export async function loadOverlay<S extends Site>(site: S): Promise<OverlayStarters[S]> {
  const have = registry()[site];
  if (have) return have as OverlayStarters[S];
  await send('overlay.load', { site });
  const start = registry()[site];
  if (!start) throw new Error(`overlay script for ${site} did not register`);
  return start as OverlayStarters[S];
}

/**
 * Starts the overlay once it has something to show: the page's own rows exist, or `ready`
 * settled (a capture came back), or the page has been loaded a while; then in idle time, so the
 * page renders first. Loading the UI earlier, while the page waits for its own query, was
 * measured to delay the page's rows. `reserve` runs at once when the rows appear, still before the
 * browser paints them (the observer's microtask), so the panel's place exists before anyone sees
 * the rows (slot.ts). Returns a getter for the started overlay (undefined before).
 */
export function startWhenShown(
  ctx: ContentScriptContext,
  hasRows: () => boolean,
  ready: Promise<void>,
  start: () => Promise<Overlay | undefined>,
  reserve: () => void = () => {},
): () => Promise<Overlay | undefined> | undefined {
  let overlay: Promise<Overlay | undefined> | undefined;
  void whenPage(document, hasRows, Promise.race([ready, afterPageLoad(2000)])).then(() => {
    if (ctx.isInvalid) return;
    reserve();
    overlay = new Promise((resolve) => {
      whenIdle(() => resolve(start().catch((e: unknown) => (console.debug('[RailAir] overlay not shown', e), undefined))), 30);
    });
  });
  return () => overlay;
}
