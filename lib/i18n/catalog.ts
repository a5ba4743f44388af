// The UI's words, one language at a time, from the extension's chrome.i18n catalogs
// (public/_locales/{zh_CN,en}/messages.json — the only place UI text lives).
//
// Why not just chrome.i18n.getMessage: the browser picks the catalog from its own UI language and
// falls back to default_locale (zh_CN), so a French browser would get Chinese, and a user who
// chose the other language in options would not get it at all. So: when the browser's pick is the
// language we want, getMessage answers; otherwise the wanted catalog file itself is loaded once
// (extension pages and the worker fetch it from the package; content scripts ask the worker).
// Either way `t()` is synchronous once `useLanguage()` has resolved, so components render at once.
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';
import type { Lang } from './index';

/** Every key of the catalogs (the English file is the type's source; a test keeps both in step). */
export type MessageKey = Exclude<keyof typeof en, 'lang' | 'extName' | 'extDescription'>;

/** A catalog as the files hold it: key → { message }. */
export type CatalogFile = Record<string, { message: string }>;

/** Loads one language's catalog file (fetch from the package, or ask the worker). */
export type CatalogLoader = (lang: Lang) => Promise<CatalogFile>;

type Lookup = (key: string, subs: string[]) => string | undefined;

// WXT types getMessage with the keys it generated; ours are checked by MessageKey instead.
const getMessage = (key: string, subs?: string[]): string => (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs);

let active: { lang: Lang; lookup: Lookup } | undefined;

/** The catalog's folder under _locales for a UI language. */
export const catalogDir = (lang: Lang): string => (lang === 'en' ? 'en' : 'zh_CN');

/** $1…$9 replaced by the substitutions and $$ by $, as chrome.i18n.getMessage does. */
export function substitute(message: string, subs: string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

function fromFile(file: CatalogFile): Lookup {
  return (key, subs) => {
    const entry = Object.prototype.hasOwnProperty.call(file, key) ? file[key] : undefined;
    return entry ? substitute(entry.message, subs) : undefined;
  };
}

/** The language of the catalog the browser picked ('' where chrome.i18n is missing, as in unit tests). */
function browserCatalogLang(): string {
  try {
    return getMessage('lang');
  } catch {
    return '';
  }
}

/**
 * Makes `lang` the language of every later `t()` in this context. Resolves once its words are
 * at hand; a loader failure falls back to the browser's own pick (some words beat none).
 */
export async function useLanguage(lang: Lang, load: CatalogLoader): Promise<void> {
  if (active?.lang === lang) return;
  if (browserCatalogLang() === lang) {
    active = { lang, lookup: (key, subs) => getMessage(key, subs) || undefined };
    return;
  }
  try {
    active = { lang, lookup: fromFile(await load(lang)) };
  } catch {
    // Without the file, the browser's own pick beats raw keys; where chrome.i18n is missing too
    // (unit tests, where the worker's code shares the page's module), the words stay as they were.
    if (browserCatalogLang() !== '') active = { lang, lookup: (key, subs) => getMessage(key, subs) || undefined };
  }
}

/** Sets the words directly (tests, and contexts that already hold the catalog). */
export function useCatalog(lang: Lang, file: CatalogFile): void {
  active = { lang, lookup: fromFile(file) };
}

/** The language `t()` speaks now (Chinese before any catalog is chosen). */
export function uiLang(): Lang {
  return active?.lang ?? 'zh-CN';
}

/**
 * The UI text for `key` in the current language, with $1…$9 filled in. A key the catalog lacks
 * shows as the key itself: visible in the UI and caught by the catalog tests, never a blank.
 */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  let text: string | undefined;
  try {
    text = active?.lookup(key, subs.map(String));
  } catch {
    text = undefined;
  }
  return text ?? key;
}
