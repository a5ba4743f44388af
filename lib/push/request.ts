// The HTTP request each push service expects for one message (their documented wire formats).
// Pure apart from the clock and WebCrypto for the two signed webhooks, so every format is tested
// byte for byte and the replay server can stand in for each host.
import type { PushChannel, PushMessage } from './channels';
import { hmacSha256 } from '../util/hmac';

export interface PushRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

const json = (url: string, payload: unknown, headers: Record<string, string> = {}): PushRequest => ({
  url,
  method: 'POST',
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(payload),
});

/** Chat bots take one text: the title, the body, then the link on its own line. */
const plainText = (m: PushMessage) => [m.title, m.body, m.url].filter(Boolean).join('\n');

async function hmacSha256Base64(key: string, message: string): Promise<string> {
  let bin = '';
  for (const b of await hmacSha256(key, message)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The request for `message` on `channel`; `now` (epoch ms) only matters to the signed webhooks. */
export async function buildPushRequest(channel: PushChannel, message: PushMessage, now: number): Promise<PushRequest> {
  switch (channel.kind) {
    case 'bark':
      return json(`${channel.server.replace(/\/+$/, '')}/push`, {
        device_key: channel.deviceKey,
        title: message.title,
        body: message.body,
        group: 'RailAir',
        ...(message.url ? { url: message.url } : {}),
      });
    case 'ntfy':
      // JSON publishing (POST to the server root): titles in Chinese need no header encoding.
      return json(
        `${channel.server.replace(/\/+$/, '')}/`,
        { topic: channel.topic, title: message.title, message: message.body, ...(message.url ? { click: message.url } : {}) },
        channel.accessToken ? { Authorization: `Bearer ${channel.accessToken}` } : {},
      );
    case 'serverchan': {
      const form = new URLSearchParams({ title: message.title, desp: message.url ? `${message.body}\n\n${message.url}` : message.body });
      return {
        url: `https://sctapi.ftqq.com/${encodeURIComponent(channel.sendKey)}.send`,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: form.toString(),
      };
    }
    case 'pushplus':
      return json('https://www.pushplus.plus/send', {
        token: channel.token,
        title: message.title,
        content: message.url ? `${message.body}\n${message.url}` : message.body,
        template: 'txt',
      });
    case 'telegram':
      return json(`https://api.telegram.org/bot${channel.botToken}/sendMessage`, {
        chat_id: channel.chatId,
        text: plainText(message),
        disable_web_page_preview: true,
      });
    case 'wecom':
      return json(`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${encodeURIComponent(channel.key)}`, {
        msgtype: 'text',
        text: { content: plainText(message) },
      });
    case 'dingtalk': {
      let url = `https://oapi.dingtalk.com/robot/send?access_token=${encodeURIComponent(channel.accessToken)}`;
      if (channel.secret) {
        // 加签: HMAC-SHA256 of "timestamp\nsecret" keyed by the secret, base64, in the query.
        const sign = await hmacSha256Base64(channel.secret, `${now}\n${channel.secret}`);
        url += `&timestamp=${now}&sign=${encodeURIComponent(sign)}`;
      }
      return json(url, { msgtype: 'text', text: { content: plainText(message) } });
    }
    case 'feishu': {
      const payload: Record<string, unknown> = { msg_type: 'text', content: { text: plainText(message) } };
      if (channel.secret) {
        // Feishu's signature: HMAC-SHA256 keyed by "timestamp\nsecret" over an empty message, seconds.
        const ts = Math.floor(now / 1000);
        payload.timestamp = String(ts);
        payload.sign = await hmacSha256Base64(`${ts}\n${channel.secret}`, '');
      }
      return json(`https://open.feishu.cn/open-apis/bot/v2/hook/${encodeURIComponent(channel.hookId)}`, payload);
    }
  }
}
