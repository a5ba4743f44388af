// Push channels a watch alert can go to besides the desktop notification (Bark, ntfy, Server酱
// Turbo, PushPlus, a Telegram bot, WeCom / DingTalk / Feishu group-bot webhooks): what each needs,
// as stored (keys and tokens stay in storage.local, never synced, never exported). One schema
// per kind, zod/mini, checked wherever a configuration is read or saved.
import * as z from 'zod/mini';
import { once } from '../messaging';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
/** A token or key as the services issue them: letters, digits and a few separators. */
const token = (max = 200) => z.string().check(z.regex(/^[A-Za-z0-9_\-:.]+$/, 'letters, digits, _ - : . only'), z.maxLength(max));
const httpsUrl = (max = 200) =>
  z.string().check(
    z.maxLength(max),
    z.refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'https:' && !u.username && !u.password;
      } catch {
        return false;
      }
    }, 'an https:// address'),
  );

export const pushChannelSchema = once(() =>
  z.discriminatedUnion('kind', [
    /** Bark (iOS): the device key from the app; a self-hosted server may replace api.day.app. */
    z.object({ kind: z.literal('bark'), server: z._default(httpsUrl(), 'https://api.day.app'), deviceKey: token(64) }),
    /** ntfy: a topic (the topic is the password); optional access token for protected topics. */
    z.object({ kind: z.literal('ntfy'), server: z._default(httpsUrl(), 'https://ntfy.sh'), topic: token(64), accessToken: z.optional(token(100)) }),
    /** Server酱 Turbo: the SendKey (SCT…). */
    z.object({ kind: z.literal('serverchan'), sendKey: token(100) }),
    /** PushPlus (推送加): the user token. */
    z.object({ kind: z.literal('pushplus'), token: token(64) }),
    /** A Telegram bot the user created, and the chat it writes to. */
    z.object({ kind: z.literal('telegram'), botToken: token(100), chatId: z.string().check(z.regex(/^-?\d{1,20}$|^@[A-Za-z0-9_]{5,32}$/)) }),
    /** WeCom (企业微信) group bot: the key of its webhook address. */
    z.object({ kind: z.literal('wecom'), key: token(64) }),
    /** DingTalk (钉钉) group bot: access token, and the signing secret when the bot is set to "加签". */
    z.object({ kind: z.literal('dingtalk'), accessToken: token(100), secret: z.optional(token(100)) }),
    /** Feishu (飞书) group bot: the hook id of its address, and the signing secret when set. */
    z.object({ kind: z.literal('feishu'), hookId: token(100), secret: z.optional(token(100)) }),
  ]),
);
export type PushChannel = z.infer<ReturnType<typeof pushChannelSchema>>;
export type PushKind = PushChannel['kind'];

export const PUSH_KINDS = ['bark', 'ntfy', 'serverchan', 'pushplus', 'telegram', 'wecom', 'dingtalk', 'feishu'] as const satisfies readonly PushKind[];

/** What one alert says, whatever the channel: a title, the lines of the body, and the link to act on. */
export interface PushMessage {
  title: string;
  body: string;
  url?: string;
}

export const pushMessageSchema = once(() => z.object({ title: text(100), body: text(2000), url: z.optional(httpsUrl(1000)) }));

/** The origin a channel sends to: the optional host permission asked for when the user turns it on. */
export function channelOrigin(c: PushChannel): string {
  switch (c.kind) {
    case 'bark':
    case 'ntfy':
      return `${new URL(c.server).origin}/*`;
    case 'serverchan':
      return 'https://sctapi.ftqq.com/*';
    case 'pushplus':
      return 'https://www.pushplus.plus/*';
    case 'telegram':
      return 'https://api.telegram.org/*';
    case 'wecom':
      return 'https://qyapi.weixin.qq.com/*';
    case 'dingtalk':
      return 'https://oapi.dingtalk.com/*';
    case 'feishu':
      return 'https://open.feishu.cn/*';
  }
}

/**
 * The optional host permissions of the push services (wxt.config.ts declares them; each is asked
 * for only when the user adds that channel). Self-hosted Bark and ntfy servers may be anywhere, so
 * `https://*\/*` is optional too — and still asked for one exact origin at a time.
 */
export const PUSH_ORIGINS = [
  'https://api.day.app/*',
  'https://ntfy.sh/*',
  'https://sctapi.ftqq.com/*',
  'https://www.pushplus.plus/*',
  'https://api.telegram.org/*',
  'https://qyapi.weixin.qq.com/*',
  'https://oapi.dingtalk.com/*',
  'https://open.feishu.cn/*',
];

/** The secret parts of a channel, masked for display (the last 4 characters kept). */
export function maskSecret(v: string): string {
  return v.length <= 4 ? '••••' : `${'•'.repeat(Math.min(8, v.length - 4))}${v.slice(-4)}`;
}
