// The UI language for the Firefox e2e files, which read the popup's, the overlays' and the
// background's Chinese words. Debian's Firefox ESR here has no zh-CN language pack and prefers
// en-US, so the default 'auto' (navigator.language first, lib/i18n/load.ts) speaks English. The
// files choose Chinese as a user would, in the settings.
import type { LaunchedFirefox } from './harness';

/** Stores `language` in the settings (the other settings kept), as the options page's picker does. */
export async function chooseLanguage(ff: LaunchedFirefox, language: 'auto' | 'zh-CN' | 'en'): Promise<void> {
  await ff.extensionEval(async (lang: string) => {
    const b = (globalThis as any).browser;
    const { settings } = await b.storage.local.get('settings');
    await b.storage.local.set({ settings: { ...(settings ?? {}), language: lang } });
  }, language);
}
