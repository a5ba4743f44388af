import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Manifest and build settings. Permissions are kept to what shipped features use;
// hosts that only optional features need are requested at run time.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  // Firefox is built as MV3 too: its MV3 (128+) runs `world: 'MAIN'` content scripts, which the
  // taps need, and knows optional_host_permissions.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'RailAir 铁空比价',
    description: '火车还是飞机：12306 余票与航班价格并排比较，售罄提醒。Train vs plane in China, side by side.',
    default_locale: undefined,
    permissions: ['storage', 'alarms', 'notifications'],
    // Live 12306 queries from the worker (cookies ride along: credentials 'include').
    host_permissions: ['https://kyfw.12306.cn/*'],
    // The Taobao Open Platform gateway, requested from the options page when the user turns it on.
    optional_host_permissions: ['https://gw.api.taobao.com/*'],
    // Each overlay's UI is loaded on demand by its content script (components/overlay/lazy.ts),
    // so it is reachable from its own site's pages and no others.
    web_accessible_resources: [
      { resources: ['overlay-12306.js'], matches: ['https://kyfw.12306.cn/*'] },
      { resources: ['overlay-fliggy.js'], matches: ['https://sjipiao.fliggy.com/*'] },
    ],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'railair@railair.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
});
