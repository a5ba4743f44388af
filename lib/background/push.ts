// The push service: the channels the user set up in options, a test send for each, and the alert
// a watch fires, sent to every enabled channel at once. One channel's failure never blocks the
// others; each records its last success and last error (shown in options). The cap (one push per
// watch transition, 30 an hour) is applied once per alert, whatever the number of channels.
import type { EpochMs } from '../model';
import type { StoredValue } from '../store/item';
import { channelOrigin, maskSecret, pushMessageSchema, type PushChannel, type PushMessage } from '../push/channels';
import { allowPush } from '../push/limit';
import { sendPush, type PushOutcome } from '../push/send';
import { MAX_PUSH_CHANNELS, parsePushStore, type PushEntry, type PushStore } from '../store/push';
import { createSerialQueue } from '../util/queue';
import { on as onMessage, type PushReq, type PushRes } from '../messages/push';
import type { PushChannelView } from '../messages/push';
import type { Settings } from '../settings';
import { t } from '../i18n/catalog';
import { startLanguage } from '../i18n/load';

export interface PushServiceDeps {
  store: StoredValue<PushStore | null>;
  now: () => EpochMs;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Whether the channel's host permission is granted (the user may have revoked it). */
  permitted: (origin: string) => Promise<boolean>;
  /** Pushes an hour across all watches. */
  perHour?: number;
  /** The settings, for the language of the test push (the worker speaks the user's language). */
  settings?: () => Promise<Pick<Settings, 'language'>>;
}

export interface AlertOutcome {
  sent: number;
  failed: number;
  /** Why nothing went (the cap), when nothing did. */
  held?: 'already-sent' | 'hourly-cap' | 'no-channel';
}

export interface PushService {
  list(): Promise<PushRes<'push.list'>>;
  save(req: PushReq<'push.save'>): Promise<PushRes<'push.save'>>;
  enable(req: PushReq<'push.enable'>): Promise<PushRes<'push.enable'>>;
  remove(req: PushReq<'push.remove'>): Promise<PushRes<'push.remove'>>;
  test(req: PushReq<'push.test'>): Promise<PushOutcome>;
  /** A watch alert: `key` names the watch and its transition (one push per key, ever). */
  alert(key: string, message: PushMessage): Promise<AlertOutcome>;
}

/** Where a channel sends and to whom, its secrets masked. */
export function summarize(c: PushChannel): string {
  switch (c.kind) {
    case 'bark':
      return `${new URL(c.server).host} · ${maskSecret(c.deviceKey)}`;
    case 'ntfy':
      return `${new URL(c.server).host} · ${maskSecret(c.topic)}${c.accessToken ? ' · token' : ''}`;
    case 'serverchan':
      return `sctapi.ftqq.com · ${maskSecret(c.sendKey)}`;
    case 'pushplus':
      return `pushplus.plus · ${maskSecret(c.token)}`;
    case 'telegram':
      return `api.telegram.org · ${maskSecret(c.botToken)} → ${c.chatId}`;
    case 'wecom':
      return `qyapi.weixin.qq.com · ${maskSecret(c.key)}`;
    case 'dingtalk':
      return `oapi.dingtalk.com · ${maskSecret(c.accessToken)}${c.secret ? ' · 加签' : ''}`;
    case 'feishu':
      return `open.feishu.cn · ${maskSecret(c.hookId)}${c.secret ? ' · 签名' : ''}`;
  }
}

const view = (e: PushEntry): PushChannelView => ({
  id: e.id,
  kind: e.channel.kind,
  enabled: e.enabled,
  summary: summarize(e.channel),
  origin: channelOrigin(e.channel),
  status: e.status,
});

const NO_PERMISSION = { zh: '未授予该推送服务的访问权限', en: 'Access to this push service is not granted' };

