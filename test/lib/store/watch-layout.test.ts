import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { watchesBackupItem } from '../../../lib/storage';
import { createWatchService, type TrainSource } from '../../../lib/background/watch-service';
import { createWatchLayout, INDEX_KEY, LEGACY_KEY, UNREADABLE_KEY } from '../../../lib/store/watch-layout';
import { parseDoc, routeKeyOf, type RailWatch } from '../../../lib/watch/model';
import type { RouteAnswer } from '../../../lib/watch/scheduler';
import { countingArea, fromOf, heavyDoc } from '../../support/watch-heavy';
import { count, DATE, NOON, train } from '../watch/support';

const settings: Settings = { ...DEFAULT_SETTINGS, watch: { ...DEFAULT_SETTINGS.watch } };
const clock = { t: NOON };

/** Answers every route with seats that differ from the last check, so every watch asked changes. */
const rail = (asked: string[]): TrainSource => ({
  queryTrains: async (q) => {
    asked.push(`${q.date}|${q.from}|${q.to}`);
    const trains = Array.from({ length: 100 }, (_, i) => train(`G${i}`, { ze: count(9) }, { from: q.from, to: q.to }));
    return { ok: true, value: { trains, stationNames: {} }, fetchedAt: clock.t } satisfies RouteAnswer;
  },
});

function service(area: ReturnType<typeof countingArea>, asked: string[] = [], extra = {}) {
  return createWatchService({ rail: rail(asked), store: createWatchLayout(area), now: () => clock.t, rng: () => 0.5, settings: async () => settings, log: () => undefined, sleep: async () => undefined, ...extra });
}

beforeEach(() => {
  fakeBrowser.reset();
  clock.t = NOON;
});

