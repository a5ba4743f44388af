// Every unit test starts in Chinese, the extension's default language (uiLang() before any
// catalog is chosen): a test that cares about the language picks it with useTestLanguage().
// The test DOM is a Chinese browser too (navigator.language), so the 'auto' setting resolves to
// Chinese in the worker's code under test, as it does for the users RailAir is made for.
import { beforeEach } from 'vitest';
import { useTestLanguage } from './i18n';

beforeEach(() => {
  Object.defineProperty(navigator, 'language', { value: 'zh-CN', configurable: true });
  useTestLanguage('zh-CN');
});
