// Which language the UI speaks: the user's choice in options, else the browser's (any zh-* →
// Chinese, everything else → English; a French browser reads English, not the default Chinese).
import type { Lang } from './index';

export type LanguageSetting = 'auto' | Lang;

export function resolveLang(setting: LanguageSetting, browserLanguage: string): Lang {
  if (setting !== 'auto') return setting;
  return /^zh\b/i.test(browserLanguage) ? 'zh-CN' : 'en';
}
