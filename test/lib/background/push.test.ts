// The push service as options and watch alerts use it: channels saved with their keys and shown
// masked, a test send per channel, an alert sent to every enabled channel at once with one
// channel's failure recorded but never blocking the others, and the cap applied once per alert.
import { describe, expect, it } from 'vitest';
import { createPushService } from '../../../lib/background/push';
import type { StoredValue } from '../../../lib/store/item';
import { parsePushStore, type PushStore } from '../../../lib/store/push';
import { useTestLanguage } from '../../support/i18n';

function memory(initial: unknown = null): StoredValue<PushStore | null> & { raw: () => unknown } {
  let v: unknown = initial;
  return { getValue: async () => v as PushStore | null, setValue: async (x) => void (v = structuredClone(x)), raw: () => v };
}

/** A fake of the push services: answers per host, and records what each received. */
function services(answers: Record<string, { status: number; body: string } | 'down'>) {
  const got: { host: string; url: string; body: string }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const host = new URL(url).host;
    got.push({ host, url, body: String(init.body ?? '') });
    const a = answers[host];
    if (!a || a === 'down') throw new TypeError('Failed to fetch');
    return new Response(a.body, { status: a.status });
  };
  return { fetch, got };
}

const WECOM_OK = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
const BARK_OK = { status: 200, body: '{"code":200,"message":"success"}' };
const alert = { title: 'G101 二等座有票', body: '北京南 → 上海虹桥 12月1日 07:00，二等座 5 张，¥669', url: 'https://kyfw.12306.cn/otn/leftTicket/init' };

