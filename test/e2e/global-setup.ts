// Before the e2e suite: make sure the extension is built (CI builds first; a developer may not have)
// and that a Chromium binary is there, failing early with the fix in the message.

import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromePath, EXTENSION_DIR, REPO_ROOT } from './harness';

export default function setup(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('[e2e] .output/chrome-mv3 missing: building it (npx wxt build)');
    execSync('npx wxt build', { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  if (!existsSync(chromePath())) {
    throw new Error(`[e2e] no Chromium at ${chromePath()}: apt-get install -y chromium, or set CHROME_PATH`);
  }
}
