// Makes sure Debian's Chromium (and a CJK font, so Chinese renders in screenshots) is on this
// machine before the demo or the e2e suite needs it: `npm run demo` must work on a fresh machine.
// Installs with apt-get when running as root on Debian; otherwise prints the command to run.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

/** Returns true when Chromium is there (installed now or before). */
export function ensureChromium(log: (msg: string) => void = console.log): boolean {
  const packages: string[] = [];
  if (!existsSync(CHROME)) {
    if (process.env.CHROME_PATH) {
      log(`CHROME_PATH=${CHROME} does not exist`);
      return false;
    }
    packages.push('chromium');
  }
  if (!hasChineseFont()) packages.push('fonts-wqy-microhei');
  if (packages.length === 0) return true;

  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    log(`missing: ${packages.join(', ')} — install with: sudo sh -c '${command}'`);
    return existsSync(CHROME);
  }
  log(`installing ${packages.join(', ')} from Debian's packages…`);
  execSync(command, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return existsSync(CHROME);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(ensureChromium((m) => console.log(`[chromium] ${m}`)) ? 0 : 1);
}
