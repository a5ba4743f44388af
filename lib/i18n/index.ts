// UI language: Chinese first, English second. Components carry both texts side by side
// (`tr(lang, '余票', 'Seats left')`) instead of a key catalogue: the strings stay next to
// where they are used, and the bundle carries no lookup tables.
export type Lang = 'zh-CN' | 'en';

export function tr(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

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
