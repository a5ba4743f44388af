// Catalog loading for extension pages and the worker: the file ships in the package.
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { catalogDir, type CatalogFile, useLanguage } from './catalog';
import { resolveLang, type LanguageSetting } from './lang';
import type { Lang } from './index';

const catalogFileSchema = z.record(z.string(), z.object({ message: z.string() }));

/** Reads `_locales/<dir>/messages.json` from the extension's own package. */
export async function fetchCatalog(lang: Lang): Promise<CatalogFile> {
  const res = await fetch(browser.runtime.getURL(`/_locales/${catalogDir(lang)}/messages.json` as '/'));
  return catalogFileSchema.parse(await res.json());
}

/**
 * The browser's language: the user's first preferred language (navigator.language), which every
 * context of ours reads alike, else the browser's UI language. (Chromium's service worker reports
 * its UI locale from the system while pages follow the user's language settings, so preferring
 * getUILanguage would let the worker's notifications speak another language than the popup.)
 */
export function browserLanguage(): string {
  if (typeof navigator !== 'undefined' && navigator.language) return navigator.language;
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return '';
  }
}

/** Resolves the setting against the browser and makes it this context's language; returns it. */
export async function startLanguage(setting: LanguageSetting): Promise<Lang> {
  const lang = resolveLang(setting, browserLanguage());
  await useLanguage(lang, fetchCatalog);
  return lang;
}

/** The UI language a setting means in this browser (the worker's notifications, verdicts and overlays). */
export function langOf(setting: LanguageSetting): Lang {
  return resolveLang(setting, browserLanguage());
}
