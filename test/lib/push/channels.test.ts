// What a channel configuration may hold, the host it needs, and how its secret is shown.
import { describe, expect, it } from 'vitest';
import { channelOrigin, maskSecret, pushChannelSchema, type PushChannel } from '../../../lib/push/channels';

describe('push channels', () => {
  it('takes defaults for the public servers and refuses http, credentials in URLs and odd tokens', () => {
    expect(pushChannelSchema().parse({ kind: 'ntfy', topic: 'railair-x' })).toEqual({ kind: 'ntfy', topic: 'railair-x', server: 'https://ntfy.sh' });
    expect(pushChannelSchema().safeParse({ kind: 'bark', server: 'http://bark.example.org', deviceKey: 'k' }).success).toBe(false);
    expect(pushChannelSchema().safeParse({ kind: 'bark', server: 'https://u:p@bark.example.org', deviceKey: 'k' }).success).toBe(false);
    expect(pushChannelSchema().safeParse({ kind: 'wecom', key: 'a/../b' }).success).toBe(false);
    expect(pushChannelSchema().safeParse({ kind: 'telegram', botToken: '1:A', chatId: 'me' }).success).toBe(false);
    expect(pushChannelSchema().safeParse({ kind: 'mail', to: 'x' }).success).toBe(false);
  });

  it('names the one host each channel needs (a self-hosted server’s own)', () => {
    const p = (c: unknown) => channelOrigin(pushChannelSchema().parse(c) as PushChannel);
    expect(p({ kind: 'bark', deviceKey: 'k' })).toBe('https://api.day.app/*');
    expect(p({ kind: 'ntfy', server: 'https://ntfy.example.org:8443/base', topic: 't' })).toBe('https://ntfy.example.org:8443/*');
    expect(p({ kind: 'feishu', hookId: 'h' })).toBe('https://open.feishu.cn/*');
  });

  it('masks a secret but its last four characters', () => {
    expect(maskSecret('SCT1234567890abcd')).toBe('••••••••abcd');
    expect(maskSecret('abc')).toBe('••••');
  });
});
