import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dispatch } from '../../../lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { useTestLanguage } from '../../support/i18n';
import { watchesBackupItem, watchesItem } from '../../../lib/storage';
import { createWatchService, type TrainSource, type WatchServiceDeps } from '../../../lib/background/watch-service';
import { registerWatchHandlers } from '../../../lib/background/watch-handlers';
import { WATCH_ALARM } from '../../../lib/background/watch-effects';

/** Builds the service and registers its listeners, as entrypoints/background.ts does. */
function registerWatchService(d: WatchServiceDeps) {
  const svc = createWatchService(d);
  registerWatchHandlers(svc);
  return svc;
}
import type { RailWatch } from '../../../lib/watch/model';
import type { RouteAnswer } from '../../../lib/watch/scheduler';
import { count, DATE, none, NOON, train } from '../watch/support';

/** A stand-in for the shared 12306 client: answers per route, counts every query. */
function fakeRail(answerFor: (route: string) => RouteAnswer | Promise<RouteAnswer>) {
  const calls: string[] = [];
  const rail: TrainSource = {
    queryTrains: async (q) => {
      const route = `${q.date}|${q.from}|${q.to}`;
      calls.push(route);
      return answerFor(route);
    },
  };
  return { rail, calls };
}

const ok = (trains: ReturnType<typeof train>[]): RouteAnswer => ({ ok: true, value: { trains, stationNames: { BJP: '北京', SHH: '上海' } }, fetchedAt: clock.t });
const clock = { t: NOON };
// Chinese, as a Chinese browser's 'auto' would be (the worker loads that catalog: the test's own here).
const settings: Settings = { ...DEFAULT_SETTINGS, language: 'zh-CN', watch: { ...DEFAULT_SETTINGS.watch } };
/** Pauses between a cycle's route queries, as asked (no real waiting in unit tests). */
const slept: number[] = [];
const deps = (rail: TrainSource) => ({ rail, store: watchesItem, now: () => clock.t, rng: () => 0.5, settings: async () => settings, log: () => undefined, sleep: async (ms: number) => void slept.push(ms) });

const createReq = (trains: string[], from = 'BJP') => ({
  date: DATE,
  from: { telecode: from, name: '北京' },
  to: { telecode: 'SHH', name: '上海' },
  trains,
  classes: ['ze' as const],
  origin: 'overlay' as const,
});

async function send(name: string, data: unknown) {
  const r = (await dispatch({ railair: 1, name, data })) as { ok: boolean; data?: any; error?: { code: string; message: { en: string } } };
  if (!r.ok) throw new Error(r.error?.message.en);
  return r.data;
}

beforeEach(() => {
  fakeBrowser.reset();
  useTestLanguage('zh-CN');
  clock.t = NOON;
  slept.length = 0;
});

