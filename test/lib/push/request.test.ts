// Each push service's request, as its documentation specifies it.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pushChannelSchema, type PushChannel } from '../../../lib/push/channels';
import { buildPushRequest } from '../../../lib/push/request';

const msg = { title: 'G101 二等座有票', body: '北京南 → 上海虹桥 12月20日 二等座 5张 ¥553', url: 'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc' };
const NOW = Date.UTC(2026, 11, 20, 6, 3, 0); // 14:03 China time
const ch = (c: unknown) => pushChannelSchema().parse(c) as PushChannel;
const body = async (c: unknown) => {
  const r = await buildPushRequest(ch(c), msg, NOW);
  return { url: r.url, headers: r.headers, json: r.headers['Content-Type']?.startsWith('application/json') ? JSON.parse(r.body) : r.body };
};

describe('push requests', () => {
  it('Bark: POST /push on the chosen server with the device key, title, body, link and a group', async () => {
    const r = await body({ kind: 'bark', deviceKey: 'AbC123' });
    expect(r.url).toBe('https://api.day.app/push');
    expect(r.json).toEqual({ device_key: 'AbC123', title: msg.title, body: msg.body, url: msg.url, group: 'RailAir' });
    expect((await body({ kind: 'bark', server: 'https://bark.example.org/', deviceKey: 'k' })).url).toBe('https://bark.example.org/push');
  });

  it('ntfy: JSON to the server root with topic, title, message and click; a token as Bearer', async () => {
    const r = await body({ kind: 'ntfy', topic: 'railair-x7', accessToken: 'tk_abc' });
    expect(r.url).toBe('https://ntfy.sh/');
    expect(r.headers.Authorization).toBe('Bearer tk_abc');
    expect(r.json).toEqual({ topic: 'railair-x7', title: msg.title, message: msg.body, click: msg.url });
  });

  it('Server酱 Turbo: a form with title and desp to sctapi.ftqq.com/KEY.send', async () => {
    const r = await body({ kind: 'serverchan', sendKey: 'SCT12345abc' });
    expect(r.url).toBe('https://sctapi.ftqq.com/SCT12345abc.send');
    const form = new URLSearchParams(r.json as string);
    expect(form.get('title')).toBe(msg.title);
    expect(form.get('desp')).toBe(`${msg.body}\n\n${msg.url}`);
  });

  it('PushPlus, Telegram and WeCom: their JSON bodies', async () => {
    expect(await body({ kind: 'pushplus', token: 'tok' })).toMatchObject({
      url: 'https://www.pushplus.plus/send',
      json: { token: 'tok', title: msg.title, content: `${msg.body}\n${msg.url}`, template: 'txt' },
    });
    expect(await body({ kind: 'telegram', botToken: '123:ABC', chatId: '-100200' })).toMatchObject({
      url: 'https://api.telegram.org/bot123:ABC/sendMessage',
      json: { chat_id: '-100200', text: `${msg.title}\n${msg.body}\n${msg.url}`, disable_web_page_preview: true },
    });
    expect(await body({ kind: 'wecom', key: 'wk-1' })).toMatchObject({
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wk-1',
      json: { msgtype: 'text', text: { content: `${msg.title}\n${msg.body}\n${msg.url}` } },
    });
  });

  it('DingTalk: unsigned, or signed with HMAC-SHA256 of "timestamp\\nsecret" in the query', async () => {
    expect((await body({ kind: 'dingtalk', accessToken: 'at1' })).url).toBe('https://oapi.dingtalk.com/robot/send?access_token=at1');
    const signed = await body({ kind: 'dingtalk', accessToken: 'at1', secret: 'SECabc' });
    const sign = createHmac('sha256', 'SECabc').update(`${NOW}\nSECabc`).digest('base64');
    expect(signed.url).toBe(`https://oapi.dingtalk.com/robot/send?access_token=at1&timestamp=${NOW}&sign=${encodeURIComponent(sign)}`);
    expect(signed.json).toEqual({ msgtype: 'text', text: { content: `${msg.title}\n${msg.body}\n${msg.url}` } });
  });

  it('Feishu: the hook address, and when signed, timestamp (seconds) and HMAC keyed by "timestamp\\nsecret"', async () => {
    const r = await body({ kind: 'feishu', hookId: 'h-1', secret: 'fs' });
    const ts = Math.floor(NOW / 1000);
    expect(r.url).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/h-1');
    expect(r.json).toEqual({
      msg_type: 'text',
      content: { text: `${msg.title}\n${msg.body}\n${msg.url}` },
      timestamp: String(ts),
      sign: createHmac('sha256', `${ts}\nfs`).update('').digest('base64'),
    });
  });
});
