// Taobao Open Platform: turn it on (which asks the browser for the gateway host), app key,
// secret (write-only: stored locally, shown masked, never read back), sign method.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import type { SignMethod } from '../../lib/air/client';
import type { Settings } from '../../lib/settings';
import type { CredentialsView, OptionsApi } from './api';
import { SaveNote, Section } from './Section';

export function TopForm({
  api,
  settings,
  onSave,
  lang,
}: {
  api: OptionsApi;
  settings: Settings;
  onSave: (s: Settings) => Promise<void>;
  lang: Lang;
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
        setNote(tr(lang, '未获得访问淘宝开放平台的权限', 'Permission for the Taobao gateway was not granted'));
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
      setNote(tr(lang, 'App Key 应为数字', 'The app key is a number'));
      return;
    }
    if (!secret && !creds?.hasSecret) {
      setNote(tr(lang, '请输入 App Secret', 'Enter the app secret'));
      return;
    }
    await api.saveCredentials({ appKey: key, signMethod, ...(secret ? { secret: secret.trim() } : {}) });
    setSecret('');
    setCreds({ appKey: key, signMethod, hasSecret: true });
    setNote('saved');
  }

  return (
    <Section id="top" title={tr(lang, '淘宝开放平台（航班价格）', 'Taobao Open Platform (flight fares)')}>
      {/* Almost nobody has an approved app: say so first, and that flights work without one. */}
      <p class="hint" data-testid="top-needs-app">
        需要已获批准的淘宝开放平台应用（AppKey/Secret）；没有也能查航班（飞猪实时查询） · Needs an approved Taobao Open Platform app;
        flights work without it (live Fliggy search)
      </p>
      <p class="hint">
        {tr(
          lang,
          '填写你自己应用的 App Key 和 App Secret 后，航班改由淘宝开放平台查询。密钥只保存在本机，不同步、不记录。',
          "With your own app's key and secret, flights are queried through the Taobao Open Platform instead. They stay on this computer: never synced, never logged.",
        )}
      </p>
      <label class="check">
        <input id="top-enabled" type="checkbox" checked={settings.topEnabled && permitted !== false} onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)} />
        {tr(lang, '使用淘宝开放平台查询航班', 'Query flights on the Taobao Open Platform')}
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
            placeholder={creds?.hasSecret ? tr(lang, '已保存 ••••••（留空则不变）', 'Saved •••••• (leave empty to keep)') : ''}
            onInput={(e) => setSecret((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          {tr(lang, '签名方式', 'Sign method')}{' '}
          <select id="sign-method" value={signMethod} onChange={(e) => setSignMethod((e.currentTarget as HTMLSelectElement).value as SignMethod)}>
            <option value="md5">MD5</option>
            <option value="hmac-sha256">HMAC-SHA256</option>
          </select>
        </label>
        <button type="submit">{tr(lang, '保存', 'Save')}</button>{' '}
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
            {tr(lang, '删除密钥', 'Remove credentials')}
          </button>
        )}{' '}
        <SaveNote state={note} />
      </form>
    </Section>
  );
}
