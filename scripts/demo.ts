// `npm run demo`: build the extension, start the local replay of 12306 and Fliggy, and open
// Chromium with RailAir on 12306's search for 北京 → 上海 tomorrow (China date) and on Fliggy's
// search for the same route and day. With a display it stays open until Ctrl-C; without one it
// runs headless, saves screenshots to demo-output/ and exits.
//
//   npm run demo                 build + run
//   npm run demo -- --no-build   reuse .output/chrome-mv3
//   npm run demo -- --headless   no window even when DISPLAY is set
//   npm run demo -- --store      headless, 1280×800 screenshots into docs/store/screenshots/ (the store listings')
//   CHROME_PATH=/path/to/chrome npm run demo

import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  chinaTomorrow,
  chromePath,
  EXTENSION_DIR,
  fliggySearchUrl,
  launchBrowser,
  railSearchUrl,
  REPO_ROOT,
  startReplay,
} from '../test/e2e/harness';
import { ensureChromium } from './ensure-chromium';
import { chooseLanguage } from '../test/e2e/language';

const OVERLAY = '[data-railair-overlay]';
const OVERLAY_WAIT_MS = 15_000;
const argv = process.argv.slice(2);
/** Store screenshots: the size both stores accept (Chrome Web Store asks for exactly 1280×800). */
const store = argv.includes('--store');
const STORE_SIZE = { width: 1280, height: 800 };
const OUT_DIR = store ? join(REPO_ROOT, 'docs', 'store', 'screenshots') : join(REPO_ROOT, 'demo-output');
const headless = store || argv.includes('--headless') || !process.env.DISPLAY;
const log = (msg: string) => console.log(`[demo] ${msg}`);
/** The store screenshots' languages and themes; the light Chinese ones are also in the README. */
const STORE_VARIANTS: ['zh-CN' | 'en', 'light' | 'dark'][] = [
  ['zh-CN', 'light'],
  ['zh-CN', 'dark'],
  ['en', 'light'],
  ['en', 'dark'],
];

/** True when the built manifest has a content script for the host (no point waiting otherwise). */
let manifestCache: { content_scripts?: { matches?: string[] }[] } | undefined;
function hasContentScriptFor(host: string): boolean {
  // Read once, at launch time: the build the browser loaded.
  manifestCache ??= JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as typeof manifestCache;
  const manifest = manifestCache ?? {};
  return (manifest.content_scripts ?? []).some((cs) => (cs.matches ?? []).some((m) => m.includes(host) || m === '<all_urls>'));
}

/** Waits for RailAir's overlay on a page; says so and carries on when it does not appear. */
async function waitForOverlay(page: Page, site: string): Promise<boolean> {
  const host = new URL(page.url()).host;
  if (!hasContentScriptFor(host)) {
    log(`${site}: this build has no content script for ${host} — screenshot shows the page without an overlay`);
    return false;
  }
  try {
    await page.locator(OVERLAY).first().waitFor({ state: 'attached', timeout: OVERLAY_WAIT_MS });
    // Let the panel finish its first paint (it renders after the capture reaches the background).
    await page.waitForTimeout(800);
    log(`${site}: RailAir overlay is on the page`);
    return true;
  } catch {
    log(`${site}: no RailAir overlay (${OVERLAY}) within ${OVERLAY_WAIT_MS / 1000} s — screenshot shows the page without it`);
    return false;
  }
}

/**
 * Types the same search into the popup the way a user would (station autocomplete, date, 查询)
 * so its screenshot shows results; the popup is its own feature, so a miss is reported, not fatal.
 */
async function searchInPopup(popup: Page, date: string): Promise<void> {
  try {
    const pickStation = async (id: string, text: string) => {
      await popup.locator(`#${id}[role="combobox"]`).fill(text);
      await popup.locator(`#${id}-list [role="option"]`).first().waitFor({ timeout: 5_000 });
      await popup.locator(`#${id}[role="combobox"]`).press('Enter');
    };
    await popup.locator('#from[role="combobox"]').waitFor({ timeout: 5_000 });
    await pickStation('from', '北京');
    await pickStation('to', '上海');
    await popup.locator('select#date').selectOption(date, { timeout: 5_000 });
    await popup.locator('form button[type="submit"]').click({ timeout: 5_000 });
    await popup.locator('[data-testid="train"]').first().waitFor({ timeout: 20_000 });
    await popup.waitForTimeout(800);
    log('popup: searched 北京 → 上海 and shows results');
  } catch (e) {
    log(`popup: could not run the search in the popup (${e instanceof Error ? e.message.split('\n')[0] : String(e)}) — screenshot shows it as it is`);
  }
}

