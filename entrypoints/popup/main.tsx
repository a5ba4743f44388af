import { render } from 'preact';
import { t } from '../../lib/i18n/catalog';
import { startLanguage } from '../../lib/i18n/load';
import { App } from './App';
import { popupApi } from './api';
import './style.css';

// The words come first (a storage read, and a catalog file only when the user's language is not
// the browser's), so the first paint is already in one language.
void popupApi
  .settings()
  .then((s) => startLanguage(s.language))
  .then((lang) => {
    // The page says which language it speaks (screen readers, hyphenation) and names itself in it.
    document.documentElement.lang = lang;
    document.title = t('popup_title');
  })
  .catch(() => undefined)
  .finally(() => render(<App />, document.getElementById('app')!));
