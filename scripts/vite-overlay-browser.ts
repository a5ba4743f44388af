// A Vite plugin for the builds: in the overlays' UI scripts (entrypoints/overlay-*.ts) only,
// `wxt/browser` resolves to lib/browser/shared.ts, the browser object the site's content script
// already loaded in the same isolated world (lib/browser/share.ts), instead of a second copy of
// webextension-polyfill. Every other build (worker, pages, content scripts, unit tests) keeps
// WXT's own resolution. WXT builds each unlisted script on its own (library mode), so the build's
// entry says which one this is.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const OVERLAY_ENTRY = /[\\/]entrypoints[\\/]overlay-[^\\/]+\.ts$/;
// `wxt/browser` as imported, and as @wxt-dev/webextension-polyfill's alias rewrote it.
const BROWSER_IDS = new Set(['wxt/browser', '@wxt-dev/webextension-polyfill/browser']);

export function overlayBrowserFromContentScript(): Plugin {
  /** lib/browser/shared.ts in an overlay's build, else undefined. */
  let shared: string | undefined;
  return {
    name: 'railair-overlay-browser',
    enforce: 'pre',
    configResolved(config) {
      const entry = config.build.lib ? config.build.lib.entry : undefined;
      const entries = typeof entry === 'string' ? [entry] : Array.isArray(entry) ? entry : Object.values(entry ?? {});
      shared = entries.some((e) => OVERLAY_ENTRY.test(e)) ? resolve(config.root, 'lib/browser/shared.ts') : undefined;
    },
    resolveId(id) {
      return shared && BROWSER_IDS.has(id) ? shared : null;
    },
  };
}
