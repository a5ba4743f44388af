// The push services as the replay serves them, each answering as the real one does (success and
// its own refusal shape; an HTTP 200 with an error code where the real one does that), and
// keeping what it received so an e2e test can assert the exact message a phone would show.
// Reached like the sites, through --host-resolver-rules (hosts in ./cert.ts REPLAY_HOSTS).

import { JSON_TYPE, notFound, type Handler, type Reply, type ReplayRequestIn } from './reply';

export const PUSH_HOSTS = [
  'api.day.app',
  'ntfy.sh',
  'sctapi.ftqq.com',
  'www.pushplus.plus',
  'api.telegram.org',
  'qyapi.weixin.qq.com',
  'oapi.dingtalk.com',
  'open.feishu.cn',
] as const;

/** One push a service accepted: which service, and the text as the phone shows it. */
export interface ReceivedPush {
  host: string;
  /** The key, token or topic it was addressed with. */
  to: string;
  title?: string;
  text: string;
  url?: string;
  at: number;
}

const ok = (body: unknown): Reply => ({ status: 200, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(body) });

function json(req: ReplayRequestIn): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(req.body);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const s = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A handler per push host; `received` collects every push that was accepted. */
export function pushHandler(received: ReceivedPush[]): Handler {
  const take = (p: Omit<ReceivedPush, 'at'>) => void received.push({ ...p, at: Date.now() });
  return (req) => {
    if (req.method !== 'POST') return { status: 405, body: 'POST only' };
    const j = json(req);
    switch (req.host) {
      case 'api.day.app': {
        if (req.path !== '/push') return notFound();
        const key = s(j?.device_key);
        if (!key || !s(j?.body)) return { status: 400, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ code: 400, message: 'failed to get device token' }) };
        take({ host: req.host, to: key, title: s(j?.title), text: s(j?.body)!, url: s(j?.url) });
        return ok({ code: 200, message: 'success', timestamp: Math.floor(Date.now() / 1000) });
      }
      case 'ntfy.sh': {
        const topic = s(j?.topic);
        if (req.path !== '/' || !topic) return { status: 400, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ code: 40001, http: 400, error: 'invalid request' }) };
        take({ host: req.host, to: topic, title: s(j?.title), text: s(j?.message) ?? '', url: s(j?.click) });
        return ok({ id: `r${Date.now().toString(36)}`, time: Math.floor(Date.now() / 1000), event: 'message', topic });
      }
      case 'sctapi.ftqq.com': {
        const m = /^\/([A-Za-z0-9_\-:.]+)\.send$/.exec(req.path);
        if (!m) return ok({ code: 40001, message: 'bad pushkey' });
        const form = new URLSearchParams(req.body);
        take({ host: req.host, to: m[1]!, title: form.get('title') ?? undefined, text: form.get('desp') ?? '' });
        return ok({ code: 0, message: '', data: { pushid: '1', readkey: 'r', error: 'SUCCESS', errno: 0 } });
      }
      case 'www.pushplus.plus': {
        const token = s(j?.token);
        if (req.path !== '/send' || !token) return ok({ code: 900, msg: '用户账号使用受限', data: null });
        take({ host: req.host, to: token, title: s(j?.title), text: s(j?.content) ?? '' });
        return ok({ code: 200, msg: '请求成功', data: 'r1' });
      }
      case 'api.telegram.org': {
        const m = /^\/bot([^/]+)\/sendMessage$/.exec(req.path);
        if (!m) return { status: 404, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }) };
        take({ host: req.host, to: String(j?.chat_id ?? ''), text: s(j?.text) ?? '' });
        return ok({ ok: true, result: { message_id: 1 } });
      }
      case 'qyapi.weixin.qq.com': {
        const key = req.query.get('key');
        if (req.path !== '/cgi-bin/webhook/send' || !key) return ok({ errcode: 93000, errmsg: 'invalid webhook url' });
        take({ host: req.host, to: key, text: s((j?.text as Record<string, unknown> | undefined)?.content) ?? '' });
        return ok({ errcode: 0, errmsg: 'ok' });
      }
      case 'oapi.dingtalk.com': {
        const token = req.query.get('access_token');
        if (req.path !== '/robot/send' || !token) return ok({ errcode: 300001, errmsg: 'token is not exist' });
        take({ host: req.host, to: token, text: s((j?.text as Record<string, unknown> | undefined)?.content) ?? '' });
        return ok({ errcode: 0, errmsg: 'ok' });
      }
      case 'open.feishu.cn': {
        const m = /^\/open-apis\/bot\/v2\/hook\/([^/]+)$/.exec(req.path);
        if (!m) return ok({ code: 19001, msg: 'param invalid: incoming webhook access token invalid' });
        take({ host: req.host, to: m[1]!, text: s((j?.content as Record<string, unknown> | undefined)?.text) ?? '' });
        return ok({ code: 0, msg: 'success', data: {} });
      }
    }
    return notFound();
  };
}
