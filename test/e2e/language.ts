// The UI language for e2e files that read the overlays' or the worker's words: they say which
// language they read, as a user would in the settings, instead of relying on the browser's. (With
// 'auto', every context resolves navigator.language alike, lib/i18n/load.ts.)
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