export function createPushService(deps: PushServiceDeps): PushService {
  const serial = createSerialQueue();
  const read = async () => parsePushStore(await deps.store.getValue());
  const write = (s: PushStore) => deps.store.setValue(s);

  /** Records each channel's outcome on the fresh document (another write may have happened). */
  const record = (outcomes: Map<string, PushOutcome>) =>
    serial(async () => {
      const s = await read();
      const at = deps.now();
      const channels = s.channels.map((e) => {
        const o = outcomes.get(e.id);
        if (!o) return e;
        return { ...e, status: o.ok ? { ...e.status, lastOkAt: at } : { ...e.status, lastError: { at, message: o.error.message } } };
      });
      await write({ ...s, channels });
    });

  async function sendOn(e: PushEntry, message: PushMessage): Promise<PushOutcome> {
    if (!(await deps.permitted(channelOrigin(e.channel)).catch(() => false))) {
      return { ok: false, error: { code: 'refused', message: NO_PERMISSION } };
    }
    return sendPush(e.channel, message, { ...(deps.fetch ? { fetch: deps.fetch } : {}), now: deps.now() });
  }

  return {
    async list() {
      const s = await read();
      return { channels: s.channels.map(view), unreadable: s.unreadable?.length ?? 0 };
    },
    save(req) {
      return serial(async () => {
        const s = await read();
        const id = req.id && s.channels.some((e) => e.id === req.id) ? req.id : `${req.channel.kind}-${deps.now().toString(36)}`;
        const entry: PushEntry = { id, enabled: req.enabled, channel: req.channel as PushChannel, status: {} };
        const others = s.channels.filter((e) => e.id !== id);
        if (others.length >= MAX_PUSH_CHANNELS) throw new Error(`at most ${MAX_PUSH_CHANNELS} push channels`);
        await write({ ...s, channels: [...others, entry] });
        return { id };
      });
    },
    enable({ id, enabled }) {
      return serial(async () => {
        const s = await read();
        if (!s.channels.some((e) => e.id === id)) return { ok: false };
        await write({ ...s, channels: s.channels.map((e) => (e.id === id ? { ...e, enabled } : e)) });
        return { ok: true };
      });
    },
    remove({ id }) {
      return serial(async () => {
        const s = await read();
        const channels = s.channels.filter((e) => e.id !== id);
        if (channels.length === s.channels.length) return { removed: false };
        await write({ ...s, channels });
        return { removed: true };
      });
    },
    async test({ id }) {
      const e = (await read()).channels.find((c) => c.id === id);
      if (!e) return { ok: false, error: { code: 'refused', message: { zh: '没有这个推送渠道', en: 'No such push channel' } } };
      if (deps.settings) await startLanguage((await deps.settings()).language);
      const out = await sendOn(e, { title: t('notify_testTitle'), body: t('notify_testBody') });
      await record(new Map([[id, out]]));
      return out;
    },
    async alert(key, message) {
      const checked = pushMessageSchema().safeParse(message);
      if (!checked.success) return { sent: 0, failed: 0, held: 'no-channel' };
      // The cap is decided (and the key spent) before sending, in one step, so two alerts for
      // the same transition cannot both pass.
      const go = await serial(async () => {
        const s = await read();
        const enabled = s.channels.filter((e) => e.enabled);
        if (enabled.length === 0) return { channels: [] as PushEntry[], held: 'no-channel' as const };
        const d = allowPush(s.limit, key, deps.now(), deps.perHour);
        await write({ ...s, limit: d.state });
        return d.send ? { channels: enabled } : { channels: [] as PushEntry[], held: d.why };
      });
      if (go.channels.length === 0) return { sent: 0, failed: 0, ...(go.held ? { held: go.held } : {}) };
      const results = await Promise.all(go.channels.map(async (e) => [e.id, await sendOn(e, checked.data).catch((x: unknown) => failure(x))] as const));
      await record(new Map(results));
      const sent = results.filter(([, o]) => o.ok).length;
      return { sent, failed: results.length - sent };
    },
  };
}

function failure(e: unknown): PushOutcome {
  const why = e instanceof Error ? e.message : String(e);
  return { ok: false, error: { code: 'network', message: { zh: `推送失败：${why}`, en: `Push failed: ${why}` } } };
}

/** Registers push.* (options page). */
export function registerPushHandlers(svc: PushService): void {
  onMessage('push.list', () => svc.list());
  onMessage('push.save', (req) => svc.save(req));
  onMessage('push.enable', (req) => svc.enable(req));
  onMessage('push.remove', (req) => svc.remove(req));
  onMessage('push.test', (req) => svc.test(req));
}