describe('watch service (fake browser)', () => {
  it('creates the alarm once, however often the worker starts, and does not poll early after a restart', async () => {
    const { rail, calls } = fakeRail(() => ok([train('G101', { ze: none })]));
    const first = createWatchService(deps(rail));
    await first.create(createReq(['G101']));
    await first.create(createReq(['G102']));
    await first.create(createReq(['G103'], 'VNP'));
    await first.runCycle();
    expect(calls).toHaveLength(2); // three watches, two routes
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    for (let i = 0; i < 5; i++) {
      clock.t += 1000;
      await createWatchService(deps(rail)).start();
    }
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    expect(create).not.toHaveBeenCalled();
    expect(calls).toHaveLength(2);
    const alarm = await fakeBrowser.alarms.get(WATCH_ALARM);
    expect(alarm!.scheduledTime).toBe(NOON + 60_000);
    // When the alarm's time comes, one restarted worker polls each route once.
    clock.t = NOON + 60_000;
    await createWatchService(deps(rail)).start();
    expect(calls).toHaveLength(4);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('restores every watch, its seats and history after the worker dies, and does not notify twice', async () => {
    let seats = none;
    const { rail } = fakeRail(() => ok([train('G101', { ze: seats })]));
    const a = createWatchService(deps(rail));
    await a.create(createReq(['G101']));
    await a.create({ ...createReq([]), filter: { types: ['G'] } });
    await a.createFare({ date: DATE, fromCity: 'BJS', toCity: 'SHA', maxFen: 50000 });
    await a.runCycle();
    seats = count(5);
    clock.t += 61_000;
    await a.runCycle();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(2);
    const before = await a.list();

    // The worker dies: only storage survives.
    const b = createWatchService(deps(rail));
    await b.start();
    const after = await b.list();
    expect(after.watches.map((v) => v.watch)).toEqual(before.watches.map((v) => v.watch));
    expect(after.watches).toHaveLength(3);
    const w = after.watches[0]!.watch as RailWatch;
    expect(w.available).toHaveLength(1);
    expect(w.history.map((p) => p[1])).toEqual([0, 5]);
    expect(after.watches[0]!.status.kind).toBe('seats');

    clock.t += 61_000;
    await b.runCycle();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('keeps a watch created while a query is in flight', async () => {
    let release: ((a: RouteAnswer) => void) | undefined;
    // The first query hangs until released; later ones answer at once.
    const { rail, calls } = fakeRail(() => (calls.length === 1 ? new Promise<RouteAnswer>((r) => (release = r)) : ok([])));
    const svc = createWatchService(deps(rail));
    await svc.create(createReq(['G101']));
    const cycle = svc.runCycle();
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    await svc.create(createReq(['G7'], 'VNP'));
    release!(ok([train('G101', { ze: none })]));
    await cycle;
    const list = await svc.list();
    expect(list.watches.map((v) => (v.watch as RailWatch).trains[0])).toEqual(['G101', 'G7']);
    expect((list.watches[0]!.watch as RailWatch).lastCheckedAt).toBe(NOON);
  });

  it('notifies with a button that opens 12306 for the route and date, and sets the badge', async () => {
    const { rail } = fakeRail(() => ok([train('G101', { ze: count(5) })]));
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    registerWatchService(deps(rail));
    const created = await send('watch.create', createReq(['G101']));
    expect(created.created).toBe(true);
    expect(await send('watch.create', createReq(['G101']))).toEqual({ id: created.id, created: false });
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1));
    const [id, n] = Object.entries(await fakeBrowser.notifications.getAll())[0]! as [string, any];
    expect(n.title).toBe('有票了：G101 二等座');
    expect(n.message).toContain('余5张 ¥553');
    expect(n.buttons[0].title).toBe('打开 12306 购票');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    // The button's tooltip says what the number means.
    expect(await fakeBrowser.action.getTitle({})).toBe('RailAir：1 个提醒有票');
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    await vi.waitFor(() =>
      expect(tabs).toHaveBeenCalledWith({
        url: `https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=${encodeURIComponent('北京')},BJP&ts=${encodeURIComponent('上海')},SHH&date=${DATE}&flag=N,N,Y#railair=G101`,
      }),
    );
    // Deleting the watch clears the badge and, with nothing left, the alarm.
    await send('watch.delete', { id: created.id });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
    expect(await fakeBrowser.action.getTitle({})).toBe('RailAir 铁空比价');
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.getAll()).toHaveLength(0));
  });

  it('notifies, pushes and titles the badge in English when the user chose English', async () => {
    useTestLanguage('en');
    const { rail } = fakeRail(() => ok([train('G101', { ze: count(5) })]));
    const pushed: { title: string; body: string }[] = [];
    registerWatchService({ ...deps(rail), settings: async () => ({ ...settings, language: 'en' }), push: async (_key, message) => void pushed.push(message) });
    await send('watch.create', createReq(['G101']));
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1));
    const n = Object.values(await fakeBrowser.notifications.getAll())[0] as unknown as { title: string; message: string; buttons: { title: string }[] };
    expect(n.title).toBe('Seats on G101, Second class');
    expect(n.message).toContain('G101 08:00 Second class 5 seats left ¥553');
    expect(n.buttons[0]!.title).toBe('Open 12306 to buy');
    await vi.waitFor(() => expect(pushed).toHaveLength(1));
    expect(pushed[0]!.title).toBe('Seats on G101, Second class');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getTitle({})).toBe('RailAir: seats on 1 watch'));
    // Station names are the route's own data; every word around them is English.
    expect(`${n.title}\n${n.message.replace(/北京|上海/g, '')}\n${n.buttons[0]!.title}`).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('sends each alert to the push channels with the notification, once per transition', async () => {
    let seats = count(5);
    const { rail } = fakeRail(() => ok([train('G101', { ze: seats })]));
    const pushed: { key: string; message: { title: string; body: string; url?: string } }[] = [];
    const svc = registerWatchService({ ...deps(rail), push: async (key, message) => void pushed.push({ key, message }) });
    await send('watch.create', createReq(['G101']));
    await vi.waitFor(() => expect(pushed).toHaveLength(1));
    expect(pushed[0]!.message).toMatchObject({ title: '有票了：G101 二等座', url: expect.stringContaining('https://kyfw.12306.cn/otn/leftTicket/init?') });
    expect(pushed[0]!.message.body).toContain('余5张 ¥553');
    // Seats gone and back: a new transition, a new key.
    seats = none;
    clock.t += 10 * 60_000;
    await svc.runCycle();
    seats = count(2);
    clock.t += 10 * 60_000;
    await svc.runCycle();
    await vi.waitFor(() => expect(pushed).toHaveLength(2));
    expect(pushed[1]!.key).not.toBe(pushed[0]!.key);
    expect(pushed[1]!.message.body).toContain('余2张');
  });

  it('edits, pauses, exports and imports through messages, validating what comes in', async () => {
    const { rail, calls } = fakeRail(() => ok([train('G101', { ze: none, zy: count(2) })]));
    registerWatchService(deps(rail));
    const { id } = await send('watch.create', createReq(['G101']));
    await expect(send('watch.update', { id, seats: 12 })).rejects.toThrow(/invalid request/);
    const upd = await send('watch.update', { id, classes: ['zy'], seats: 2, trains: ['g101', 'G103'] });
    expect(upd.watch.watch).toMatchObject({ classes: ['zy'], seats: 2, trains: ['G101', 'G103'] });
    const paused = await send('watch.pause', { id, paused: true });
    expect(paused.watch.status).toEqual({ kind: 'paused-user' });
    const exported = await send('watch.export', {});
    expect(exported.count).toBe(1);
    await send('watch.delete', { id });
    const imp = await send('watch.import', { json: exported.json });
    expect(imp).toEqual({ added: 1, duplicates: 0, errors: [] });
    const list = await send('watch.list', {});
    expect(list.watches[0].watch).toMatchObject({ classes: ['zy'], seats: 2, paused: true, origin: 'import' });
    expect((await send('watch.import', { json: '[]' })).errors).toHaveLength(1);
    await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0));
  });

  it('honours a test interval below 30 s only in test builds', async () => {
    const { rail, calls } = fakeRail(() => ok([]));
    const make = (testBuild: boolean) =>
      createWatchService({ ...deps(rail), testBuild, testInterval: async () => 2 });
    const svc = make(false);
    await svc.create(createReq(['G101']));
    await svc.runCycle();
    clock.t += 5000;
    await svc.runCycle();
    expect(calls).toHaveLength(1);
    const fast = make(true);
    await fast.create(createReq(['G7'], 'VNP'));
    await fast.runCycle();
    expect(calls).toHaveLength(2);
    expect((await fakeBrowser.alarms.get(WATCH_ALARM))!.scheduledTime).toBe(clock.t + 2000);
    clock.t += 2000;
    await fast.runCycle();
    expect(calls).toEqual(['2026-11-23|BJP|SHH', '2026-11-23|VNP|SHH', '2026-11-23|VNP|SHH']);
  });

  it('shows a back-off to the popup, with why and until when, and sends nothing meanwhile', async () => {
    const retryAt = NOON + 5 * 60_000;
    const { rail, calls } = fakeRail(() => ({ ok: false, error: { code: 'rate-limited', message: { zh: '12306 请求过于频繁', en: '12306 is limiting requests' }, retryAt } }));
    const svc = createWatchService(deps(rail));
    await svc.create(createReq(['G101']));
    await svc.create(createReq(['G102']));
    await svc.runCycle();
    const list = await svc.list();
    expect(list.backoff).toMatchObject({ code: 'rate-limited', until: retryAt });
    for (const v of list.watches) expect(v.status).toMatchObject({ kind: 'paused-backoff', until: retryAt, message: { zh: '12306 请求过于频繁' } });
    expect((await fakeBrowser.alarms.get(WATCH_ALARM))!.scheduledTime).toBe(retryAt);
    clock.t = retryAt - 1000;
    await svc.runCycle();
    expect(calls).toHaveLength(1);
  });

  it('checks flight-price watches against flight answers, taxes in, skipping fares the traveller may not buy', async () => {
    const { rail } = fakeRail(() => ok([]));
    const youth = { kinds: ['youth' as const], text: { zh: '限16–25周岁', en: 'ages 16–25 only' } };
    const svc = createWatchService(deps(rail));
    await svc.createFare({ date: DATE, fromCity: 'BJS', toCity: 'SHA', maxFen: 50000 });
    // An ordinary fare (price + taxes) and a cheaper one sold only to 16–25-year-olds.
    const flights = (price: number) => {
      const fare = { cabinClass: 'economy' as const, price, taxes: 5000 };
      const young = { cabinClass: 'economy' as const, price: 30000, taxes: 5000, condition: youth };
      return {
        source: 'fliggy' as const, date: DATE, depCity: 'BJS', arrCity: 'SHA', airports: {}, airlines: {},
        flights: [{ mode: 'air' as const, id: 'x', flightNo: 'MU5101', airline: 'MU', date: DATE, from: { code: 'PEK' }, to: { code: 'SHA' },
          depart: NOON, arrive: NOON, durationMin: 120, arriveDayOffset: 0, stops: 0, transfer: false,
          fares: [fare, young], lowest: young, source: 'fliggy' as const }],
      };
    };
    await svc.onFlightResult(flights(48000)); // ¥480 + ¥50 = ¥530 > ¥500; the youth fare does not count
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);
    await svc.onFlightResult(flights(43000));
    const all = Object.values(await fakeBrowser.notifications.getAll()) as { title: string }[];
    expect(all.map((n) => n.title)).toEqual(['机票降价：¥480（含税费）']);
    expect(await watchesItem.getValue()).toMatchObject({ watches: [{ kind: 'fare', below: true, lowestFen: 48000 }] });
  });

  it('lets a conditional fare fire a flight-price watch once the traveller says it fits them', async () => {
    const { rail } = fakeRail(() => ok([]));
    const youth = { kinds: ['youth' as const], text: { zh: '限16–25周岁', en: 'ages 16–25 only' } };
    const svc = createWatchService({ ...deps(rail), settings: async () => ({ ...settings, qualifications: { youth: true } }) });
    await svc.createFare({ date: DATE, fromCity: 'BJS', toCity: 'SHA', maxFen: 50000 });
    const young = { cabinClass: 'economy' as const, price: 38700, taxes: 5000, condition: youth };
    const ordinary = { cabinClass: 'economy' as const, price: 60000, taxes: 5000 };
    await svc.onFlightResult({
      source: 'fliggy' as const, date: DATE, depCity: 'BJS', arrCity: 'SHA', airports: {}, airlines: {},
      flights: [{ mode: 'air' as const, id: 'x', flightNo: 'MU5101', airline: 'MU', date: DATE, from: { code: 'PEK' }, to: { code: 'SHA' },
        depart: NOON, arrive: NOON, durationMin: 120, arriveDayOffset: 0, stops: 0, transfer: false,
        fares: [ordinary, young], lowest: young, source: 'fliggy' as const }],
    });
    const all = Object.values(await fakeBrowser.notifications.getAll()) as { title: string }[];
    expect(all.map((n) => n.title)).toEqual(['机票降价：¥437（含税费）']);
  });
});

