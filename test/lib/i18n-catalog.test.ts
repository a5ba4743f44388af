// The two catalogs are one vocabulary in two languages: a key missing from either, or a message
// whose $1…$9 differ between them, would show a raw key or drop a number in one language.
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../support/i18n';
import { substitute, t, uiLang, useCatalog, useLanguage } from '../../lib/i18n/catalog';
import { resolveLang } from '../../lib/i18n/lang';

const zh = CATALOGS['zh-CN'];
const en = CATALOGS.en;
const slots = (m: string) => [...m.matchAll(/\$([1-9])/g)].map((x) => x[1]).sort().join(',');

describe('catalogs', () => {
  it('have the same keys in zh_CN and en', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('fill the same $n slots in both languages, with no empty message', () => {
    for (const key of Object.keys(en)) {
      expect(en[key]!.message.trim(), key).not.toBe('');
      expect(zh[key]!.message.trim(), key).not.toBe('');
      expect(slots(zh[key]!.message), key).toBe(slots(en[key]!.message));
    }
  });
  it('use keys chrome.i18n accepts', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
  it('keep Chinese out of the English catalog', () => {
    // Proper names a user types or reads on 12306 (e.g. station names) are not UI text.
    for (const [key, { message }] of Object.entries(en)) expect(message, key).not.toMatch(/[\u4e00-\u9fff]/);
  });
  it('name their own language', () => {
    expect(zh.lang!.message).toBe('zh-CN');
    expect(en.lang!.message).toBe('en');
  });
});

describe('resolveLang', () => {
  it('follows the browser: any Chinese is Chinese, anything else English', () => {
    expect(resolveLang('auto', 'zh-CN')).toBe('zh-CN');
    expect(resolveLang('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLang('auto', 'zh')).toBe('zh-CN');
    expect(resolveLang('auto', 'en-US')).toBe('en');
    expect(resolveLang('auto', 'fr')).toBe('en');
    expect(resolveLang('auto', '')).toBe('en');
  });
  it('lets the user override it', () => {
    expect(resolveLang('en', 'zh-CN')).toBe('en');
    expect(resolveLang('zh-CN', 'de-DE')).toBe('zh-CN');
  });
});

describe('t', () => {
  it('fills $1…$9 and $$ as chrome.i18n does', () => {
    expect(substitute('共 $1 趟，$2 有票', ['12', '3'])).toBe('共 12 趟，3 有票');
    expect(substitute('$$5 off $1', ['x'])).toBe('$5 off x');
  });
  it('speaks the language whose catalog was loaded when the browser picked another', async () => {
    const loaded: string[] = [];
    await useLanguage('en', async (lang) => {
      loaded.push(lang);
      return { lang: { message: 'en' }, x: { message: 'Hello $1' } };
    });
    expect(loaded).toEqual(['en']);
    expect(uiLang()).toBe('en');
    expect(t('x' as never, 'RailAir')).toBe('Hello RailAir');
  });
  it('shows a missing key as the key, never a blank', () => {
    useCatalog('zh-CN', zh);
    expect(t('no_such_key' as never)).toBe('no_such_key');
  });
});
