// Every unit test starts in Chinese, the extension's default language (uiLang() before any
// catalog is chosen): a test that cares about the language picks it with useTestLanguage().
import { beforeEach } from 'vitest';
import { useTestLanguage } from './i18n';

beforeEach(() => void useTestLanguage('zh-CN'));
