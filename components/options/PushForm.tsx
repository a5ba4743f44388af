// Push channels: a watch alert can also reach the phone (Bark, ntfy, Server酱, PushPlus, Telegram,
// WeCom / DingTalk / Feishu bots). Adding one asks the browser for that service's host only, from
// the click; keys are typed in, stored on this computer and shown masked; each channel has a
// "send a test" button and shows its last success and last error.
import { useEffect, useState } from 'preact/hooks';
import { pick } from '../../lib/i18n';
import { t, uiLang } from '../../lib/i18n/catalog';
import { channelOrigin, PUSH_KINDS, pushChannelSchema, type PushChannel, type PushKind } from '../../lib/push/channels';
import type { PushChannelView } from '../../lib/messages/push';
import type { OptionsApi } from './api';
import { PUSH_KIND_INFO } from './push-fields';
import { Section } from './Section';

function when(at: number): string {
  return new Date(at).toLocaleString(uiLang() === 'zh-CN' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function ChannelRow({ c, api, reload }: { c: PushChannelView; api: OptionsApi; reload: () => void }) {
  const info = PUSH_KIND_INFO[c.kind as PushKind];
  const [testing, setTesting] = useState(false);
  const [said, setSaid] = useState('');
  async function test() {
    setTesting(true);
    setSaid('');
    const out = await api.pushTest(c.id).catch((e: unknown) => ({ ok: false as const, error: { code: 'network', message: { zh: String(e), en: String(e) } } }));
    setTesting(false);
    setSaid(out.ok ? t('options_pushTestSent') : pick(uiLang(), out.error.message));
    reload();
  }
  return (
    <li class="push-channel" data-testid="push-channel" data-kind={c.kind}>
      <label class="check">
        <input type="checkbox" checked={c.enabled} onChange={(e) => void api.pushEnable(c.id, (e.target as HTMLInputElement).checked).then(reload)} />{' '}
        <strong>{info ? t(info.label) : c.kind}</strong> <span class="hint">{c.summary}</span>
      </label>{' '}
      <button type="button" onClick={() => void test()} disabled={testing}>
        {testing ? '…' : t('options_pushSendTest')}
      </button>{' '}
      <button type="button" class="link" onClick={() => void api.pushRemove(c.id).then(reload)}>
        {t('options_pushRemove')}
      </button>
      <div class="hint" data-testid="push-status">
        {c.status.lastOkAt !== undefined && <span>{t('options_pushLastOk', when(c.status.lastOkAt))} </span>}
        {c.status.lastError && (
          <span class="error">
            {t('options_pushLastError', when(c.status.lastError.at), pick(uiLang(), c.status.lastError.message))}
          </span>
        )}
      </div>
      {said && (
        <p role="status" data-testid="push-test-result">
          {said}
        </p>
      )}
    </li>
  );
}

export function PushForm({ api }: { api: OptionsApi }) {
  const [channels, setChannels] = useState<PushChannelView[]>([]);
  const [unreadable, setUnreadable] = useState(0);
  const [kind, setKind] = useState<PushKind>('bark');
  const [values, setValues] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const reload = () => void api.pushList().then((l) => {
    setChannels(l.channels);
    setUnreadable(l.unreadable);
  }).catch(() => undefined);
  useEffect(reload, []);

  async function add(e: Event) {
    e.preventDefault();
    const typed: Record<string, string> = { kind };
    for (const [k, v] of Object.entries(values)) if (v.trim()) typed[k] = v.trim();
    const parsed = pushChannelSchema().safeParse(typed);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      const field = PUSH_KIND_INFO[kind].fields.find((f) => f.name === i?.path[0]);
      setNote(t('options_pushCheck', field ? t(field.label) : String(i?.path[0] ?? '')));
      return;
    }
    // The service's host, asked for from this click (browsers prompt only for a user gesture).
    const granted = await api.requestOrigin(channelOrigin(parsed.data as PushChannel));
    if (!granted) {
      setNote(t('options_pushDenied'));
      return;
    }
    await api.pushSave({ enabled: true, channel: typed });
    setValues({});
    setNote(t('options_pushAdded'));
    reload();
  }

  const info = PUSH_KIND_INFO[kind];
  return (
    <Section id="push" title={t('options_push')}>
      <p class="hint">{t('options_pushHint')}</p>
      {unreadable > 0 && (
        <p class="error" data-testid="push-unreadable">
          {t('options_pushUnreadable', unreadable)}
        </p>
      )}
      <ul class="push-channels">
        {channels.map((c) => (
          <ChannelRow key={c.id} c={c} api={api} reload={reload} />
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} data-testid="push-add">
        <label>
          {t('options_pushService')}{' '}
          <select
            value={kind}
            onChange={(e) => {
              setKind((e.target as HTMLSelectElement).value as PushKind);
              setValues({});
            }}
          >
            {PUSH_KINDS.map((k) => (
              <option value={k} key={k}>
                {t(PUSH_KIND_INFO[k].label)}
              </option>
            ))}
          </select>
        </label>
        {info.fields.map((f) => (
          <label key={`${kind}-${f.name}`}>
            {t(f.label)}{' '}
            <input
              name={f.name}
              type={f.secret ? 'password' : 'text'}
              autocomplete="off"
              required={!f.optional}
              placeholder={f.placeholder ?? ''}
              value={values[f.name] ?? ''}
              onInput={(e) => setValues({ ...values, [f.name]: (e.target as HTMLInputElement).value })}
            />
          </label>
        ))}
        <button type="submit">{t('options_pushAdd')}</button>{' '}
        {note && (
          <span role="status" data-testid="push-note">
            {note}
          </span>
        )}
      </form>
    </Section>
  );
}
