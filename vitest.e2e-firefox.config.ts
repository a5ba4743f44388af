import { defineConfig } from 'vitest/config';

// Firefox end-to-end suite: the built firefox-mv3 extension in Debian's Firefox ESR (FIREFOX_PATH to
// override), driven over WebDriver BiDi, against the same local replay server as the Chromium suite.
// One Firefox at a time: files run serially in a single fork.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e-firefox/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e-firefox/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    reporters: ['verbose'],
  },
});
