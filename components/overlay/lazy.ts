// Loading an overlay's UI on demand. WXT builds content scripts as single IIFE files, where a
// dynamic import() of our own module is inlined (no separate chunk, nothing saved). So each
// overlay's UI is its own unlisted script (entrypoints/overlay-*.ts), listed in the manifest's
// web_accessible_resources for its site only, and loaded with import() of its extension URL:
// the module runs in the content script's isolated world (the page cannot reach it) and hands
// its start function over on the isolated world's global object, under a symbol.
import { browser } from 'wxt/browser';
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

/** The script each site's overlay is built to (entrypoints/overlay-<site>.ts). */
export const OVERLAY_SCRIPT = { '12306': '/overlay-12306.js', fliggy: '/overlay-fliggy.js' } as const satisfies Record<Site, string>;

/** Loads the site's overlay script (once) and returns its start function. */
export async function loadOverlay<S extends Site>(site: S): Promise<OverlayStarters[S]> {
  const have = registry()[site];
  if (have) return have as OverlayStarters[S];
  await import(/* @vite-ignore */ browser.runtime.getURL(OVERLAY_SCRIPT[site]));
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
