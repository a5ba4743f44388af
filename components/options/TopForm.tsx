// Taobao Open Platform: turn it on (which asks the browser for the gateway host), app key,
// secret (write-only: stored locally, shown masked, never read back), sign method.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/catalog';
import type { SignMethod } from '../../lib/air/client';
import type { Settings } from '../../lib/settings';
import type { CredentialsView, OptionsApi } from './api';
import { SaveNote, Section } from './Section';

export function TopForm({
  api,
  settings,
  onSave,
}: {
  api: OptionsApi;
  settings: Settings;
  onSave: (s: Settings) => Promise<void>;
}) {
  const [creds, setCreds] = useState<CredentialsView | null>(null);
  const [appKey, setAppKey] = useState('');
  const [secret, setSecret] = useState('');
  const [signMethod, setSignMethod] = useState<SignMethod>('md5');
  const [permitted, setPermitted] = useState<boolean | undefined>();
  const [note, setNote] = useState('idle');

  useEffect(() => {
    void api.loadCredentials().then((c) => {
      setCreds(c);
      if (c) {
        setAppKey(c.appKey);
        setSignMethod(c.signMethod);
      }
    });
    void api.hasTopPermission().then(setPermitted);
  }, []);

  async function toggle(on: boolean) {
    if (on) {
      // Asked from the click itself: browsers only show the prompt for a user gesture.
      const granted = await api.requestTopPermission();
      setPermitted(granted);
      if (!granted) {
        setNote(t('options_topDenied'));
        return;
      }
    }
    await onSave({ ...settings, topEnabled: on });
    setNote('saved');
  }

  async function save(e: Event) {
    e.preventDefault();
    const key = appKey.trim();
    if (!/^\d{5,12}$/.test(key)) {
      setNote(t('options_topKeyNumber'));
      return;
    }
    if (!secret && !creds?.hasSecret) {
      setNote(t('options_topNeedSecret'));
      return;
    }
    await api.saveCredentials({ appKey: key, signMethod, ...(secret ? { secret: secret.trim() } : {}) });
    setSecret('');
    setCreds({ appKey: key, signMethod, hasSecret: true });
    setNote('saved');
  }

  return (
    <Section id="top" title={t('options_top')}>
      {/* Almost nobody has an approved app: say so first, and that flights work without one. */}
      <p class="hint" data-testid="top-needs-app">
        {t('options_topNeedsApp')}
      </p>
      <p class="hint">{t('options_topHint')}</p>
      <label class="check">
        <input id="top-enabled" type="checkbox" checked={settings.topEnabled && permitted !== false} onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)} />
        {t('options_topEnable')}
      </label>
      <form onSubmit={save} autocomplete="off">
        <label>
          App Key <input id="app-key" inputMode="numeric" value={appKey} onInput={(e) => setAppKey((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          App Secret{' '}
          <input
            id="app-secret"
            type="password"
            autocomplete="new-password"
            value={secret}
            placeholder={creds?.hasSecret ? t('options_topSecretSaved') : ''}
            onInput={(e) => setSecret((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          {t('options_topSignMethod')}{' '}
          <select id="sign-method" value={signMethod} onChange={(e) => setSignMethod((e.currentTarget as HTMLSelectElement).value as SignMethod)}>
            <option value="md5">MD5</option>
            <option value="hmac-sha256">HMAC-SHA256</option>
          </select>
        </label>
        <button type="submit">{t('options_save')}</button>{' '}
        {creds && (
          <button
            type="button"
            onClick={async () => {
              await api.clearCredentials();
              setCreds(null);
              setAppKey('');
              setSecret('');
              setNote('saved');
            }}
          >
            {t('options_topRemove')}
          </button>
        )}{' '}
        <SaveNote state={note} />
      </form>
    </Section>
  );
}
