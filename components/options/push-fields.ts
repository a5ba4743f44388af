// What the push form asks for each kind of channel: its name as users know it, where to find the
// key, and the fields of lib/push/channels.ts' schema (secret ones are typed, never shown back).
import type { MessageKey } from '../../lib/i18n/catalog';
import type { PushKind } from '../../lib/push/channels';

export interface PushField {
  name: string;
  label: MessageKey;
  secret: boolean;
  optional?: boolean;
  placeholder?: string;
}

export interface PushKindInfo {
  label: MessageKey;
  fields: PushField[];
}

export const PUSH_KIND_INFO: Record<PushKind, PushKindInfo> = {
  bark: {
    label: 'options_pushKindBark',
    fields: [
      { name: 'deviceKey', label: 'options_pushFieldDeviceKey', secret: true },
      { name: 'server', label: 'options_pushFieldServer', secret: false, optional: true, placeholder: 'https://api.day.app' },
    ],
  },
  ntfy: {
    label: 'options_pushKindNtfy',
    fields: [
      { name: 'topic', label: 'options_pushFieldTopic', secret: true },
      { name: 'server', label: 'options_pushFieldServer', secret: false, optional: true, placeholder: 'https://ntfy.sh' },
      { name: 'accessToken', label: 'options_pushFieldAccessToken', secret: true, optional: true },
    ],
  },
  serverchan: { label: 'options_pushKindServerChan', fields: [{ name: 'sendKey', label: 'options_pushFieldSendKey', secret: true }] },
  pushplus: { label: 'options_pushKindPushPlus', fields: [{ name: 'token', label: 'options_pushFieldToken', secret: true }] },
  telegram: {
    label: 'options_pushKindTelegram',
    fields: [
      { name: 'botToken', label: 'options_pushFieldBotToken', secret: true },
      { name: 'chatId', label: 'options_pushFieldChatId', secret: false, placeholder: '123456789' },
    ],
  },
  wecom: { label: 'options_pushKindWeCom', fields: [{ name: 'key', label: 'options_pushFieldWebhookKey', secret: true }] },
  dingtalk: {
    label: 'options_pushKindDingTalk',
    fields: [
      { name: 'accessToken', label: 'options_pushFieldDingToken', secret: true },
      { name: 'secret', label: 'options_pushFieldDingSecret', secret: true, optional: true },
    ],
  },
  feishu: {
    label: 'options_pushKindFeishu',
    fields: [
      { name: 'hookId', label: 'options_pushFieldHookId', secret: true },
      { name: 'secret', label: 'options_pushFieldFeishuSecret', secret: true, optional: true },
    ],
  },
};
