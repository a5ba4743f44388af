// A 候补 alert on each channel, byte for byte: what a phone shows when only the waiting list is
// open (train, class, 可候补, price, and the link that joins 12306's waiting list for that train).
import { beforeEach, describe, expect, it } from 'vitest';
import { pushChannelSchema, type PushChannel } from '../../../lib/push/channels';
import { buildPushRequest } from '../../../lib/push/request';
import { watchPush } from '../../../lib/push/watch-alert';
import { waitlistNotification } from '../../../lib/watch/notify';
import { chinaInstant } from '../../../lib/time';
import { DATE, railWatch } from '../watch/support';
import { useTestLanguage } from '../../support/i18n';

const LINK = 'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC,BJP&ts=%E4%B8%8A%E6%B5%B7,SHH&date=2026-11-23&flag=N,N,Y#railair=G101';
const wait = { trainNo: '24000G1010A', code: 'G101', cls: 'ze' as const, name: '二等座', nameEn: 'Second class', n: null, price: 55300, depart: chinaInstant(DATE, 8 * 60), date: DATE };
const ch = (c: unknown) => pushChannelSchema().parse(c) as PushChannel;

async function sent(lang: 'zh-CN' | 'en', channel: unknown) {
  useTestLanguage(lang);
  const p = watchPush('w1', waitlistNotification(railWatch(), [wait], lang));
  const r = await buildPushRequest(ch(channel), p.message, 0);
  return { url: r.url, body: r.headers['Content-Type']?.startsWith('application/json') ? JSON.parse(r.body) : Object.fromEntries(new URLSearchParams(r.body)) };
}

describe('a 候补 alert on each channel', () => {
  beforeEach(() => void useTestLanguage('zh-CN'));
  const title = '可候补：G101 二等座';
  const body = 'G101 08:00 二等座 可候补 ¥553\n北京 → 上海 2026-11-23';

  it('WeCom, DingTalk, Feishu and Telegram: one text, the link on its own line', async () => {
    const text = `${title}\n${body}\n${LINK}`;
    expect(await sent('zh-CN', { kind: 'wecom', key: 'k1' })).toEqual({ url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1', body: { msgtype: 'text', text: { content: text } } });
    expect((await sent('zh-CN', { kind: 'dingtalk', accessToken: 't1' })).body).toEqual({ msgtype: 'text', text: { content: text } });
    expect((await sent('zh-CN', { kind: 'feishu', hookId: 'h1' })).body).toEqual({ msg_type: 'text', content: { text } });
    expect((await sent('zh-CN', { kind: 'telegram', botToken: 'b1', chatId: '42' })).body).toEqual({ chat_id: '42', text, disable_web_page_preview: true });
  });

  it('Bark, ntfy, Server酱 and PushPlus: title, body and the link where each service takes it', async () => {
    expect((await sent('zh-CN', { kind: 'bark', deviceKey: 'd1' })).body).toEqual({ device_key: 'd1', title, body, url: LINK, group: 'RailAir' });
    expect((await sent('zh-CN', { kind: 'ntfy', topic: 't1' })).body).toEqual({ topic: 't1', title, message: body, click: LINK });
    expect((await sent('zh-CN', { kind: 'serverchan', sendKey: 'SCT1' })).body).toEqual({ title, desp: `${body}\n\n${LINK}` });
    expect((await sent('zh-CN', { kind: 'pushplus', token: 'p1' })).body).toEqual({ token: 'p1', title, content: `${body}\n${LINK}`, template: 'txt' });
  });

  it('in English for a reader of English', async () => {
    expect((await sent('en', { kind: 'ntfy', topic: 't1' })).body).toEqual({
      topic: 't1',
      title: 'Waiting list open on G101, Second class',
      message: 'G101 08:00 Second class waiting list open ¥553\n北京 → 上海 2026-11-23',
      click: LINK,
    });
  });
});
