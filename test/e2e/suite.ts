// One replay and one browser per e2e file, started before its tests and closed after them
// (browser first). A file keeps its own `replay`/`browser` variables; `take` hands them over.
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startReplay, type LaunchedBrowser, type LaunchOptions, type Replay } from './harness';
import { launchTestBuild } from './test-build';
import { chooseLanguage } from './language';

export interface Suite {
  replay: Replay;
  browser: LaunchedBrowser;
}

export interface SuiteOptions {
  /** The test build (2 s polls, no quiet hours: test-build.ts) instead of the shipped one. */
  testBuild?: boolean;
  launch?: LaunchOptions;
  /** The extension's UI language, whatever this Chromium's own locale (language.ts). */
  lang?: 'zh-CN' | 'en';
}

/** Registers the file's beforeAll/afterAll; `take` runs once both are up (and may open a popup, a page…). */
export function useBrowser(opts: SuiteOptions, take: (suite: Suite) => void | Promise<void>): void {
  let suite: Partial<Suite> = {};
  beforeAll(async () => {
    const replay = await startReplay();
    suite = { replay };
    const browser = opts.testBuild ? await launchTestBuild(replay) : await launchBrowser(replay, opts.launch);
    suite.browser = browser;
    if (opts.lang) await chooseLanguage(browser, opts.lang);
    await take({ replay, browser });
  }, 300_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.replay?.close();
  });
}
