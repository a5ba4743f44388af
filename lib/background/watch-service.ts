// The watch service: loads the watches document, asks the pure scheduler (lib/watch) what to do,
// queries due routes through the shared 12306 client and, for fare watches, Fliggy's live search
// through the shared Fliggy client (lib/watch/fare-poll.ts), carries the actions out
// (lib/background/watch-effects.ts) and persists after each step, so a worker that dies between
// two steps loses nothing and a restarted one neither duplicates alarms nor polls early.
import type { EpochMs, FlightSearchResult } from '../model';
import type { DecodeError } from '../result';
import type { Settings } from '../settings';
import type { Name, Req, Res } from '../messages/watch';
import type { StoredValue } from '../store/item';
import type { WatchesBackup, WatchesDoc } from '../store/watches';
import type { WatchDocStore } from '../store/watch-layout';
import { createSerialQueue } from '../util/queue';
import {
  newFareWatch,
  newRailWatch,
  newWatchId,
  railDefinitionSchema,
  sameRailDefinition,
  type Watch,
} from '../watch/model';
import { decide, observe, activeBackoff, withSeatsCount, type QueryAction, type RouteAnswer, type SchedulerSettings } from '../watch/scheduler';
import { checkFareWatches } from '../watch/fare';
import { fareAnswered, fareFailed, farePollSettings, planFarePoll, withFareWake, type FarePollSettings, type FareRoute, type FareSource } from '../watch/fare-poll';
import { exportWatches, importWatches } from '../watch/transfer';
import { quietUntil } from '../watch/quiet';
import { statusOf, viewsOf, type WatchView } from '../watch/view';
import { fliggyUrl, searchUrl } from '../watch/notify';
import { gapMs } from '../watch/spacing';
import { loadWatches } from './watch-load';
import { createWatchEffects, NOTIFICATION_PREFIX, type PushAlert } from './watch-effects';
import { startLanguage } from '../i18n/load';

/** Rounds of decide → query → observe in one wake (a watch created mid-cycle is served at once). */
const MAX_ROUNDS = 3;

/** What the watch service needs of the shared 12306 client (lib/rail/client.ts' RailClient). */
export interface TrainSource {
  queryTrains(q: { date: string; from: string; to: string; student?: boolean }): Promise<RouteAnswer>;
}

/** The watches document; read back through parseDoc, so what it holds is not trusted. */
export type WatchStore = WatchDocStore;

export interface WatchServiceDeps {
  rail: TrainSource;
  /** Fliggy's live search for fare watches (none: fare watches only hear of answers others get). */
  air?: FareSource;
  now?: () => EpochMs;
  rng?: () => number;
  settings: () => Promise<Settings>;
  /** The watches, one item each (lib/store/watch-layout.ts); tests may pass the single document item. */
  store: WatchStore;
  /** True in test builds only: lets `testInterval` go below the 30 s floor (and the fare polls' 5 min). */
  testBuild?: boolean;
  testInterval?: () => Promise<number | undefined>;
  log?: (msg: string, ...rest: unknown[]) => void;
  /** Sends each alert to the user's push channels too (lib/background/push.ts). */
  push?: PushAlert;
  /** Where a corrupt watches item is kept before it is replaced (lib/storage.ts watchesBackupItem). */
  backup?: StoredValue<WatchesBackup | null>;
  /** Waits between a cycle's route queries (lib/watch/spacing.ts); tests pass their own clock. */
  sleep?: (ms: number) => Promise<void>;
}

type R<N extends Name> = Promise<Res<N>>;

export interface WatchService {
  /** Idempotent: restore the state, run what is due, (re)create the one alarm. */
  start(): Promise<void>;
  /** One wake: decide, query the due routes through the shared client, observe, persist. */
  runCycle(): Promise<void>;
  create(req: Req<'watch.create'>): R<'watch.create'>;
  createFare(req: Req<'watch.createFare'>): R<'watch.createFare'>;
  list(): R<'watch.list'>;
  status(): R<'watch.status'>;
  update(req: Req<'watch.update'>): R<'watch.update'>;
  pause(req: Req<'watch.pause'>): R<'watch.pause'>;
  remove(req: Req<'watch.delete'>): R<'watch.delete'>;
  exportJson(): R<'watch.export'>;
  importJson(req: Req<'watch.import'>): R<'watch.import'>;
  /** Capture and search services pass every flight answer here (flight-price watches). */
  onFlightResult(result: FlightSearchResult): Promise<void>;
  /** The search page a notification's button opens (undefined when its watch is gone). */
  urlForNotification(notificationId: string): Promise<string | undefined>;
}

