// Whether a push went out, read from each service's own answer; never a throw.
import { describe, expect, it } from 'vitest';
import { pushChannelSchema, type PushChannel } from '../../../lib/push/channels';
import { readAnswer, sendPush } from '../../../lib/push/send';

const msg = { title: 't', body: 'b' };
const ch = (c: unknown) => pushChannelSchema().parse(c) as PushChannel;

describe('push answers', () => {
  it('accepts each service’s success, and refuses a 200 that carries an error code', () => {
    expect(readAnswer('bark', 200, '{"code":200,"message":"success"}')).toEqual({ ok: true });
    expect(readAnswer('serverchan', 200, '{"code":0,"message":"","data":{}}')).toEqual({ ok: true });
    expect(readAnswer('pushplus', 200, '{"code":200,"msg":"请求成功"}')).toEqual({ ok: true });
    expect(readAnswer('telegram', 200, '{"ok":true,"result":{}}')).toEqual({ ok: true });
    expect(readAnswer('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(readAnswer('dingtalk', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(readAnswer('feishu', 200, '{"code":0,"msg":"success"}')).toEqual({ ok: true });
    expect(readAnswer('feishu', 200, '{"StatusCode":0}')).toEqual({ ok: true });
    expect(readAnswer('ntfy', 200, '{"id":"x1","event":"message"}')).toEqual({ ok: true });

    expect(readAnswer('wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toMatchObject({ ok: false, error: { code: 'refused', message: { en: expect.stringContaining('invalid webhook url') } } });
    expect(readAnswer('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(readAnswer('feishu', 200, '{"code":19021,"msg":"sign match fail"}')).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(readAnswer('telegram', 400, '{"ok":false,"description":"chat not found"}')).toMatchObject({ ok: false, error: { code: 'http' } });
    expect(readAnswer('pushplus', 200, '<html>maintenance</html>')).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('sends with no cookies and no redirects, and turns a network failure or a timeout into an outcome', async () => {
    let init: RequestInit | undefined;
    const ok = await sendPush(ch({ kind: 'wecom', key: 'k' }), msg, {
      fetch: async (_u, i) => ((init = i), new Response('{"errcode":0,"errmsg":"ok"}', { status: 200 })),
    });
    expect(ok).toEqual({ ok: true });
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit', redirect: 'error' });

    const down = await sendPush(ch({ kind: 'wecom', key: 'k' }), msg, { fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(down).toMatchObject({ ok: false, error: { code: 'network' } });

    const slow = await sendPush(ch({ kind: 'wecom', key: 'k' }), msg, {
      timeoutMs: 20,
      fetch: (_u, i) => new Promise((_r, reject) => i.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    });
    expect(slow).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });
});