describe('push service', () => {
  it('keeps keys in, shows them masked, and never hands a secret back', async () => {
    const store = memory();
    let t = 1_000;
    const svc = createPushService({ store, now: () => t++, permitted: async () => true, fetch: services({}).fetch });
    const { id } = await svc.save({ enabled: true, channel: { kind: 'bark', deviceKey: 'abcdefgh1234WXYZ' } });
    const list = await svc.list();
    expect(list.channels).toEqual([
      { id, kind: 'bark', enabled: true, summary: 'api.day.app · ••••••••WXYZ', origin: 'https://api.day.app/*', status: {} },
    ]);
    expect(JSON.stringify(list)).not.toContain('abcdefgh');
    // Stored locally with the key (the only place it lives).
    expect(parsePushStore(store.raw()).channels[0]?.channel).toMatchObject({ deviceKey: 'abcdefgh1234WXYZ' });
  });

  it('sends a test on one channel and records the success or the service’s own words', async () => {
    const { fetch, got } = services({ 'qyapi.weixin.qq.com': { status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' }, 'api.day.app': BARK_OK });
    const svc = createPushService({ store: memory(), now: () => 5_000, permitted: async () => true, fetch });
    const wecom = await svc.save({ enabled: true, channel: { kind: 'wecom', key: 'key1' } });
    const bark = await svc.save({ enabled: true, channel: { kind: 'bark', deviceKey: 'dev1' } });
    expect(await svc.test(wecom)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await svc.test(bark)).toEqual({ ok: true });
    expect(got.map((g) => g.host)).toEqual(['qyapi.weixin.qq.com', 'api.day.app']);
    const byId = Object.fromEntries((await svc.list()).channels.map((c) => [c.id, c.status]));
    expect(byId[wecom.id]).toEqual({ lastError: { at: 5_000, message: expect.objectContaining({ en: expect.stringContaining('invalid webhook url') }) } });
    expect(byId[bark.id]).toEqual({ lastOkAt: 5_000 });
  });

  it('sends an alert to every enabled channel at once; a failing one does not stop the others', async () => {
    const { fetch, got } = services({ 'qyapi.weixin.qq.com': 'down', 'api.day.app': BARK_OK, 'oapi.dingtalk.com': WECOM_OK });
    const svc = createPushService({ store: memory(), now: () => 9_000, permitted: async () => true, fetch });
    await svc.save({ enabled: true, channel: { kind: 'wecom', key: 'key1' } });
    await svc.save({ enabled: true, channel: { kind: 'bark', deviceKey: 'dev1' } });
    const off = await svc.save({ enabled: false, channel: { kind: 'dingtalk', accessToken: 'tok' } });
    expect(await svc.alert('w1|seats', alert)).toEqual({ sent: 1, failed: 1 });
    expect(got.map((g) => g.host).sort()).toEqual(['api.day.app', 'qyapi.weixin.qq.com']);
    expect(got.find((g) => g.host === 'api.day.app')?.body).toContain('G101');
    const statuses = (await svc.list()).channels;
    expect(statuses.find((c) => c.kind === 'wecom')?.status.lastError?.message.en).toContain('Failed to fetch');
    expect(statuses.find((c) => c.kind === 'bark')?.status.lastOkAt).toBe(9_000);
    expect(statuses.find((c) => c.id === off.id)?.status).toEqual({});
  });

  it('pushes once per watch transition and at most perHour an hour, however many channels', async () => {
    const { fetch, got } = services({ 'api.day.app': BARK_OK, 'qyapi.weixin.qq.com': WECOM_OK });
    let now = 0;
    const svc = createPushService({ store: memory(), now: () => now, permitted: async () => true, fetch, perHour: 3 });
    await svc.save({ enabled: true, channel: { kind: 'wecom', key: 'key1' } });
    await svc.save({ enabled: true, channel: { kind: 'bark', deviceKey: 'dev1' } });
    expect(await svc.alert('w1|t1', alert)).toEqual({ sent: 2, failed: 0 });
    expect(await svc.alert('w1|t1', alert)).toEqual({ sent: 0, failed: 0, held: 'already-sent' });
    now = 60_000;
    await svc.alert('w1|t2', alert);
    await svc.alert('w2|t1', alert);
    expect(await svc.alert('w3|t1', alert)).toEqual({ sent: 0, failed: 0, held: 'hourly-cap' });
    expect(got).toHaveLength(6);
    now = 60 * 60_000 + 1;
    expect(await svc.alert('w3|t1', alert)).toEqual({ sent: 2, failed: 0 });
  });

  it('words the test push in the user’s language, one language only', async () => {
    const said = async (language: 'zh-CN' | 'en') => {
      useTestLanguage(language);
      const { fetch, got } = services({ 'api.day.app': BARK_OK });
      const svc = createPushService({ store: memory(), now: () => 1, permitted: async () => true, fetch, settings: async () => ({ language }) });
      const bark = await svc.save({ enabled: true, channel: { kind: 'bark', deviceKey: 'dev1' } });
      expect(await svc.test(bark)).toEqual({ ok: true });
      return decodeURIComponent(`${got[0]!.url}\n${got[0]!.body}`);
    };
    const zh = await said('zh-CN');
    expect(zh).toContain('RailAir 测试');
    expect(zh).toContain('这是一条测试推送：有余票时会这样通知您。');
    expect(zh).not.toContain('A test push');
    const en = await said('en');
    expect(en).toContain('RailAir test');
    expect(en).toContain('A test push: this is how RailAir tells you seats are back.');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('does not send where the user revoked the host permission, and says so', async () => {
    const { fetch, got } = services({ 'api.day.app': BARK_OK });
    const svc = createPushService({ store: memory(), now: () => 1, permitted: async (o) => o !== 'https://api.day.app/*', fetch });
    const bark = await svc.save({ enabled: true, channel: { kind: 'bark', deviceKey: 'dev1' } });
    expect(await svc.test(bark)).toMatchObject({ ok: false, error: { message: { en: 'Access to this push service is not granted' } } });
    expect(got).toHaveLength(0);
  });

  it('keeps a channel this build cannot read, and counts it', async () => {
    const store = memory({ channels: [{ id: 'future-1', enabled: true, channel: { kind: 'pigeon', coo: 1 } }], limit: { sent: [], keys: [] } });
    const svc = createPushService({ store, now: () => 1, permitted: async () => true, fetch: services({}).fetch });
    expect((await svc.list()).unreadable).toBe(1);
    await svc.save({ enabled: true, channel: { kind: 'wecom', key: 'k' } });
    expect((store.raw() as PushStore).unreadable).toEqual([{ id: 'future-1', enabled: true, channel: { kind: 'pigeon', coo: 1 } }]);
  });
});