export function createWatchService(deps: WatchServiceDeps): WatchService {
  const now = deps.now ?? (() => Date.now());
  const rng = deps.rng ?? Math.random;
  const log = deps.log ?? ((m: string, ...r: unknown[]) => console.info(`[RailAir watch] ${m}`, ...r));
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const store = deps.store;
  const readSettings = deps.settings;
  const { carryOut, setBadge } = createWatchEffects({ now, log, ...(deps.push ? { push: deps.push } : {}) });

  // All reads-modify-writes of the document go through this queue: a message arriving while a
  // query is in flight is applied to the fresh document, never overwritten by a stale one.
  const serial = createSerialQueue();

  /** A fresh id, never one already in the document. */
  function idFor(taken: Iterable<string>, t: EpochMs): string {
    const used = new Set(taken);
    let id = newWatchId(t, rng);
    for (let i = 2; used.has(id); i++) id = `${newWatchId(t, rng)}${i}`;
    return id;
  }
  const idsOf = (doc: WatchesDoc) => doc.watches.map((w) => w.id);

  const load = () => loadWatches({ store, backup: deps.backup, now, log });

  async function schedulerSettings(): Promise<{ s: SchedulerSettings; settings: Settings }> {
    const settings = await readSettings();
    // The notifications' words are built from here on: the worker speaks the user's language (cheap when unchanged).
    const s: SchedulerSettings = { ...settings.watch, language: await startLanguage(settings.language) };
    if (deps.testBuild) {
      const t = await deps.testInterval?.();
      if (t !== undefined && t > 0) {
        s.intervalSec = t;
        s.minIntervalSec = Math.min(t, 30);
      }
    }
    return { s, settings };
  }

  async function query(q: QueryAction): Promise<RouteAnswer> {
    try {
      return await deps.rail.queryTrains({ date: q.date, from: q.from.telecode, to: q.to.telecode });
    } catch (e) {
      const error: DecodeError = {
        code: 'network',
        message: { zh: '查询失败', en: `query failed: ${e instanceof Error ? e.message : String(e)}` },
      };
      return { ok: false, error };
    }
  }

  async function fareSettings(s: SchedulerSettings, settings: Settings): Promise<FarePollSettings> {
    return farePollSettings(s, settings.fareIntervalMin, deps.testBuild ? await deps.testInterval?.() : undefined);
  }

  /** One live search per due fare route; each answer goes through checkFareWatches. */
  async function pollFares(routes: FareRoute[], s: SchedulerSettings, settings: Settings): Promise<void> {
    for (const [i, route] of routes.entries()) {
      if (i > 0) await sleep(gapMs(routes.length, s.intervalSec, rng));
      let answer: Awaited<ReturnType<FareSource['searchFlights']>>;
      try {
        answer = await deps.air!.searchFlights({ date: route.date, fromCity: route.fromCity, toCity: route.toCity });
      } catch (e) {
        answer = { ok: false, error: { code: 'network', message: { zh: '查询失败', en: `query failed: ${e instanceof Error ? e.message : String(e)}` } } };
      }
      const t = now();
      await serial(async () => {
        const doc = await load();
        if (!answer.ok) {
          await store.setValue({ ...doc, watches: fareFailed(doc.watches, route, answer.error, t) });
          return;
        }
        const watches = fareAnswered(doc.watches, route);
        const r = checkFareWatches(watches, answer.value, t, { language: s.language, notify: s.notify, qualifies: settings.qualifications });
        await store.setValue({ ...doc, watches: r.watches });
        await carryOut(r.actions, s);
      });
      // Fliggy showed its verification page or limits us: the client turns every search away
      // until its back-off ends, so the other routes wait for the next poll.
      if (!answer.ok && (answer.error.code === 'challenge' || answer.error.code === 'rate-limited')) {
        log(`fare poll stopped: ${answer.error.message.en}`);
        return;
      }
    }
  }

  async function cycleOnce(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const { s, settings } = await schedulerSettings();
      const fs = await fareSettings(s, settings);
      const blocked = deps.air ? await deps.air.blockedUntil().catch(() => undefined) : undefined;
      const { queries, fares } = await serial(async () => {
        const d = decide(await load(), now(), s, rng);
        const plan = deps.air ? planFarePoll(d.state, now(), fs, blocked) : { due: [], state: d.state, nextAt: null };
        // The poll time is stored before asking, so a worker stopped mid-poll does not ask again early.
        await store.setValue(plan.state);
        await carryOut(withFareWake(d.actions, plan.nextAt), s);
        return { queries: d.actions.filter((a): a is QueryAction => a.type === 'query'), fares: plan.due };
      });
      if (queries.length === 0 && fares.length === 0) return;
      // One route at a time, spread over the interval: the client is polite per route, and so
      // are we across routes.
      for (const [i, q] of queries.entries()) {
        if (i > 0) await sleep(gapMs(queries.length, s.intervalSec, rng));
        const answer = await query(q);
        await serial(async () => {
          const d = observe(await load(), q.route, answer, now(), s);
          await store.setValue(d.state);
          await carryOut(d.actions, s);
        });
      }
      if (fares.length > 0) await pollFares(fares, s, settings);
    }
  }

  // One cycle at a time; a wake during a cycle makes it run once more at its end.
  let running: Promise<void> | undefined;
  let again = false;
  function runCycle(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await cycleOnce();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  async function summary(doc: WatchesDoc, s: SchedulerSettings) {
    const t = now();
    const backoff = activeBackoff(doc, t);
    const backupAt = (await deps.backup?.getValue().catch(() => null))?.at;
    const q = quietUntil(t, s);
    return {
      now: t,
      total: doc.watches.length,
      active: doc.watches.filter((w) => w.status === 'active').length,
      withSeats: withSeatsCount(doc.watches),
      ...(backoff ? { backoff: { code: backoff.code, message: backoff.message, until: backoff.until } } : {}),
      ...(q !== undefined ? { quietUntil: q } : {}),
      ...(doc.lastCycleAt !== undefined ? { lastCycleAt: doc.lastCycleAt } : {}),
      ...(doc.unreadable?.length ? { unreadable: doc.unreadable.length } : {}),
      ...(backupAt !== undefined ? { backupAt } : {}),
    };
  }

  /** Changes one watch under the queue; returns its view, or throws when it is gone. */
  async function change(id: string, fn: (w: Watch) => Watch): Promise<WatchView> {
    const { s } = await schedulerSettings();
    const view = await serial(async () => {
      const doc = await load();
      const i = doc.watches.findIndex((w) => w.id === id);
      if (i < 0) throw new Error(`no watch ${id}`);
      const watches = [...doc.watches];
      watches[i] = fn(doc.watches[i]!);
      const next = { ...doc, watches };
      await store.setValue(next);
      await setBadge(withSeatsCount(watches));
      return { watch: watches[i]!, status: statusOf(next, watches[i]!, now(), s) };
    });
    void runCycle();
    return view;
  }

  return {
    async start() {
      const doc = await serial(load);
      const aside = doc.unreadable?.length ?? 0;
      log(`start: ${doc.watches.length} watch(es)${aside > 0 ? `, ${aside} unreadable kept aside` : ''}`);
      await runCycle();
    },
    runCycle,

    async create(req) {
      const def = railDefinitionSchema.parse({ ...req, trainNos: req.trainNos ?? [] });
      const res = await serial(async () => {
        const doc = await load();
        const same = doc.watches.find((w) => w.kind === 'rail' && w.status === 'active' && sameRailDefinition(w, def));
        if (same) {
          // A second click on the same bell resumes a paused watch instead of adding a twin.
          if (same.paused) await store.setValue({ ...doc, watches: doc.watches.map((w) => (w === same ? { ...w, paused: false } : w)) });
          return { id: same.id, created: false };
        }
        const t = now();
        const w = newRailWatch(def, idFor(idsOf(doc), t), t);
        await store.setValue({ ...doc, watches: [...doc.watches, w] });
        return { id: w.id, created: true };
      });
      // Checked at once (subject to the 30 s per-route floor and batching).
      void runCycle();
      return res;
    },

    async createFare(req) {
      const res = await serial(async () => {
        const doc = await load();
        const same = doc.watches.find(
          (w) => w.kind === 'fare' && w.status === 'active' && w.date === req.date && w.fromCity === req.fromCity && w.toCity === req.toCity && w.maxFen === req.maxFen,
        );
        if (same) return { id: same.id, created: false };
        const t = now();
        const w = newFareWatch({ date: req.date as never, fromCity: req.fromCity, toCity: req.toCity, maxFen: req.maxFen }, idFor(idsOf(doc), t), t);
        await store.setValue({ ...doc, watches: [...doc.watches, w] });
        return { id: w.id, created: true };
      });
      // Asked at once when the fare interval allows (one search per route, whatever the watches).
      if (res.created) void runCycle();
      return res;
    },

    async list() {
      const { s } = await schedulerSettings();
      const doc = await serial(load);
      return { ...(await summary(doc, s)), watches: viewsOf(doc, now(), s) };
    },

    async status() {
      const { s } = await schedulerSettings();
      return summary(await serial(load), s);
    },

    async update(req) {
      const watch = await change(req.id, (w) => {
        if (w.kind === 'fare') return req.maxFen !== undefined ? { ...w, maxFen: req.maxFen, below: false } : w;
        const next = {
          ...w,
          ...(req.classes ? { classes: req.classes } : {}),
          ...(req.seats !== undefined ? { seats: req.seats } : {}),
          ...(req.flexDays !== undefined ? { flexDays: req.flexDays } : {}),
          // Internal train numbers belong to the old list of codes: edited codes replace them.
          ...(req.trains ? { trains: req.trains, trainNos: [] } : {}),
        };
        if (req.filter === null) delete next.filter;
        else if (req.filter) next.filter = req.filter;
        // A new definition starts from "no seats": what it now wants is news when it is there.
        if (sameRailDefinition(w, next)) return next;
        return { ...next, available: [], waitlist: [], seatsLeft: 0 };
      });
      return { watch };
    },

    async pause(req) {
      return { watch: await change(req.id, (w) => ({ ...w, paused: req.paused, ...(w.kind === 'rail' && req.paused ? { available: [] } : {}) })) };
    },

    async remove(req) {
      // The removed watch as an export file: the watches tab's undo imports it back.
      const restore = await serial(async () => {
        const doc = await load();
        const gone = doc.watches.find((w) => w.id === req.id);
        if (!gone) return undefined;
        const watches = doc.watches.filter((w) => w !== gone);
        await store.setValue({ ...doc, watches });
        await setBadge(withSeatsCount(watches));
        return exportWatches([gone], now());
      });
      void runCycle();
      return restore ? { deleted: true, restore } : { deleted: false };
    },

    async exportJson() {
      const doc = await serial(load);
      return { json: exportWatches(doc.watches, now(), doc.unreadable), count: doc.watches.length + (doc.unreadable?.length ?? 0) };
    },

    async importJson(req) {
      const r = await serial(async () => {
        const doc = await load();
        const t = now();
        const ids = idsOf(doc);
        const result = importWatches(req.json, doc.watches, t, () => {
          const id = idFor(ids, t);
          ids.push(id);
          return id;
        });
        if (result.added > 0) await store.setValue({ ...doc, watches: result.watches });
        return result;
      });
      if (r.added > 0) void runCycle();
      return { added: r.added, duplicates: r.duplicates, errors: r.errors };
    },

    async onFlightResult(result) {
      const { s, settings } = await schedulerSettings();
      await serial(async () => {
        const doc = await load();
        // The traveller's qualifications decide which conditional fares may fire a watch.
        const r = checkFareWatches(doc.watches, result, now(), { language: s.language, notify: s.notify, qualifies: settings.qualifications });
        if (r.actions.length === 0) return;
        await store.setValue({ ...doc, watches: r.watches });
        await carryOut(r.actions, s);
      });
    },

    async urlForNotification(notificationId) {
      if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return undefined;
      const watchId = notificationId.slice(NOTIFICATION_PREFIX.length).split(':')[0];
      const doc = await serial(load);
      const w = doc.watches.find((x) => x.id === watchId);
      if (!w) return undefined;
      return w.kind === 'rail' ? searchUrl(w.date, w.from, w.to) : fliggyUrl(w);
    },
  };
}
