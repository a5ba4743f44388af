// Fare watches polled with no Fliggy tab: the watch service asks the shared live Fliggy client
// itself, once per route and date per poll, on the fare interval, outside quiet hours and
// back-offs, and its answers notify through checkFareWatches.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { useTestLanguage } from '../../support/i18n';
import { watchesItem } from '../../../lib/storage';
import { createWatchService, type TrainSource } from '../../../lib/background/watch-service';
import { WATCH_ALARM } from '../../../lib/background/watch-effects';
import type { FareSource } from '../../../lib/watch/fare-poll';
import type { EpochMs, FlightSearchResult } from '../../../lib/model';
import { chinaInstant } from '../../../lib/time';
import { DATE, NOON } from '../watch/support';

const clock = { t: NOON };
const rail: TrainSource = { queryTrains: async () => ({ ok: true, value: { trains: [], stationNames: {} } }) };

function day(priceFen: number, date = DATE, dep = 'BJS', arr = 'SHA'): FlightSearchResult {
  const fare = { cabinClass: 'economy' as const, price: priceFen, taxes: 5000 };
  const depart = chinaInstant(date, 8 * 60);
  return {
    source: 'fliggy', date, depCity: dep, arrCity: arr, airports: {}, airlines: {},
    flights: [{ mode: 'air', id: 'x', flightNo: 'MU5101', airline: 'MU', date, from: { code: 'PEK', city: dep }, to: { code: 'SHA', city: arr },
      depart, arrive: depart + 7_200_000, durationMin: 120, arriveDayOffset: 0, stops: 0, transfer: false, fares: [fare], lowest: fare, source: 'fliggy' }],
  } as FlightSearchResult;
}

/** A stand-in for the live Fliggy client: counts every search; its back-off can be set. */
function fakeFares(price = () => 43000) {
  const calls: string[] = [];
  const state = { blocked: undefined as EpochMs | undefined, fail: false };
  const air: FareSource = {
    searchFlights: async (q) => {
      calls.push(`${q.date}|${q.fromCity}|${q.toCity}`);
      if (state.fail) return { ok: false, error: { code: 'challenge', message: { zh: '请在飞猪页面完成验证', en: 'Verify on Fliggy' }, retryAt: clock.t + 300_000 } };
      return { ok: true, value: day(price(), q.date as typeof DATE, q.fromCity, q.toCity) };
    },
    blockedUntil: async () => (state.blocked !== undefined && state.blocked > clock.t ? state.blocked : undefined),
  };
  return { air, calls, state };
}

let settings: Settings;
const make = (air: FareSource, extra: Partial<Parameters<typeof createWatchService>[0]> = {}) =>
  createWatchService({ rail, air, store: watchesItem, now: () => clock.t, rng: () => 0.5, settings: async () => settings, log: () => undefined, sleep: async () => undefined, ...extra });
const fare = (maxFen: number, toCity = 'SHA', date: string = DATE) => ({ date, fromCity: 'BJS', toCity, maxFen });
const MIN = 60_000;

beforeEach(() => {
  fakeBrowser.reset();
  clock.t = NOON;
  settings = { ...DEFAULT_SETTINGS, language: 'zh-CN', watch: { ...DEFAULT_SETTINGS.watch } };
  useTestLanguage('zh-CN');
});

