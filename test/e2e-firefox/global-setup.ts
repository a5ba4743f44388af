// Before the Firefox e2e suite: make sure the firefox-mv3 build is there (CI builds first; a developer
// may not have) and that Firefox ESR is installed, failing early with the fix in the message.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX_EXTENSION_DIR, firefoxPath, REPO_ROOT } from './harness';

export default function setup(): void {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    console.log('[e2e-firefox] .output/firefox-mv3 missing: building it (npm run build:firefox)');
    execSync('npm run build:firefox', { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  if (!existsSync(firefoxPath())) {
    throw new Error(`[e2e-firefox] no Firefox at ${firefoxPath()}: apt-get install -y firefox-esr, or set FIREFOX_PATH`);
  }
}