describe('watch layout: one item per watch, route and history chunk', () => {
  it('reads back exactly the document it was given', async () => {
    const area = countingArea();
    const doc = heavyDoc({ watches: 30, routes: 7, points: 60, due: 2, now: NOON, date: DATE });
    doc.backoff = { code: 'rate-limited', message: { zh: '稍后', en: 'later' }, until: NOON + 60_000, since: NOON, streak: 1 };
    await createWatchLayout(area).setValue(doc);
    expect(area.data.has(LEGACY_KEY)).toBe(false);
    const back = parseDoc(await createWatchLayout(area).getValue());
    expect(back.doc).toEqual(doc);
    expect(back.unreadable).toBe(0);
  });

  it('a cycle writes only the items that changed: the asked routes and their live items, and history chunks only as tails fold', async () => {
    const area = countingArea();
    const doc = heavyDoc({ watches: 60, routes: 12, points: 300, due: 3, now: NOON, date: DATE });
    await createWatchLayout(area).setValue(doc);
    area.reset();
    const asked: string[] = [];
    const svc = service(area, asked);
    await svc.runCycle();
    expect(asked).toHaveLength(3);
    const askedFrom = new Set(asked.map((r) => r.split('|')[1]));
    const onAsked = doc.watches.filter((w) => askedFrom.has((w as RailWatch).from.telecode)).map((w) => w.id);
    expect(onAsked).toHaveLength(15);
    const keys = new Set(area.written.keys);
    // A check changes only a check's fields: no watch item is rewritten, the route's live item is.
    expect([...keys].filter((k) => k.startsWith('watch:'))).toEqual([]);
    expect([...keys].filter((k) => k.startsWith('watchLive:')).sort()).toEqual(asked.map((r) => `watchLive:${r}`).sort());
    const chunks = [...keys].filter((k) => k.startsWith('watchHist:'));
    expect(chunks.every((k) => onAsked.includes(k.split(':')[1]!))).toBe(true);
    expect(chunks.length).toBeLessThan(15);
    const routes = [...keys].filter((k) => k.startsWith('watchRoute:'));
    expect(routes.sort()).toEqual(asked.map((r) => `watchRoute:${r}`).sort());
    expect(keys.has(INDEX_KEY)).toBe(false);
    // A few kilobytes, where the one document was rewritten whole at every step.
    expect(area.written.bytes).toBeLessThan(8_000);
    const after = parseDoc(await createWatchLayout(area).getValue()).doc;
    const w = after.watches.find((x) => x.id === onAsked[0]) as RailWatch;
    expect(w.history).toHaveLength(300);
    expect(w.history.at(-1)).toEqual([NOON, 9]);
    expect(w.seatsLeft).toBe(9);
    expect(w.available.map((a) => a.code)).toEqual([(doc.watches.find((x) => x.id === onAsked[0]) as RailWatch).trains[0]]);
    expect(after.watches).toHaveLength(60);
    // A cold read gives what the running worker holds.
    expect((await svc.list()).watches.map((v) => v.watch)).toEqual(after.watches);
  });

  it('moves the old single document into the layout without losing a watch, and removes it only then', async () => {
    const doc = heavyDoc({ watches: 40, routes: 9, points: 30, due: 0, now: NOON, date: DATE });
    // A hand-edited document holding one id twice: both copies are kept.
    const twin = { ...(doc.watches[3] as RailWatch), trains: ['D9'] };
    const area = countingArea();
    area.data.set(LEGACY_KEY, JSON.parse(JSON.stringify({ ...doc, watches: [...doc.watches, twin] })));
    const svc = service(area);
    await svc.start();
    expect(area.data.has(LEGACY_KEY)).toBe(false);
    expect(area.data.has(INDEX_KEY)).toBe(true);
    const listed = (await service(area).list()).watches.map((v) => v.watch);
    expect(listed).toHaveLength(41);
    expect(listed.filter((w) => w.id === twin.id).map((w) => (w as RailWatch).trains[0])).toEqual([(doc.watches[3] as RailWatch).trains[0], 'D9']);
    expect(listed.find((w) => w.id === doc.watches[5]!.id)!.history).toEqual(doc.watches[5]!.history);
  });

  it('a move cut short (old document beside the layout) merges both: nothing of either is lost', async () => {
    const area = countingArea();
    const doc = heavyDoc({ watches: 10, routes: 3, points: 5, due: 0, now: NOON, date: DATE });
    await createWatchLayout(area).setValue({ ...doc, watches: doc.watches.slice(0, 6) });
    area.data.set(LEGACY_KEY, JSON.parse(JSON.stringify(doc)));
    const svc = service(area);
    await svc.start();
    expect((await svc.list()).watches.map((v) => v.watch.id)).toEqual(doc.watches.map((w) => w.id));
    expect(area.data.has(LEGACY_KEY)).toBe(false);
  });

  it('keeps 151 of 151 unreadable watches, stored one per item, tells the popup and exports them', async () => {
    const area = countingArea();
    const doc = heavyDoc({ watches: 151, routes: 20, points: 10, due: 0, now: NOON, date: DATE });
    await createWatchLayout(area).setValue(doc);
    // As a future build might write them: a kind this build does not know.
    for (const w of doc.watches) {
      const item = area.data.get(`watch:${w.id}`) as { w: Record<string, unknown> };
      area.data.set(`watch:${w.id}`, { ...item, w: { ...item.w, kind: 'bus' } });
    }
    const svc = service(area);
    await svc.start();
    expect((await svc.status()).unreadable).toBe(151);
    const kept = area.data.get(UNREADABLE_KEY) as unknown[];
    expect(kept).toHaveLength(151);
    expect(kept[150]).toMatchObject({ kind: 'bus', id: doc.watches[150]!.id, history: doc.watches[150]!.history });
    const exported = await svc.exportJson();
    expect(exported.count).toBe(151);
    expect(JSON.parse(exported.json).unreadable).toHaveLength(151);
    // A build that reads them again brings every one back.
    area.data.set(UNREADABLE_KEY, kept.map((w) => ({ ...(w as object), kind: 'rail' })));
    const again = service(area);
    await again.start();
    expect((await again.list()).watches).toHaveLength(151);
    expect(area.data.has(UNREADABLE_KEY)).toBe(false);
  });

  it('keeps an old watches value that is not a document as a backup before writing the layout', async () => {
    const area = countingArea();
    area.data.set(LEGACY_KEY, '{"watches":[{"kind":"rail"');
    const svc = service(area, [], { backup: watchesBackupItem });
    await svc.start();
    await svc.create({ date: DATE, from: { telecode: 'BJP' }, to: { telecode: 'SHH' }, trains: ['G1'], classes: ['ze'], seats: 1 });
    expect(await watchesBackupItem.getValue()).toEqual({ at: NOON, value: '{"watches":[{"kind":"rail"' });
    expect(area.data.has(LEGACY_KEY)).toBe(false);
    expect((await svc.list()).watches).toHaveLength(1);
  });

  it('removes a deleted watch’s items and a route no watch needs', async () => {
    const area = countingArea();
    const doc = heavyDoc({ watches: 4, routes: 4, points: 60, due: 0, now: NOON, date: DATE });
    await createWatchLayout(area).setValue(doc);
    const gone = doc.watches[2] as RailWatch;
    const svc = service(area);
    await svc.remove({ id: gone.id });
    await svc.runCycle();
    const keys = [...area.data.keys()];
    expect(keys.filter((k) => k.includes(gone.id))).toEqual([]);
    expect(keys).not.toContain(`watchRoute:${routeKeyOf(gone)}`);
    expect(keys).toContain(`watchRoute:${DATE}|${fromOf(1)}|SHH`);
  });

  it('a running worker answers from what it wrote, and reads storage again once someone else changed it', async () => {
    const area = countingArea();
    await createWatchLayout(area).setValue(heavyDoc({ watches: 6, routes: 2, points: 10, due: 0, now: NOON, date: DATE }));
    const svc = service(area);
    await svc.start();
    let reads = 0;
    const get = area.get.bind(area);
    area.get = (keys) => (reads++, get(keys));
    expect((await svc.list()).watches).toHaveLength(6);
    expect(reads).toBe(0);
    // The options page's "clear everything": the worker must not go on from its memory.
    await area.remove([...area.data.keys()]);
    await new Promise((r) => setTimeout(r, 0));
    expect((await svc.list()).watches).toHaveLength(0);
    expect(reads).toBeGreaterThan(0);
  });
});
