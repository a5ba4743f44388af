// Push channels: a watch alert can also reach the phone (Bark, ntfy, Server酱, PushPlus, Telegram,
// WeCom / DingTalk / Feishu bots). Adding one asks the browser for that service's host only, from
// the click; keys are typed in, stored on this computer and shown masked; each channel has a
// "send a test" button and shows its last success and last error.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import { channelOrigin, PUSH_KINDS, pushChannelSchema, type PushChannel, type PushKind } from '../../lib/push/channels';
import type { PushChannelView } from '../../lib/messages/push';
import type { OptionsApi } from './api';
import { PUSH_KIND_INFO } from './push-fields';
import { Section } from './Section';

function when(at: number, lang: Lang): string {
  return new Date(at).toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function ChannelRow({ c, api, lang, reload }: { c: PushChannelView; api: OptionsApi; lang: Lang; reload: () => void }) {
  const info = PUSH_KIND_INFO[c.kind as PushKind];
  const [testing, setTesting] = useState(false);
  const [said, setSaid] = useState('');
  async function test() {
    setTesting(true);
    setSaid('');
    const out = await api.pushTest(c.id).catch((e: unknown) => ({ ok: false as const, error: { code: 'network', message: { zh: String(e), en: String(e) } } }));
    setTesting(false);
    setSaid(out.ok ? tr(lang, '测试推送已发出', 'Test push sent') : tr(lang, out.error.message.zh, out.error.message.en));
    reload();
  }
  return (
    <li class="push-channel" data-testid="push-channel" data-kind={c.kind}>
      <label class="check">
        <input type="checkbox" checked={c.enabled} onChange={(e) => void api.pushEnable(c.id, (e.target as HTMLInputElement).checked).then(reload)} />{' '}
        <strong>{info ? tr(lang, info.zh, info.en) : c.kind}</strong> <span class="hint">{c.summary}</span>
      </label>{' '}
      <button type="button" onClick={() => void test()} disabled={testing}>
        {testing ? '…' : tr(lang, '发送测试', 'Send a test')}
      </button>{' '}
      <button type="button" class="link" onClick={() => void api.pushRemove(c.id).then(reload)}>
        {tr(lang, '删除', 'Remove')}
      </button>
      <div class="hint" data-testid="push-status">
        {c.status.lastOkAt !== undefined && <span>{tr(lang, `上次成功：${when(c.status.lastOkAt, lang)}`, `Last sent: ${when(c.status.lastOkAt, lang)}`)} </span>}
        {c.status.lastError && (
          <span class="error">
            {tr(lang, `上次失败（${when(c.status.lastError.at, lang)}）：${c.status.lastError.message.zh}`, `Last failure (${when(c.status.lastError.at, lang)}): ${c.status.lastError.message.en}`)}
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

export function PushForm({ api, lang }: { api: OptionsApi; lang: Lang }) {
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
      setNote(tr(lang, `请检查：${field?.zh ?? ''}`, `Please check: ${field?.en ?? i?.message ?? ''}`));
      return;
    }
    // The service's host, asked for from this click (browsers prompt only for a user gesture).
    const granted = await api.requestOrigin(channelOrigin(parsed.data as PushChannel));
    if (!granted) {
      setNote(tr(lang, '未获得访问该推送服务的权限', 'Access to this push service was not granted'));
      return;
    }
    await api.pushSave({ enabled: true, channel: typed });
    setValues({});
    setNote(tr(lang, '已添加', 'Added'));
    reload();
  }

  const info = PUSH_KIND_INFO[kind];
  return (
    <Section id="push" title={tr(lang, '手机推送', 'Alerts on your phone')}>
      <p class="hint">
        {tr(
          lang,
          '余票提醒除桌面通知外，也可以同时推送到手机。密钥只保存在本机，不同步、不导出，显示时已遮盖。每个提醒每次变化只推送一次，每小时最多 30 条。',
          'Besides the desktop notification, a watch alert can go to your phone too. Keys stay on this computer (never synced or exported) and are shown masked. One push per watch change, at most 30 an hour.',
        )}
      </p>
      {unreadable > 0 && (
        <p class="error" data-testid="push-unreadable">
          {tr(lang, `${unreadable} 个推送渠道无法读取（已保留，更新后再试）`, `${unreadable} push channel(s) could not be read (kept; an update may read them)`)}
        </p>
      )}
      <ul class="push-channels">
        {channels.map((c) => (
          <ChannelRow key={c.id} c={c} api={api} lang={lang} reload={reload} />
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} data-testid="push-add">
        <label>
          {tr(lang, '推送服务', 'Service')}{' '}
          <select
            value={kind}
            onChange={(e) => {
              setKind((e.target as HTMLSelectElement).value as PushKind);
              setValues({});
            }}
          >
            {PUSH_KINDS.map((k) => (
              <option value={k} key={k}>
                {tr(lang, PUSH_KIND_INFO[k].zh, PUSH_KIND_INFO[k].en)}
              </option>
            ))}
          </select>
        </label>
        {info.fields.map((f) => (
          <label key={`${kind}-${f.name}`}>
            {tr(lang, f.zh, f.en)}{' '}
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
        <button type="submit">{tr(lang, '添加', 'Add')}</button>{' '}
        {note && (
          <span role="status" data-testid="push-note">
            {note}
          </span>
        )}
      </form>
    </Section>
  );
}
