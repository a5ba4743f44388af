// The two UI languages, and the one bilingual shape for texts that are stored or cross the
// transport (decoder issues, errors). UI text itself lives in the chrome.i18n catalogs
// (lib/i18n/catalog.ts); a Bilingual is shown with `pick(uiLang(), …)`.
export type Lang = 'zh-CN' | 'en';

/** A text in both UI languages; the one shape for messages that are stored or cross the transport. */
export type Bilingual = { zh: string; en: string };

/** The text of a Bilingual in the UI language. */
export function pick(lang: Lang, b: Bilingual): string {
  return lang === 'en' ? b.en : b.zh;
}

/** Formats fen as ¥ with up to one decimal, as 12306 and Fliggy show prices (¥553, ¥553.5). */
export function formatYuan(fen: number): string {
  const yuan = fen / 100;
  return `¥${Number.isInteger(yuan) ? yuan : yuan.toFixed(yuan * 10 === Math.round(yuan * 10) ? 1 : 2)}`;
}