describe('fare watches polled through the live Fliggy client', () => {
  it('asks once per route and date per poll, whatever the number of fare watches, and notifies from the answer', async () => {
    const { air, calls } = fakeFares();
    const svc = make(air);
    await svc.createFare(fare(50000));
    await svc.createFare(fare(60000));
    await svc.createFare(fare(40000));
    await svc.runCycle();
    expect(calls).toEqual([`${DATE}|BJS|SHA`]);
    // ¥430 + ¥50 = ¥480: under ¥500 and ¥600, not under ¥400.
    const titles = Object.values(await fakeBrowser.notifications.getAll()).map((n) => (n as { title: string }).title);
    expect(titles).toEqual(['机票降价：¥480（含税费）', '机票降价：¥480（含税费）']);
    const doc = await watchesItem.getValue();
    expect(doc.watches.map((w) => w.kind === 'fare' && w.below)).toEqual([true, true, false]);
    expect(doc.farePollAt).toBe(NOON);
  });

  it('waits the fare interval (15 min by default) between polls, and the alarm comes back for it', async () => {
    const { air, calls } = fakeFares();
    const svc = make(air);
    await svc.createFare(fare(50000));
    await svc.createFare(fare(50000, 'CAN'));
    await svc.runCycle();
    expect(calls).toHaveLength(2);
    expect((await fakeBrowser.alarms.get(WATCH_ALARM))!.scheduledTime).toBe(NOON + 15 * MIN);
    clock.t = NOON + 15 * MIN - 1000;
    await svc.runCycle();
    expect(calls).toHaveLength(2);
    clock.t = NOON + 15 * MIN;
    await svc.runCycle();
    expect(calls).toHaveLength(4);
  });

  it('never polls more often than every 5 minutes, whatever the stored setting says', async () => {
    settings = { ...settings, fareIntervalMin: 1 };
    const { air, calls } = fakeFares();
    const svc = make(air);
    await svc.createFare(fare(50000));
    await svc.runCycle();
    clock.t += 4 * MIN;
    await svc.runCycle();
    expect(calls).toHaveLength(1);
    clock.t += MIN;
    await svc.runCycle();
    expect(calls).toHaveLength(2);
  });

  it('does not poll early after a restart (the last poll time is stored)', async () => {
    const { air, calls } = fakeFares();
    const first = make(air);
    await first.createFare(fare(50000));
    await first.runCycle();
    expect(calls).toHaveLength(1);
    clock.t += 5 * MIN;
    await make(air).start();
    expect(calls).toHaveLength(1);
  });

  it('sends nothing in quiet hours, and polls when they end', async () => {
    const { air, calls } = fakeFares();
    clock.t = chinaInstant('2026-11-22', 23 * 60 + 30);
    const svc = make(air);
    await svc.createFare(fare(50000));
    await svc.runCycle();
    expect(calls).toHaveLength(0);
    const end = chinaInstant('2026-11-23', 6 * 60);
    expect((await fakeBrowser.alarms.get(WATCH_ALARM))!.scheduledTime).toBeLessThanOrEqual(end);
    clock.t = end;
    await svc.runCycle();
    expect(calls).toHaveLength(1);
  });

  it('honours the client’s back-off, and records a verification page on the watches', async () => {
    const { air, calls, state } = fakeFares();
    state.fail = true;
    const svc = make(air);
    await svc.createFare(fare(50000));
    await svc.createFare(fare(50000, 'CAN'));
    await svc.runCycle();
    // The first answer was the verification page: the other route waits for the next poll.
    expect(calls).toHaveLength(1);
    const doc = await watchesItem.getValue();
    expect(doc.watches[0]).toMatchObject({ lastError: { code: 'challenge', message: { en: 'Verify on Fliggy' } } });
    state.fail = false;
    state.blocked = NOON + 20 * MIN;
    clock.t = NOON + 15 * MIN;
    await svc.runCycle();
    expect(calls).toHaveLength(1);
    expect((await fakeBrowser.alarms.get(WATCH_ALARM))!.scheduledTime).toBe(NOON + 20 * MIN);
    clock.t = NOON + 20 * MIN;
    await svc.runCycle();
    expect(calls).toHaveLength(3);
    expect((await watchesItem.getValue()).watches[0]!.lastError).toBeUndefined();
  });

  it('skips dates already gone and paused watches', async () => {
    const { air, calls } = fakeFares();
    const svc = make(air);
    const { id } = await svc.createFare(fare(50000));
    await svc.pause({ id, paused: true });
    await svc.runCycle();
    expect(calls).toHaveLength(0);
    // A watch stored for yesterday is never asked about (it expires).
    await watchesItem.setValue({ watches: [{ kind: 'fare', id: 'old', createdAt: NOON, date: '2026-11-21', fromCity: 'BJS', toCity: 'SHA', maxFen: 50000, paused: false, status: 'active', history: [], below: false }], routes: {} } as never);
    await svc.runCycle();
    expect(calls).toHaveLength(0);
  });

  it('uses the test build’s short interval for fare polls too (test builds only)', async () => {
    const { air, calls } = fakeFares();
    const svc = make(air, { testBuild: true, testInterval: async () => 2 });
    await svc.createFare(fare(50000));
    await svc.runCycle();
    clock.t += 2000;
    await svc.runCycle();
    expect(calls).toHaveLength(2);
    const prod = make(air, { testBuild: false, testInterval: async () => 2 });
    clock.t += 2000;
    await prod.runCycle();
    expect(calls).toHaveLength(2);
  });
});
