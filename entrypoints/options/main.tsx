import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { startLanguage } from '../../lib/i18n/load';
import { optionsApi } from './api';
import './style.css';

// As in the popup: the language is settled before the first paint. Changing it in the form
// reloads the page (OptionsApp), which starts here again.
void optionsApi
  .loadSettings()
  .then((s) => startLanguage(s.language))
  .catch(() => undefined)
  .finally(() => {
    render(<OptionsApp api={optionsApi} />, document.getElementById('app')!);
    // Links like options.html#diagnostics (from the popup) land on their section once rendered.
    if (location.hash) setTimeout(() => document.querySelector(location.hash)?.scrollIntoView(), 300);
  });
