import { describe, expect, it } from 'vitest';
import { watchPush } from '../../../lib/push/watch-alert';
import { pushMessageSchema } from '../../../lib/push/channels';

const n = {
  title: '有票了：G101 二等座',
  message: 'G101 07:00 二等座 余5张 ¥669.00\n北京南 → 上海虹桥 2026-12-01',
  url: 'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC%E5%8D%97,VNP&ts=%E4%B8%8A%E6%B5%B7%E8%99%B9%E6%A1%A5,AOH&date=2026-12-01&flag=N,N,Y',
  buttonTitle: '打开 12306 购票',
};

describe('a watch alert as a push', () => {
  it('carries the notification’s words and link, valid for every channel', () => {
    const p = watchPush('w1', n);
    expect(p.message).toEqual({ title: n.title, body: n.message, url: n.url });
    expect(pushMessageSchema().safeParse(p.message).success).toBe(true);
  });

  it('keys one push per watch per thing said: the same news again is the same key, new news a new one', () => {
    expect(watchPush('w1', n).key).toBe(watchPush('w1', { ...n }).key);
    expect(watchPush('w1', { ...n, message: n.message.replace('余5张', '余2张') }).key).not.toBe(watchPush('w1', n).key);
    expect(watchPush('w2', n).key).not.toBe(watchPush('w1', n).key);
  });
});