async function main(): Promise<void> {
  if (!argv.includes('--no-build')) {
    log('building the extension (npx wxt build)…');
    execSync('npx wxt build', { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no built extension in ${EXTENSION_DIR}`);
  // A fresh machine has neither Chromium nor a CJK font: install them (as root) or say how.
  if (!ensureChromium(log)) {
    throw new Error(`no Chromium at ${chromePath()}: apt-get install -y chromium (Debian), or set CHROME_PATH`);
  }

  hasContentScriptFor('');
  const replay = await startReplay();
  log(`replay of 12306 / Fliggy / Taobao Open Platform on 127.0.0.1:${replay.port}`);
  const browser = await launchBrowser(replay, { headless });
  log(`Chromium ${headless ? 'headless' : 'with a window'}, RailAir loaded (id ${browser.extensionId})`);

  const shutdown = async () => {
    await browser.close();
    await replay.close();
  };

  try {
    const date = chinaTomorrow();
    const rail = await browser.page();
    if (store) await rail.setViewportSize(STORE_SIZE);
    const railUrl = railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date });
    await rail.goto(railUrl);
    await rail.locator('#queryLeftTable tr[id^="ticket_"]').first().waitFor({ timeout: 15_000 });
    log(`12306: ${railUrl}`);

    const fliggy = await browser.page();
    if (store) await fliggy.setViewportSize(STORE_SIZE);
    const fliggyUrl = fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date });
    await fliggy.goto(fliggyUrl);
    await fliggy.locator('#J_FlightListBox .J_FlightItem').first().waitFor({ timeout: 15_000 });
    log(`Fliggy: ${fliggyUrl}`);

    // Each page gets its overlay once the other mode's data is known; the 12306 one may need the
    // Fliggy capture that has just arrived, so reload it once if its panel is not there yet.
    const missing: string[] = [];
    if (!(await waitForOverlay(fliggy, 'Fliggy'))) missing.push('Fliggy');
    if (!(await waitForOverlay(rail, '12306')) && hasContentScriptFor('kyfw.12306.cn')) {
      await rail.reload();
      await rail.locator('#queryLeftTable tr[id^="ticket_"]').first().waitFor({ timeout: 15_000 });
      if (!(await waitForOverlay(rail, '12306 (after reload)'))) missing.push('12306');
    }

    const popup = await browser.page();
    await popup.setViewportSize(store ? STORE_SIZE : { width: 800, height: 600 });
    await popup.goto(browser.extensionUrl('popup.html'));
    await searchInPopup(popup, date);

    mkdirSync(OUT_DIR, { recursive: true });
    const pages: [Page, string][] = [
      [rail, '12306'],
      [fliggy, 'fliggy'],
      [popup, 'popup'],
    ];
    const shoot = async (suffix: string) => {
      for (const [page, name] of pages) {
        const path = join(OUT_DIR, `${name}${suffix}.png`);
        await page.bringToFront();
        await page.screenshot({ path });
        console.log(path);
      }
    };
    await shoot('');
    // The store listings show both languages and both themes: the UI language is the setting
    // (the overlays read it from the worker), the theme the system's (emulated per page).
    if (store) {
      for (const [lang, scheme] of STORE_VARIANTS) {
        await chooseLanguage(browser, lang);
        for (const [page] of pages) await page.emulateMedia({ colorScheme: scheme });
        await rail.reload();
        await fliggy.reload();
        await popup.reload();
        await searchInPopup(popup, date);
        await waitForOverlay(rail, '12306');
        await waitForOverlay(fliggy, 'Fliggy');
        await shoot(`.${lang === 'zh-CN' ? 'zh' : 'en'}.${scheme}`);
      }
      await chooseLanguage(browser, 'auto');
    }
    log(`${replay.railQueries().length} query(ies) reached the 12306 replay, ${replay.requests.filter((r) => r.path === '/searchow/search.htm').length} the Fliggy JSONP`);

    if (headless) {
      await shutdown();
      // Headless runs are how CI checks the demo: an overlay that did not render is a failure.
      if (missing.length) throw new Error(`no RailAir overlay on ${missing.join(' and ')} (screenshots saved)`);
      return;
    }
    await rail.bringToFront();
    log('Chromium stays open; Ctrl-C to quit.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
      browser.context.once('close', () => resolve());
    });
    await shutdown();
  } catch (e) {
    await shutdown();
    throw e;
  }
}

main().catch((e: unknown) => {
  console.error(`[demo] failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
