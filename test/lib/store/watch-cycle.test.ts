// What a cycle writes at a heavy user's size (500 watches × 300 points on 100 routes), and that the
// layout shows the same watches and sparklines as the single document it replaced, check by check.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { createWatchService, type TrainSource } from '../../../lib/background/watch-service';
import { chunkKey, createWatchLayout, INDEX_KEY, routeItemKey, watchKey, type StorageAreaLike } from '../../../lib/store/watch-layout';
import type { StoredValue } from '../../../lib/store/item';
import { HISTORY_MAX, HISTORY_SPAN_MS } from '../../../lib/watch/history';
import { parseDoc, routeKeyOf, type RailWatch, type WatchesDoc } from '../../../lib/watch/model';
import type { RouteAnswer } from '../../../lib/watch/scheduler';
import { countingArea, heavyDoc } from '../../support/watch-heavy';
import { count, DATE, NOON, train } from '../watch/support';

const settings: Settings = { ...DEFAULT_SETTINGS, watch: { ...DEFAULT_SETTINGS.watch } };
const clock = { t: NOON, cycle: 0 };
const STEP = 61_000;

/** Each route's trains; the seats of watch i's train change with every cycle. */
function railFor(doc: WatchesDoc): TrainSource {
  const byRoute = new Map<string, { code: string; i: number }[]>();
  doc.watches.forEach((w, i) => {
    const r = w as RailWatch;
    byRoute.set(routeKeyOf(r), [...(byRoute.get(routeKeyOf(r)) ?? []), { code: r.trains[0]!, i }]);
  });
  return {
    queryTrains: async (q) => {
      const list = byRoute.get(`${q.date}|${q.from}|${q.to}`) ?? [];
      const trains = list.map(({ code, i }) => train(code, { ze: count(1 + ((clock.cycle + i) % 9)) }, { from: q.from, to: q.to }));
      return { ok: true, value: { trains, stationNames: {} }, fetchedAt: clock.t } satisfies RouteAnswer;
    },
  };
}

const serviceOf = (store: StoredValue<WatchesDoc>, rail: TrainSource) =>
  createWatchService({ rail, store, now: () => clock.t, rng: () => 0.5, settings: async () => settings, log: () => undefined, sleep: async () => undefined });

/** The single document the layout replaced, as a store: the reference for what the user sees. */
function singleDoc(): StoredValue<WatchesDoc> {
  let v: unknown;
  return { getValue: async () => structuredClone(v) as WatchesDoc, setValue: async (d) => void (v = structuredClone(d)) };
}

async function nextCycle(...svcs: { runCycle(): Promise<void> }[]): Promise<void> {
  clock.cycle++;
  clock.t += STEP;
  for (const s of svcs) await s.runCycle();
}

beforeEach(() => {
  fakeBrowser.reset();
  clock.t = NOON;
  clock.cycle = 0;
});

describe('a cycle’s storage writes at 500 watches × 300 points', () => {
  it('stay under 100 KB when every route is due and every watch gets a point, cycle after cycle (tails folding)', async () => {
    const area = countingArea();
    const doc = heavyDoc({ watches: 500, routes: 100, points: 300, due: 100, now: NOON, date: DATE });
    await createWatchLayout(area).setValue(doc);
    const svc = serviceOf(createWatchLayout(area), railFor(doc));
    await svc.status();
    const bytes: number[] = [];
    for (let c = 0; c < 10; c++) {
      area.reset();
      if (c === 0) await svc.runCycle();
      else await nextCycle(svc);
      expect(area.written.keys.filter((k) => k.startsWith('watchRoute:'))).toHaveLength(100);
      bytes.push(area.written.bytes);
    }
    // Before the layout kept checks apart from the watches, the first of these wrote ≈ 400 KB.
    for (const b of bytes) expect(b).toBeLessThan(100 * 1024);
    const after = parseDoc(await createWatchLayout(area).getValue()).doc;
    expect(after.watches).toHaveLength(500);
    for (const w of after.watches) {
      expect(w.history.length).toBeLessThanOrEqual(HISTORY_MAX);
      expect(w.history.at(-1)).toEqual([clock.t, (w as RailWatch).seatsLeft]);
      expect(w.history[0]![0]).toBeGreaterThanOrEqual(clock.t - HISTORY_SPAN_MS);
    }
  }, 60_000);

  it('stay far under it when 20 of the 100 routes are due', async () => {
    const area = countingArea();
    const doc = heavyDoc({ watches: 500, routes: 100, points: 300, due: 20, now: NOON, date: DATE });
    await createWatchLayout(area).setValue(doc);
    const svc = serviceOf(createWatchLayout(area), railFor(doc));
    await svc.status();
    area.reset();
    await svc.runCycle();
    expect(area.written.keys.filter((k) => k.startsWith('watchRoute:'))).toHaveLength(20);
    expect(area.written.bytes).toBeLessThan(25 * 1024);
  }, 30_000);
});

