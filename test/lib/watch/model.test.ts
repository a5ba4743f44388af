import { describe, expect, it } from 'vitest';
import { AVAILABLE_MAX, ERROR_TEXT_MAX, parseDoc, watchesDocSchema, type RailWatch, type Sighting } from '../../../lib/watch/model';
import { DATE, NOON, railWatch } from './support';

const sighting = (i: number): Sighting => ({ trainNo: `24000G${i}`, code: `G${i}`, cls: 'ze', name: '二等座', nameEn: 'Second class', n: 5 });
/** What a storage round trip gives back: plain JSON. */
const stored = (x: unknown) => JSON.parse(JSON.stringify(x)) as Record<string, any>;

describe('parseDoc: stored watches are repaired, never silently lost', () => {
  it('clips an over-long error text and caps the seat list and history instead of dropping the watch', () => {
    const good = railWatch({ id: 'good' });
    const long: RailWatch = {
      ...railWatch({ id: 'long', trains: [] }),
      lastError: { code: 'network', message: { zh: '网'.repeat(1000), en: 'x'.repeat(1000) }, at: NOON },
      available: Array.from({ length: 250 }, (_, i) => sighting(i)),
      history: Array.from({ length: 1200 }, (_, i) => [NOON + i * 1000, i] as [number, number]),
    };
    const raw = stored({ watches: [good, long], routes: {} });
    expect(watchesDocSchema.safeParse(raw).success).toBe(false);

    const r = parseDoc(raw);
    expect(r).toMatchObject({ repaired: 1, unreadable: 0, revived: 0 });
    expect(r.doc.watches.map((w) => w.id)).toEqual(['good', 'long']);
    const w = r.doc.watches[1] as RailWatch;
    expect(w.lastError!.message.en).toHaveLength(ERROR_TEXT_MAX);
    expect(w.lastError!.message.en.endsWith('…')).toBe(true);
    expect(w.lastError!.message.zh).toHaveLength(ERROR_TEXT_MAX);
    expect(w.available).toHaveLength(AVAILABLE_MAX);
    expect(w.available[0]!.code).toBe('G0');
    // The sparkline keeps its newest points.
    expect(w.history).toHaveLength(1000);
    expect(w.history.at(-1)![1]).toBe(1199);
    expect(r.doc.watches[0]).toEqual(good);
    // What is written back reads as a whole next time.
    expect(watchesDocSchema.safeParse(stored(r.doc)).success).toBe(true);
  });

  it('keeps the back-off and route states whose 12306 text is too long', () => {
    const w = railWatch({ id: 'a' });
    const msg = { code: 'rate-limited', message: { zh: '请求过于频繁'.repeat(100), en: 'slow down '.repeat(100) } };
    const raw = stored({
      watches: [w],
      routes: { [`${DATE}|BJP|SHH`]: { nextAt: NOON + 60_000, lastQueryAt: NOON, failures: 1, lastError: { ...msg, code: 'network' } } },
      backoff: { ...msg, until: NOON + 300_000, since: NOON, streak: 1 },
    });
    const r = parseDoc(raw);
    expect(r.doc.backoff).toMatchObject({ code: 'rate-limited', until: NOON + 300_000 });
    expect(r.doc.backoff!.message.en.length).toBeLessThanOrEqual(ERROR_TEXT_MAX);
    expect(r.doc.routes[`${DATE}|BJP|SHH`]).toMatchObject({ nextAt: NOON + 60_000, failures: 1 });
    expect(r.doc.watches).toHaveLength(1);
  });

  it('sets a watch it cannot read aside in the document, counted and explained, and keeps it on the next read', () => {
    const good = railWatch({ id: 'good' });
    const raw = stored({ watches: [good, { kind: 'rail', id: 'bad', date: 'soon' }, { kind: 'bus', id: 'future' }], routes: {} });
    const r = parseDoc(raw);
    expect(r).toMatchObject({ repaired: 0, unreadable: 2, revived: 0 });
    expect(r.issues).toHaveLength(2);
    expect(r.issues[0]).toMatch(/^watch 1: /);
    expect(r.doc.watches.map((w) => w.id)).toEqual(['good']);
    expect(r.doc.unreadable).toEqual([raw.watches[1], raw.watches[2]]);
    // Written back and read again: still there, nothing counted twice.
    const again = parseDoc(stored(r.doc));
    expect(again).toMatchObject({ unreadable: 0, revived: 0 });
    expect(again.doc.unreadable).toHaveLength(2);
    expect(again.doc.watches).toHaveLength(1);
  });

  it('keeps every watch it cannot read, however many (151 of 151), and reads them again when it can', () => {
    const junk = Array.from({ length: 151 }, (_, i) => ({ kind: 'bus', id: `j${i}` }));
    const r = parseDoc(stored({ watches: junk, routes: {} }));
    expect(r).toMatchObject({ unreadable: 151, revived: 0 });
    expect(r.doc.unreadable).toEqual(junk);
    // A later build reads one of them: back among the watches, the rest still kept.
    const readable = railWatch({ id: 'j7' });
    const later = parseDoc(stored({ ...r.doc, unreadable: r.doc.unreadable!.map((w, i) => (i === 7 ? readable : w)) }));
    expect(later).toMatchObject({ unreadable: 0, revived: 1 });
    expect(later.doc.watches.map((w) => w.id)).toEqual(['j7']);
    expect(later.doc.unreadable).toHaveLength(150);
  });

  it('says when the stored value is not a watches document at all, so the caller keeps it', () => {
    for (const bad of ['oops', [1, 2], 42]) {
      const r = parseDoc(bad);
      expect(r.corrupt).toEqual(bad);
      expect(r.doc.watches).toEqual([]);
    }
    expect('corrupt' in parseDoc(undefined)).toBe(false);
    expect('corrupt' in parseDoc(stored({ watches: [], routes: {} }))).toBe(false);
  });
});
