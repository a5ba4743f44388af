// The options page: every setting saves on its own and applies at once (the popup and the
// background read settings from storage on each use).
import { useEffect, useState } from 'preact/hooks';
import { t, uiLang } from '../../lib/i18n/catalog';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import type { OptionsApi } from './api';
import { AboutMeForm } from './AboutMeForm';
import { BuffersForm } from './BuffersForm';
import { ClearData } from './ClearData';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { GeneralForm } from './GeneralForm';
import { PushForm } from './PushForm';
import { TopForm } from './TopForm';
import { WatchForm } from './WatchForm';

export function OptionsApp({ api }: { api: OptionsApi }) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [gen, setGen] = useState(0);
  const [cleared, setCleared] = useState(false);
  useEffect(() => {
    void api.loadSettings().then(setSettings);
    // The tab's title and the page's language follow the UI language too (screen readers, tab strip).
    document.title = t('options_title');
    document.documentElement.lang = uiLang();
  }, [gen]);

  async function save(s: Settings) {
    const relabel = settings !== undefined && s.language !== settings.language;
    await api.saveSettings(s);
    setSettings(s);
    // Every section re-renders in the new language (remounted, so none keeps old words in state).
    if (relabel) {
      await api.applyLanguage(s.language);
      setGen((g) => g + 1);
    }
  }

  if (!settings) return <main class="options">…</main>;
  return (
    <main class="options" key={gen}>
      <h1>{t('options_title')}</h1>
      {cleared && (
        <p class="saved" role="status" data-testid="cleared">
          {t('options_allCleared')}
        </p>
      )}
      <GeneralForm settings={settings} onSave={save} />
      <AboutMeForm settings={settings} onSave={save} />
      <BuffersForm settings={settings} onSave={save} />
      <TopForm api={api} settings={settings} onSave={save} />
      <WatchForm settings={settings} onSave={save} />
      <PushForm api={api} />
      <DiagnosticsPanel api={api} />
      <ClearData
        api={api}
        onCleared={() => {
          setSettings({ ...DEFAULT_SETTINGS });
          setCleared(true);
          setGen((g) => g + 1);
        }}
      />
    </main>
  );
}
