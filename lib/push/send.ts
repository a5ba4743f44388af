// Sending one push and reading the service's answer: each service says "done" its own way (an
// HTTP 200 is not enough: WeCom, DingTalk and Feishu answer 200 with an error code in the body).
// Never throws: a typed outcome, with the service's own words when it refused.
import type { Bilingual } from '../i18n';
import type { PushChannel, PushMessage } from './channels';
import { buildPushRequest } from './request';

export type PushOutcome = { ok: true } | { ok: false; error: { code: 'network' | 'timeout' | 'http' | 'refused'; message: Bilingual } };

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

const refused = (said: string): PushOutcome => ({ ok: false, error: { code: 'refused', message: { zh: `推送服务拒绝：${said}`, en: `The push service refused: ${said}` } } });

/** Whether the service accepted the message, from its JSON answer. */
export function readAnswer(kind: PushChannel['kind'], status: number, body: string): PushOutcome {
  if (status < 200 || status >= 300) {
    return { ok: false, error: { code: 'http', message: { zh: `推送服务返回 HTTP ${status}`, en: `The push service answered HTTP ${status}` } } };
  }
  let j: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') j = parsed as Record<string, unknown>;
  } catch {
    // ntfy answers JSON too; a body that is not JSON is only fine where the status says it all.
    if (kind === 'ntfy') return { ok: true };
    return refused(body.slice(0, 120) || 'not JSON');
  }
  const said = String(j.msg ?? j.message ?? j.errmsg ?? j.description ?? j.error ?? '').slice(0, 200);
  switch (kind) {
    case 'bark':
    case 'pushplus':
      return j.code === 200 ? { ok: true } : refused(said || `code ${String(j.code)}`);
    case 'serverchan':
      return j.code === 0 ? { ok: true } : refused(said || `code ${String(j.code)}`);
    case 'ntfy':
      return typeof j.id === 'string' ? { ok: true } : refused(said || 'no message id');
    case 'telegram':
      return j.ok === true ? { ok: true } : refused(said || 'not ok');
    case 'wecom':
    case 'dingtalk':
      return j.errcode === 0 ? { ok: true } : refused(said || `errcode ${String(j.errcode)}`);
    case 'feishu':
      // Newer answers carry `code`, older ones `StatusCode`.
      return j.code === 0 || j.StatusCode === 0 ? { ok: true } : refused(said || `code ${String(j.code ?? j.StatusCode)}`);
  }
}

/** Sends `message` on `channel` (10 s timeout by default). */
export async function sendPush(channel: PushChannel, message: PushMessage, deps: { fetch?: Fetch; now?: number; timeoutMs?: number } = {}): Promise<PushOutcome> {
  const doFetch: Fetch = deps.fetch ?? ((u, i) => fetch(u, i));
  const req = await buildPushRequest(channel, message, deps.now ?? Date.now());
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), deps.timeoutMs ?? 10_000);
  try {
    const res = await doFetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: ctl.signal, credentials: 'omit', redirect: 'error' });
    return readAnswer(channel.kind, res.status, await res.text());
  } catch (e) {
    if (ctl.signal.aborted) return { ok: false, error: { code: 'timeout', message: { zh: '推送服务 10 秒内无响应', en: 'The push service did not answer in time' } } };
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'network', message: { zh: `无法连接推送服务：${why}`, en: `Could not reach the push service: ${why}` } } };
  } finally {
    clearTimeout(timer);
  }
}
