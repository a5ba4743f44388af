import { describe, expect, it } from 'vitest';
import { parseDoc, type RailWatch } from '../../../lib/watch/model';
import { DATE, NOON, railWatch } from './support';

/** A document as stored before errors carried one bilingual `message: { zh, en }`. */
function oldDoc() {
  const w = JSON.parse(JSON.stringify(railWatch({ id: 'old' }))) as Record<string, unknown>;
  w.lastError = { code: 'network', message: 'Network error: offline', messageZh: '网络错误：offline', at: NOON };
  return {
    watches: [w],
    routes: {
      [`${DATE}|BJP|SHH`]: { nextAt: NOON + 60_000, failures: 1, lastError: { code: 'network', message: 'Network error: offline', messageZh: '网络错误：offline' } },
    },
    backoff: { code: 'rate-limited', message: '12306 is limiting requests', messageZh: '12306 请求过于频繁', until: NOON + 300_000, since: NOON, streak: 1 },
  };
}

describe('parseDoc: documents stored with the old error texts', () => {
  it('reads errors stored as { message, messageZh } as one bilingual message, losing no watch', () => {
    const raw = oldDoc();
    const before = JSON.stringify(raw);
    const r = parseDoc(raw);
    expect(r).toMatchObject({ repaired: 0, unreadable: 0, revived: 0 });
    expect((r.doc.watches[0] as RailWatch).lastError).toEqual({ code: 'network', message: { zh: '网络错误：offline', en: 'Network error: offline' }, at: NOON });
    expect(r.doc.routes[`${DATE}|BJP|SHH`]!.lastError).toEqual({ code: 'network', message: { zh: '网络错误：offline', en: 'Network error: offline' } });
    expect(r.doc.backoff).toMatchObject({ code: 'rate-limited', message: { zh: '12306 请求过于频繁', en: '12306 is limiting requests' }, until: NOON + 300_000 });
    // The stored value itself is not changed in place.
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('still clips an over-long old-shape text instead of setting the watch aside', () => {
    const raw = oldDoc();
    (raw.watches[0] as { lastError: unknown }).lastError = { code: 'network', message: 'x'.repeat(1000), messageZh: '网'.repeat(1000), at: NOON };
    const r = parseDoc(raw);
    expect(r).toMatchObject({ repaired: 1, unreadable: 0 });
    const e = (r.doc.watches[0] as RailWatch).lastError!;
    expect(e.message.en.endsWith('…')).toBe(true);
    expect(e.message.zh.endsWith('…')).toBe(true);
  });
});
