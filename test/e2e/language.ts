// The UI language for e2e files that read the overlays' or the worker's words. Debian's Chromium
// here ships only its en-US locale, so the worker's chrome.i18n.getUILanguage() says en-US whatever
// --lang says, while pages get zh-CN from Playwright's locale: 'auto' would make the worker (and the
// overlays it tells) English and the popup Chinese. These files say which language they read.
import type { LaunchedBrowser } from './harness';
import { inWorker } from './test-build';

/** Stores `language` in the settings (the other settings kept), as the options page's picker does. */
export async function chooseLanguage(browser: LaunchedBrowser, language: 'auto' | 'zh-CN' | 'en'): Promise<void> {
  await inWorker(
    browser,
    async (lang: string) => {
      const c = (globalThis as any).chrome;
      const { settings } = await c.storage.local.get('settings');
      await c.storage.local.set({ settings: { ...(settings ?? {}), language: lang } });
    },
    language,
  );
}
