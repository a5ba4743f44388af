import { defineConfig } from 'vitest/config';

// End-to-end suite: the built extension in Debian's Chromium (CHROME_PATH to override) against the
// local replay server. One Chromium at a time: files run serially in a single fork.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    reporters: ['verbose'],
  },
});
