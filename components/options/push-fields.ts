// What the push form asks for each kind of channel: its name as users know it, where to find the
// key, and the fields of lib/push/channels.ts' schema (secret ones are typed, never shown back).
import type { PushKind } from '../../lib/push/channels';

export interface PushField {
  name: string;
  zh: string;
  en: string;
  secret: boolean;
  optional?: boolean;
  placeholder?: string;
}

export interface PushKindInfo {
  zh: string;
  en: string;
  fields: PushField[];
}

export const PUSH_KIND_INFO: Record<PushKind, PushKindInfo> = {
  bark: {
    zh: 'Bark（iPhone）',
    en: 'Bark (iPhone)',
    fields: [
      { name: 'deviceKey', zh: '设备 Key', en: 'Device key', secret: true },
      { name: 'server', zh: '服务器（自建时填写）', en: 'Server (if self-hosted)', secret: false, optional: true, placeholder: 'https://api.day.app' },
    ],
  },
  ntfy: {
    zh: 'ntfy',
    en: 'ntfy',
    fields: [
      { name: 'topic', zh: '主题', en: 'Topic', secret: true },
      { name: 'server', zh: '服务器（自建时填写）', en: 'Server (if self-hosted)', secret: false, optional: true, placeholder: 'https://ntfy.sh' },
      { name: 'accessToken', zh: '访问令牌（可选）', en: 'Access token (optional)', secret: true, optional: true },
    ],
  },
  serverchan: { zh: 'Server酱 Turbo（微信）', en: 'ServerChan Turbo (WeChat)', fields: [{ name: 'sendKey', zh: 'SendKey', en: 'SendKey', secret: true }] },
  pushplus: { zh: 'PushPlus 推送加（微信）', en: 'PushPlus (WeChat)', fields: [{ name: 'token', zh: 'Token', en: 'Token', secret: true }] },
  telegram: {
    zh: 'Telegram 机器人',
    en: 'Telegram bot',
    fields: [
      { name: 'botToken', zh: '机器人 Token', en: 'Bot token', secret: true },
      { name: 'chatId', zh: '聊天 ID', en: 'Chat ID', secret: false, placeholder: '123456789' },
    ],
  },
  wecom: { zh: '企业微信群机器人', en: 'WeCom group bot', fields: [{ name: 'key', zh: 'Webhook key', en: 'Webhook key', secret: true }] },
  dingtalk: {
    zh: '钉钉群机器人',
    en: 'DingTalk group bot',
    fields: [
      { name: 'accessToken', zh: 'access_token', en: 'access_token', secret: true },
      { name: 'secret', zh: '加签密钥（可选）', en: 'Signing secret (optional)', secret: true, optional: true },
    ],
  },
  feishu: {
    zh: '飞书群机器人',
    en: 'Feishu group bot',
    fields: [
      { name: 'hookId', zh: 'Webhook ID', en: 'Webhook ID', secret: true },
      { name: 'secret', zh: '签名密钥（可选）', en: 'Signing secret (optional)', secret: true, optional: true },
    ],
  },
};
