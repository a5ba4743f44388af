import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Manifest and build settings. Permissions are kept to what shipped features use;
// hosts that only optional features need are requested at run time.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'RailAir 铁空比价',
    description: '火车还是飞机：12306 余票与航班价格并排比较，售罄提醒。Train vs plane in China, side by side.',
    default_locale: undefined,
    permissions: ['storage'],
  },
});
