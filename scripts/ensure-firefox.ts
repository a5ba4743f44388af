// Makes sure Debian's Firefox ESR is on this machine before the Firefox e2e suite needs it (never a
// downloaded browser). Installs with apt-get when running as root on Debian; otherwise prints the
// command to run. FIREFOX_PATH points at another binary (then nothing is installed).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Returns true when Firefox is there (installed now or before). */
export function ensureFirefox(log: (msg: string) => void = console.log): boolean {
  if (existsSync(FIREFOX)) return true;
  if (process.env.FIREFOX_PATH) {
    log(`FIREFOX_PATH=${FIREFOX} does not exist`);
    return false;
  }
  const command = 'apt-get update && apt-get install -y firefox-esr';
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    log(`missing: firefox-esr — install with: sudo sh -c '${command}'`);
    return false;
  }
  log("installing firefox-esr from Debian's packages…");
  execSync(command, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return existsSync(FIREFOX);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(ensureFirefox((m) => console.log(`[firefox] ${m}`)) ? 0 : 1);
}
