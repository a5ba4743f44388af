// The UI's real catalogs for component tests (WXT's fake browser has no chrome.i18n): a test
// renders in the language it names, with the words users read.
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';
import type { Lang } from '../../lib/i18n';
import { useCatalog } from '../../lib/i18n/catalog';
import { resolveLang, type LanguageSetting } from '../../lib/i18n/lang';

export const CATALOGS: Record<Lang, Record<string, { message: string }>> = { 'zh-CN': zh, en };

/** Makes `t()` speak `setting` ('auto' resolves as a Chinese browser would). */
export function useTestLanguage(setting: LanguageSetting = 'zh-CN'): Lang {
  const lang = resolveLang(setting, 'zh-CN');
  useCatalog(lang, CATALOGS[lang]);
  return lang;
}