describe('watch service: review fixes', () => {
  it('brings the alarm back after a browser restart through runtime.onStartup, exactly once', async () => {
    const { rail } = fakeRail(() => ok([train('G101', { ze: none })]));
    const svc = registerWatchService(deps(rail));
    await svc.create(createReq(['G101']));
    await svc.runCycle();
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    // The browser restarts: alarms are not kept, the worker is woken by onStartup.
    await fakeBrowser.alarms.clearAll();
    clock.t += 1000;
    await fakeBrowser.runtime.onStartup.trigger();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.getAll()).toHaveLength(1));
    await svc.runCycle();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.name).toBe(WATCH_ALARM);
    expect(alarms[0]!.scheduledTime).toBe(NOON + 60_000);
  });

  it('keeps stored watches with over-long fields and sets unreadable ones aside, through a full cycle', async () => {
    const { rail } = fakeRail(() => ok([train('G101', { ze: none })]));
    const seed = createWatchService(deps(rail));
    await seed.create(createReq(['G101']));
    await seed.create(createReq(['G7'], 'VNP'));
    await seed.runCycle();
    const raw = JSON.parse(JSON.stringify(await watchesItem.getValue()));
    raw.watches[1].lastError = { code: 'network', message: { zh: '错'.repeat(2000), en: 'e'.repeat(2000) }, at: NOON };
    raw.watches.push({ kind: 'rail', id: 'from-the-future', date: 'tomorrow' });
    await watchesItem.setValue(raw);

    const logs: string[] = [];
    const svc = createWatchService({ ...deps(rail), log: (m: string) => void logs.push(m) });
    await svc.start();
    const after = (await watchesItem.getValue()) as any;
    expect(after.watches.map((w: RailWatch) => w.trains[0])).toEqual(['G101', 'G7']);
    expect(after.unreadable).toEqual([{ kind: 'rail', id: 'from-the-future', date: 'tomorrow' }]);
    expect(logs.some((m) => /1 stored watch\(es\) had over-long fields/.test(m))).toBe(true);
    expect(logs.some((m) => /1 stored watch\(es\) could not be read: set aside/.test(m))).toBe(true);
    expect((await svc.list()).watches).toHaveLength(2);
    // The popup is told, so the user knows something was set aside, and the export carries it.
    expect((await svc.status()).unreadable).toBe(1);
    const exported = JSON.parse((await svc.exportJson()).json);
    expect(exported.unreadable).toEqual([{ kind: 'rail', id: 'from-the-future', date: 'tomorrow' }]);
    expect(exported.watches).toHaveLength(2);
  });

  it('keeps a watches value that is not a document as a backup before starting afresh, and tells the popup', async () => {
    const { rail } = fakeRail(() => ok([train('G101', { ze: none })]));
    await watchesItem.setValue('{"watches":[{"kind":"rail"' as never);
    const svc = createWatchService({ ...deps(rail), backup: watchesBackupItem });
    await svc.start();
    expect(await watchesBackupItem.getValue()).toEqual({ at: NOON, value: '{"watches":[{"kind":"rail"' });
    expect((await svc.status()).backupAt).toBe(NOON);
    // Work goes on, and a later write never replaces the backup.
    await svc.create(createReq(['G101']));
    expect((await svc.list()).watches).toHaveLength(1);
    await watchesItem.setValue(42 as never);
    clock.t += 60_000;
    await createWatchService({ ...deps(rail), backup: watchesBackupItem }).start();
    expect((await watchesBackupItem.getValue())?.value).toBe('{"watches":[{"kind":"rail"');
  });

  it('spreads a cycle\'s route queries over the interval instead of sending them in one burst', async () => {
    const { rail, calls } = fakeRail(() => ok([train('G101', { ze: none })]));
    const svc = createWatchService(deps(rail));
    for (const from of ['BJP', 'VNP', 'VAP']) await svc.create(createReq(['G101'], from));
    await svc.runCycle(); // the creations' own first checks settle
    slept.length = 0;
    calls.length = 0;
    clock.t += 10 * 60_000;
    await svc.runCycle();
    expect([...calls].sort()).toEqual(['2026-11-23|BJP|SHH', '2026-11-23|VAP|SHH', '2026-11-23|VNP|SHH']);
    // Two pauses between three routes: half the 60 s interval shared out, at most 4 s each.
    expect(slept).toEqual([4000, 4000]);
  });
});
