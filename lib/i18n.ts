// UI language: Chinese first, English second. Components carry both texts side by side
// (`tr(lang, '余票', 'Seats left')`) instead of a key catalogue: the strings stay next to
// where they are used, and the bundle carries no lookup tables.
export type Lang = 'zh-CN' | 'en';

export function tr(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

/** Formats fen as ¥ with up to one decimal, as 12306 and Fliggy show prices (¥553, ¥553.5). */
export function formatYuan(fen: number): string {
  const yuan = fen / 100;
  return `¥${Number.isInteger(yuan) ? yuan : yuan.toFixed(yuan * 10 === Math.round(yuan * 10) ? 1 : 2)}`;
}
