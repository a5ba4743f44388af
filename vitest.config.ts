import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit and component tests: happy-dom, WXT's fake browser. The e2e suite has its own config.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'test/e2e-firefox/**', 'node_modules/**'],
    mockReset: true,
    restoreMocks: true,
    setupFiles: ['test/support/default-language.ts'],
  },
});
