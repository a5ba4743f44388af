// The test build (WXT_RAILAIR_TEST=1, `wxt build --mode e2e` → .output/chrome-mv3-e2e) for the
// e2e files that need watches to poll within seconds: built fresh (a stale build would test
// yesterday's code), launched against the replay, and set up with no quiet hours (the run may be
// at night in China) and `watchTest` = { intervalSec: 2 }, which the test build honours below the
// 30 s floor (it also shortens the fare polls' interval).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { launchBrowser, REPO_ROOT, type LaunchedBrowser, type Replay } from './harness';

export const E2E_BUILD = join(REPO_ROOT, '.output', 'chrome-mv3-e2e');

/** Spawned, not execSync: a blocked event loop would starve vitest's own worker messages. */
function buildTestExtension(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const p = spawn('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: REPO_ROOT, env: { ...process.env, WXT_RAILAIR_TEST: '1' }, stdio: 'inherit' });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wxt build --mode e2e exited with ${code}`))));
  });
}

/** Runs `fn` in the extension's live service worker (after a stop, Chromium starts a new one). */
export async function inWorker<T>(browser: LaunchedBrowser, fn: (arg: any) => Promise<T>, arg?: unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const w = await browser.currentWorker();
      return (await w.evaluate(fn as never, arg)) as T;
    } catch (e) {
      if (attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Builds the test build, launches it against `replay`, and sets 2 s polls with no quiet hours. */
export async function launchTestBuild(replay: Replay): Promise<LaunchedBrowser> {
  await buildTestExtension();
  const browser = await launchBrowser(replay, { extensionPath: E2E_BUILD });
  await inWorker(browser, async () => {
    const c = (globalThis as any).chrome;
    await c.storage.local.set({
      settings: { watch: { intervalSec: 60, quietStart: '00:00', quietEnd: '00:00', notify: true } },
      watchTest: { intervalSec: 2 },
    });
  });
  return browser;
}
