// Watch storage at a heavy user's size, 500 watches × 300 history points on 100 routes:
// - the watches tab's load: a cold worker (a new layout over the stored items) answering
//   watch.list, the answer checked by the message schema and copied as the browser does (JSON);
// - one cycle's bytes written, storage's `set` wrapped to count them, in a cycle that asks the
//   20 due routes (100 watches), and in one that asks all 100 (every watch gets a point), each
//   finding every asked watch's seats changed.
// The single document the layout replaced is measured the same way, for comparison.
import './fake-browser';
import type { BenchRow } from './harness';
import type { ChinaDate } from '../lib/model';
import { chinaInstant } from '../lib/time';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { watchMessages } from '../lib/messages/watch';
import type { StoredValue } from '../lib/store/item';
import { createWatchLayout, type StorageAreaLike } from '../lib/store/watch-layout';
import { createWatchService, type TrainSource, type WatchService } from '../lib/background/watch-service';
import type { HistoryPoint, WatchesDoc } from '../lib/watch/model';
import type { RailOption } from '../lib/model';
import { countingArea, heavyDoc } from '../test/support/watch-heavy';

const DATE = '2026-11-23' as ChinaDate;
const NOW = chinaInstant('2026-11-22' as ChinaDate, 10 * 60);
const SIZE = { watches: 500, routes: 100, points: 300, due: 20, now: NOW, date: DATE };

/** Every train of the route with 9 second-class seats: each watch asked sees a change. */
const rail: TrainSource = {
  queryTrains: async (q) => {
    const trains = Array.from({ length: SIZE.watches }, (_, i): RailOption => {
      const depart = chinaInstant(DATE, 8 * 60);
      return {
        mode: 'rail', id: `t${i}`, trainNo: `24000G${i}0A`, code: `G${i}`, type: 'G', date: DATE,
        from: { telecode: q.from }, to: { telecode: q.to }, origin: { telecode: q.from }, terminus: { telecode: q.to },
        depart, arrive: depart + 5 * 3600_000, durationMin: 300, arriveDayOffset: 0,
        seats: [{ cls: 'ze', name: '二等座', nameEn: 'Second class', availability: { kind: 'count', n: 9 }, price: 55300 }],
        status: 'on-sale', buttonText: '预订', hasSeats: true,
      };
    });
    return { ok: true, value: { trains, stationNames: {} }, fetchedAt: NOW };
  },
};

const service = (store: StoredValue<WatchesDoc>) =>
  createWatchService({ rail, store, now: () => NOW, rng: () => 0.5, settings: async () => DEFAULT_SETTINGS, log: () => undefined, sleep: async () => undefined });

/** The old layout: the whole document in one item, over the same counting area. */
function singleDoc(area: StorageAreaLike): StoredValue<WatchesDoc> {
  return {
    getValue: async () => (await area.get(['watches'])).watches as WatchesDoc,
    setValue: (doc) => area.set({ watches: doc }),
  };
}

/**
 * Median CPU time of this process (ms): on a shared machine, wall time also counts other
 * processes' turns. `svc` gives the worker: a new one per run (cold: reads storage), or one
 * that already ran a cycle (warm: the worker the popup usually wakes, started by its own events).
 */
async function tabLoadMs(svc: () => WatchService): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const worker = svc();
    const t0 = process.cpuUsage();
    // The worker checks its reply before it leaves, the popup again when it lands (lib/messaging.ts).
    const answer = watchMessages['watch.list'].res.parse(await worker.list());
    watchMessages['watch.list'].res.parse(JSON.parse(JSON.stringify(answer)));
    const d = process.cpuUsage(t0);
    runs.push((d.user + d.system) / 1000);
  }
  return runs.sort((a, b) => a - b)[3]!;
}

/**
 * The doc as a store holds it after weeks of cycles: each history has lost a different number of
 * old points (0–24), so the newest history chunks are filled to every level, not all full (which
 * would make each new point cost a one-point chunk).
 */
async function seed(store: StoredValue<WatchesDoc>, due: number): Promise<void> {
  const doc = heavyDoc({ ...SIZE, due });
  const older = (p: number, h: HistoryPoint[]): HistoryPoint[] => [...Array.from({ length: p }, (_, k): HistoryPoint => [h[0]![0] - (p - k) * 60_000, 1]), ...h];
  await store.setValue({ ...doc, watches: doc.watches.map((w, i) => ({ ...w, history: older(i % 25, w.history) })) });
  await store.setValue(doc);
}

async function cycleBytes(area: ReturnType<typeof countingArea>, store: StoredValue<WatchesDoc>, due = SIZE.due): Promise<number> {
  await seed(store, due);
  const svc = service(store);
  await svc.status(); // the worker's first read, before the cycle
  area.reset();
  await svc.runCycle();
  return area.written.bytes;
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

export async function storageRows(): Promise<BenchRow[]> {
  const all = countingArea();
  const allBytes = await cycleBytes(all, createWatchLayout(all), SIZE.routes);
  const area = countingArea();
  const bytes = await cycleBytes(area, createWatchLayout(area));
  const load = await tabLoadMs(() => service(createWatchLayout(area)));
  const started = service(createWatchLayout(area));
  await started.runCycle();
  const warm = await tabLoadMs(() => started);
  const old = countingArea();
  const oldBytes = await cycleBytes(old, singleDoc(old));
  const oldLoad = await tabLoadMs(() => service(singleDoc(old)));
  const under = (b: number) => (b < 100 * 1024 ? 'goal < 100 KB' : 'OVER the 100 KB goal');
  const goal = (ms: number) => (ms <= 300 ? 'goal ≤ 300 ms' : 'OVER the 300 ms goal');
  return [
    { name: 'watches tab load (CPU), 500 × 300, worker running', value: `${warm.toFixed(0)} ms`, note: goal(warm) },
    { name: 'watches tab load (CPU), 500 × 300, worker cold', value: `${load.toFixed(0)} ms`, note: `${goal(load)}; one document: ${oldLoad.toFixed(0)} ms` },
    { name: 'one cycle\u2019s storage writes, 20 of 100 routes due', value: kb(bytes), note: `${under(bytes)}; one document: ${kb(oldBytes)}` },
    { name: 'one cycle\u2019s storage writes, all 100 routes due', value: kb(allBytes), note: `${under(allBytes)}; every watch gets a point` },
  ];
}