describe('the layout shows what the single document showed', () => {
  it('the same watches and sparklines after every check, through folds, a full history, an edit, a removal and worker restarts', async () => {
    const doc = heavyDoc({ watches: 24, routes: 6, points: 296, due: 6, now: NOON, date: DATE });
    const area = countingArea();
    const old = singleDoc();
    await old.setValue(doc);
    await createWatchLayout(area).setValue(doc);
    const rail = railFor(doc);
    const ref = serviceOf(old, rail);
    let svc = serviceOf(createWatchLayout(area), rail);
    for (let c = 0; c < 2 * 8 + 3; c++) {
      if (c === 5) for (const s of [ref, svc]) await s.update({ id: doc.watches[3]!.id, seats: 2 });
      if (c === 9) for (const s of [ref, svc]) await s.remove({ id: doc.watches[7]!.id });
      // A worker stopped and started again reads storage, not its memory.
      if (c % 7 === 6) svc = serviceOf(createWatchLayout(area), rail);
      await nextCycle(ref, svc);
      const want = (await ref.list()).watches.map((v) => v.watch);
      const got = (await svc.list()).watches.map((v) => v.watch);
      expect(got).toEqual(want);
      expect(parseDoc(await createWatchLayout(area).getValue()).doc.watches).toEqual(want);
    }
    const full = (await svc.list()).watches[0]!.watch;
    expect(full.history).toHaveLength(HISTORY_MAX);
  }, 60_000);
});

/** Layout v2 as the previous build wrote it: whole watch items, chunks as [[t, n], …], no live items. */
async function writeV2(area: StorageAreaLike, doc: WatchesDoc): Promise<void> {
  const items: Record<string, unknown> = {};
  for (const w of doc.watches) {
    const { history, ...core } = w;
    const c: number[] = [];
    for (let i = 0; i * 25 < history.length; i++) {
      items[chunkKey(w.id, i)] = history.slice(i * 25, i * 25 + 25);
      c.push(i);
    }
    items[watchKey(w.id)] = { w: core, c, s: 0 };
  }
  for (const [k, rs] of Object.entries(doc.routes)) items[routeItemKey(k)] = rs;
  items.watchSchedule = { lastCycleAt: doc.lastCycleAt };
  items[INDEX_KEY] = { v: 2, slots: doc.watches.map((w) => w.id), routes: Object.keys(doc.routes) };
  await area.set(items);
}

describe('older layouts and stopped workers', () => {
  it('reads layout v2 as it was and goes on from it as the single document would', async () => {
    const doc = heavyDoc({ watches: 30, routes: 6, points: 120, due: 6, now: NOON, date: DATE });
    const area = countingArea();
    await writeV2(area, doc);
    expect(parseDoc(await createWatchLayout(area).getValue()).doc).toEqual(doc);
    const old = singleDoc();
    await old.setValue(doc);
    const rail = railFor(doc);
    const ref = serviceOf(old, rail);
    const svc = serviceOf(createWatchLayout(area), rail);
    for (let c = 0; c < 10; c++) await nextCycle(ref, svc);
    const want = (await ref.list()).watches.map((v) => v.watch);
    expect(parseDoc(await createWatchLayout(area).getValue()).doc.watches).toEqual(want);
    expect((area.data.get(INDEX_KEY) as { v: number }).v).toBe(3);
  }, 30_000);

  it('a worker stopped between writing and removing leaves a state that reads whole', async () => {
    const doc = heavyDoc({ watches: 20, routes: 4, points: 300, due: 4, now: NOON, date: DATE });
    const area = countingArea();
    // Stored after weeks of checks: the oldest chunk all but dropped, so the next check drops it.
    const older = doc.watches.map((w) => ({ ...w, history: [...Array.from({ length: 24 }, (_, k): [number, number] => [w.history[0]![0] - (24 - k) * 1000, 1]), ...w.history] }));
    const seeding = createWatchLayout(area);
    await seeding.setValue({ ...doc, watches: older });
    await seeding.setValue(doc);
    const old = singleDoc();
    await old.setValue(doc);
    const rail = railFor(doc);
    const ref = serviceOf(old, rail);
    // Every write lands and no removal ever does, as if each worker stopped right after writing.
    const skipped: string[] = [];
    const stopped: StorageAreaLike = { get: (k) => area.get(k), set: (i) => area.set(i), remove: async (keys) => void skipped.push(...keys) };
    for (let c = 0; c < 10; c++) {
      await nextCycle(ref);
      await serviceOf(createWatchLayout(stopped), rail).runCycle();
      const want = (await ref.list()).watches.map((v) => v.watch);
      expect(parseDoc(await createWatchLayout(area).getValue()).doc.watches).toEqual(want);
    }
    expect(skipped.filter((k) => k.startsWith('watchHist:')).length).toBeGreaterThan(0);
  }, 30_000);
});
