// The content script's `browser` object, left on its isolated world's global object for the
// overlay's UI script. That script runs later in the same world (injected at the content
// script's request: lib/background/overlay-loader.ts), so it takes this object rather than
// carrying a second copy of webextension-polyfill (about 2.6 KB gzipped on each overlay); the
// overlay builds resolve `wxt/browser` to ./shared.ts (scripts/vite-overlay-browser.ts). The page
// cannot see an isolated world's globals.
import { browser } from 'wxt/browser';

export const SHARED_BROWSER = Symbol.for('railair.browser');

/** Called once by each site's content script, before it can ask for its overlay. */
export function shareBrowser(): void {
  (globalThis as { [SHARED_BROWSER]?: unknown })[SHARED_BROWSER] = browser;
}
