import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noInnerHtml } from './scripts/vite-no-inner-html';
import { noPageMessages } from './scripts/vite-no-page-messages';
import { overlayBrowserFromContentScript } from './scripts/vite-overlay-browser';
import { PUSH_ORIGINS } from './lib/push/channels';

// Manifest and build settings. Permissions are kept to what shipped features use;
// hosts that only optional features need are requested at run time.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [noInnerHtml(), noPageMessages(), overlayBrowserFromContentScript(), preact()],
    // RAILAIR_SOURCEMAP=1: source maps beside the bundles, for scripts/size-sources.ts (what a
    // bundle's gzipped bytes are made of). Off otherwise: the maps are not shipped.
    build: { sourcemap: process.env.RAILAIR_SOURCEMAP === '1' },
  }),
  // Firefox is built as MV3 too: its MV3 (128+) runs `world: 'MAIN'` content scripts, which the
  // taps need, and knows optional_host_permissions.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // From the chrome.i18n catalogs (public/_locales): the store and the browser show the name and
    // description in the browser's language, Chinese where it has no catalog.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // scripting: the worker runs each overlay's UI script in its own site's tab when the content
    // script asks (lib/background/overlay-loader.ts), so nothing is web-accessible to pages.
    // declarativeNetRequestWithHostAccess (no install warning; acts only on our hosts): while a live
    // query runs, a session rule gives exactly that request the site's search page as Referer
    // (lib/background/page-headers.ts), as 12306's 2026 checks require.
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'declarativeNetRequestWithHostAccess'],
    // Live 12306 queries from the worker (cookies ride along: credentials 'include'). Fliggy's
    // search host: the content script runs there already (so the install prompt names it
    // either way); the worker needs it to run the overlay's UI script in those tabs.
    // Test builds (WXT_RAILAIR_TEST=1) also hold the push services' hosts: the browser's own
    // permission prompt cannot be driven from a test, so the e2e starts with them granted.
    host_permissions: ['https://kyfw.12306.cn/*', 'https://sjipiao.fliggy.com/*', ...(process.env.WXT_RAILAIR_TEST === '1' ? PUSH_ORIGINS : [])],
    // Requested from the options page, one origin at a time, when the user turns a feature on: the
    // Taobao Open Platform gateway, and each push service the user adds (lib/push/channels.ts
    // PUSH_ORIGINS). Bark and ntfy may be self-hosted anywhere, hence https://*/* — still asked
    // for one exact origin when that channel is added.
    optional_host_permissions: ['https://gw.api.taobao.com/*', ...PUSH_ORIGINS, 'https://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'railair@railair.dev',
              // 140: the first to know data_collection_permissions (Mozilla's linter checks it).
              strict_min_version: '140.0',
              // Nothing is collected: searches go only to the sites the user asked about
              // (12306, Fliggy, optionally the Taobao gateway and the push services they set up).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
