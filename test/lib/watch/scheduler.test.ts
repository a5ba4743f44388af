import { beforeEach, describe, expect, it } from 'vitest';
import type { ChinaDate } from '../../../lib/model';
import { fail } from '../../../lib/result';
import { chinaInstant, DAY_MS } from '../../../lib/time';
import { AVAILABLE_MAX, ERROR_TEXT_MAX, newFareWatch, parseDoc, routeKeyOf, watchesDocSchema, type RailWatch, type WatchesDoc } from '../../../lib/watch/model';
import { decide, nextDelayMs, observe, type Action, type QueryAction } from '../../../lib/watch/scheduler';
import { statusOf } from '../../../lib/watch/view';
import { answer, count, DATE, doc, none, NOON, plenty, railWatch, SETTINGS, seq, train } from './support';
import { useTestLanguage } from '../../support/i18n';

// SETTINGS speak Chinese; the worker starts that catalog before building texts, as this does.
beforeEach(() => void useTestLanguage('zh-CN'));

const queries = (a: Action[]) => a.filter((x): x is QueryAction => x.type === 'query');
const notifies = (a: Action[]) => a.filter((x) => x.type === 'notify');
const wake = (a: Action[]) => a.find((x) => x.type === 'wake') as Extract<Action, { type: 'wake' }>;
const badge = (a: Action[]) => (a.find((x) => x.type === 'badge') as Extract<Action, { type: 'badge' }>).count;

/** 200 watches over 20 routes: 20 stations pairs × 10 watches, mixed trains and classes. */
function twoHundred(): RailWatch[] {
  const out: RailWatch[] = [];
  for (let r = 0; r < 20; r++) {
    const from = `A${String.fromCharCode(65 + r)}A`;
    for (let i = 0; i < 10; i++) {
      out.push(railWatch({ from: { telecode: from }, to: { telecode: 'SHH' }, trains: [`G${r * 10 + i}`], classes: i % 2 ? ['ze'] : ['zy', 'swz'] }));
    }
  }
  return out;
}

describe('decide: batching', () => {
  it('serves 200 watches over 20 routes with 20 queries per cycle', () => {
    const d = decide(doc(twoHundred()), NOON, SETTINGS, seq(0.5));
    const q = queries(d.actions);
    expect(q).toHaveLength(20);
    expect(new Set(q.map((x) => x.route)).size).toBe(20);
    expect(q.reduce((s, x) => s + x.watchIds.length, 0)).toBe(200);
    // Every watch id appears in the query of its own route.
    for (const x of q) for (const id of x.watchIds) expect(routeKeyOf(d.state.watches.find((w) => w.id === id) as RailWatch)).toBe(x.route);
  });

  it('sends nothing again before the interval, then one query per route again', () => {
    const first = decide(doc(twoHundred()), NOON, SETTINGS, seq(0.5));
    expect(queries(decide(first.state, NOON + 1000, SETTINGS, seq(0.5)).actions)).toHaveLength(0);
    expect(queries(decide(first.state, NOON + 59_000, SETTINGS, seq(0.5)).actions)).toHaveLength(0);
    const again = decide(first.state, NOON + 60_000, SETTINGS, seq(0.5));
    expect(queries(again.actions)).toHaveLength(20);
    expect(wake(first.actions)).toEqual({ type: 'wake', at: NOON + 60_000, why: 'due' });
  });

  it('jitters the interval by ±20 % and never goes below 30 s', () => {
    expect(nextDelayMs(SETTINGS, 0, () => 0)).toBe(48_000);
    expect(nextDelayMs(SETTINGS, 0, () => 1)).toBe(72_000);
    expect(nextDelayMs({ ...SETTINGS, intervalSec: 30 }, 0, () => 0)).toBe(30_000);
    expect(nextDelayMs({ ...SETTINGS, intervalSec: 5 }, 0, () => 0.5)).toBe(30_000);
    // A test build may lower the floor explicitly (see lib/background/watch-service.ts).
    expect(nextDelayMs({ ...SETTINGS, intervalSec: 2, minIntervalSec: 1 }, 0, () => 0.5)).toBe(2000);
  });

  it('never queries a route twice within 30 s, even if its state says it is due', () => {
    const d = decide(doc([railWatch()]), NOON, SETTINGS, seq(0.5));
    const k = routeKeyOf(d.state.watches[0] as RailWatch);
    const forced: WatchesDoc = { ...d.state, routes: { [k]: { ...d.state.routes[k]!, nextAt: NOON } } };
    expect(queries(decide(forced, NOON + 10_000, SETTINGS).actions)).toHaveLength(0);
    expect(queries(decide(forced, NOON + 30_000, SETTINGS).actions)).toHaveLength(1);
  });

  it('does not poll watches paused by the user, and goes idle without watches', () => {
    const paused = { ...railWatch(), paused: true };
    const d = decide(doc([paused]), NOON, SETTINGS);
    expect(queries(d.actions)).toHaveLength(0);
    expect(wake(d.actions)).toEqual({ type: 'wake', at: null, why: 'idle' });
  });
});

describe('decide: quiet hours', () => {
  const w = () => doc(twoHundred());
  it.each([
    ['23:00', chinaInstant('2026-11-22' as ChinaDate, 23 * 60), chinaInstant(DATE, 6 * 60)],
    ['02:30', chinaInstant(DATE, 150), chinaInstant(DATE, 6 * 60)],
    ['05:59', chinaInstant(DATE, 359), chinaInstant(DATE, 6 * 60)],
  ])('sends nothing at %s China time and wakes at 06:00', (_, now, end) => {
    const d = decide(w(), now, SETTINGS);
    expect(queries(d.actions)).toHaveLength(0);
    expect(wake(d.actions)).toEqual({ type: 'wake', at: end, why: 'quiet' });
    for (const x of d.state.watches) expect(statusOf(d.state, x, now, SETTINGS)).toEqual({ kind: 'paused-quiet', until: end });
  });
  it('polls again at 06:00 and at 22:59', () => {
    expect(queries(decide(w(), chinaInstant(DATE, 6 * 60), SETTINGS).actions)).toHaveLength(20);
    expect(queries(decide(w(), chinaInstant('2026-11-22' as ChinaDate, 22 * 60 + 59), SETTINGS).actions)).toHaveLength(20);
  });
  it('honours configured quiet hours that do not wrap midnight, and none when start = end', () => {
    const s = { ...SETTINGS, quietStart: '12:00', quietEnd: '13:00' };
    expect(queries(decide(w(), chinaInstant(DATE, 12 * 60 + 30), s).actions)).toHaveLength(0);
    expect(queries(decide(w(), chinaInstant(DATE, 2 * 60), s).actions)).toHaveLength(20);
    expect(queries(decide(w(), chinaInstant(DATE, 2 * 60), { ...s, quietEnd: '12:00' }).actions)).toHaveLength(20);
  });
});

describe('observe: transitions', () => {
  function cycle(state: WatchesDoc, now: number, trains: ReturnType<typeof train>[]) {
    const d = decide(state, now, SETTINGS, seq(0.5));
    const q = queries(d.actions);
    expect(q).toHaveLength(1);
    return observe(d.state, q[0]!.route, answer(trains), now, SETTINGS);
  }

  it('notifies once when a wanted class goes from none to some, not again while it stays, again after it came back', () => {
    let s = doc([railWatch({ trains: ['G101'], classes: ['ze'] })]);
    let t = NOON;
    const step = (trains: ReturnType<typeof train>[]) => {
      const o = cycle(s, t, trains);
      s = o.state;
      t += 61_000;
      return o.actions;
    };
    expect(notifies(step([train('G101', { ze: none, zy: count(3) })]))).toHaveLength(0); // other class: not wanted
    const fired = notifies(step([train('G101', { ze: count(5), zy: count(3) })]));
    expect(fired).toHaveLength(1);
    const n = (fired[0] as Extract<Action, { type: 'notify' }>).notification;
    expect(n.title).toContain('G101');
    expect(n.message).toContain('二等座');
    expect(n.message).toContain('余5张');
    expect(n.message).toContain('¥553');
    expect(notifies(step([train('G101', { ze: count(5) })]))).toHaveLength(0); // same state
    expect(notifies(step([train('G101', { ze: count(2) })]))).toHaveLength(0); // fewer, still some
    expect(notifies(step([train('G101', { ze: plenty })]))).toHaveLength(0); // more
    expect(notifies(step([train('G101', { ze: none })]))).toHaveLength(0); // gone
    expect(notifies(step([train('G101', { ze: count(1) })]))).toHaveLength(1); // came back
    expect(notifies(step([train('G999', { ze: count(9) }), train('G101', { ze: count(1) })]))).toHaveLength(0); // other train
  });

  it('fires when the count rises to the wanted number of seats, not before', () => {
    let s = doc([railWatch({ seats: 3 })]);
    let o = cycle(s, NOON, [train('G101', { ze: count(2) })]);
    expect(notifies(o.actions)).toHaveLength(0);
    expect(badge(o.actions)).toBe(0);
    s = o.state;
    o = cycle(s, NOON + 61_000, [train('G101', { ze: count(3) })]);
    expect(notifies(o.actions)).toHaveLength(1);
    expect(badge(o.actions)).toBe(1);
  });

  it('treats 候补 and * as no seats (候补 is its own waiting-list alert), and ignores suspended trains', () => {
    const o = cycle(doc([railWatch({ classes: ['ze', 'zy'] })]), NOON, [
      train('G101', { ze: { kind: 'waitlist' }, zy: { kind: 'not-on-sale' } }),
    ]);
    expect(o.state.watches[0]).toMatchObject({ available: [], waitlist: [expect.objectContaining({ code: 'G101', cls: 'ze' })] });
    expect(badge(o.actions)).toBe(0);
    expect(notifies(o.actions)).toEqual([expect.objectContaining({ notification: expect.objectContaining({ title: '可候补：G101 二等座' }) })]);
    const stopped = { ...train('G101', { ze: count(5) }), status: 'suspended' as const };
    expect(notifies(cycle(doc([railWatch()]), NOON, [stopped]).actions)).toHaveLength(0);
  });

  it('matches a filter watch by train type and departure window', () => {
    const w = railWatch({ trains: [], filter: { types: ['G'], departFrom: '07:00', departTo: '09:00' } });
    const o = cycle(doc([w]), NOON, [
      train('D5', { ze: count(4) }, { departMin: 8 * 60 }),
      train('G7', { ze: count(4) }, { departMin: 10 * 60 }),
      train('G9', { ze: count(4) }, { departMin: 7 * 60 + 30 }),
    ]);
    expect(notifies(o.actions)).toHaveLength(1);
    expect((o.state.watches[0] as RailWatch).available.map((s) => s.code)).toEqual(['G9']);
  });

  it('says nothing with notifications off but still counts seats for the badge', () => {
    const d = decide(doc([railWatch()]), NOON, SETTINGS);
    const o = observe(d.state, queries(d.actions)[0]!.route, answer([train('G101', { ze: count(5) })]), NOON, { ...SETTINGS, notify: false });
    expect(notifies(o.actions)).toHaveLength(0);
    expect(badge(o.actions)).toBe(1);
  });

  it('records a bounded seat history and fills in station names from the answer', () => {
    let s = doc([railWatch({ from: { telecode: 'BJP' }, to: { telecode: 'SHH' } })]);
    const noQuiet = { ...SETTINGS, quietEnd: SETTINGS.quietStart };
    for (let i = 0; i < 1000; i++) {
      const d = decide(s, NOON + i * 61_000, noQuiet, seq(0.5));
      const q = queries(d.actions)[0]!;
      s = observe(d.state, q.route, answer([train('G101', { ze: count(i % 7) })], { BJP: '北京', SHH: '上海' }), NOON + i * 61_000, noQuiet).state;
    }
    const w = s.watches[0] as RailWatch;
    expect(w.history.length).toBeLessThanOrEqual(300);
    expect(w.history.at(-1)).toEqual([NOON + 999 * 61_000, 999 % 7]);
    expect(w.from.name).toBe('北京');
    expect(w.to.name).toBe('上海');
  });
});

describe('expiry', () => {
  it('expires a watch whose date has passed and stops polling it', () => {
    const w = railWatch({ date: '2026-11-21' as ChinaDate });
    const d = decide(doc([w, railWatch()]), NOON, SETTINGS);
    expect(d.actions).toContainEqual({ type: 'expire', watchId: w.id, reason: 'date-passed' });
    expect(d.state.watches[0]).toMatchObject({ status: 'expired', expiredReason: 'date-passed' });
    expect(queries(d.actions)).toHaveLength(1);
    expect(queries(d.actions)[0]!.watchIds).not.toContain(w.id);
    // Expired once, not again.
    expect(decide(d.state, NOON + 61_000, SETTINGS).actions.filter((a) => a.type === 'expire')).toHaveLength(0);
  });

  it('expires a watch when its train has departed', () => {
    const d = decide(doc([railWatch()]), NOON, SETTINGS);
    const departMin = 8 * 60;
    const o = observe(d.state, queries(d.actions)[0]!.route, answer([train('G101', { ze: none }, { departMin })]), NOON, SETTINGS);
    expect(o.state.watches[0]!.status).toBe('active');
    const after = decide(o.state, chinaInstant(DATE, departMin), SETTINGS);
    expect(after.actions).toContainEqual({ type: 'expire', watchId: o.state.watches[0]!.id, reason: 'departed' });
    expect(queries(after.actions)).toHaveLength(0);
    expect(wake(after.actions).at).toBeNull();
  });

  it('expires a departure-window watch after the window closed', () => {
    const w = railWatch({ trains: [], filter: { departTo: '09:00' } });
    expect(decide(doc([w]), chinaInstant(DATE, 9 * 60 + 1), SETTINGS).state.watches[0]!.status).toBe('expired');
    expect(decide(doc([w]), chinaInstant(DATE, 9 * 60), SETTINGS).state.watches[0]!.status).toBe('active');
  });

  it('drops an expired watch from the badge', () => {
    const w = { ...railWatch(), available: [{ trainNo: 'x', code: 'G101', cls: 'ze' as const, name: '二等座', nameEn: 'Second', n: 3 }] };
    expect(badge(decide(doc([w]), NOON, SETTINGS).actions)).toBe(1);
    expect(badge(decide(doc([w]), NOON + 2 * DAY_MS, SETTINGS).actions)).toBe(0);
  });
});

describe('back-off', () => {
  function rateLimited(retryAt?: number) {
    return fail('rate-limited', '12306 answered 403', '12306 拒绝了请求（403）', retryAt !== undefined ? { retryAt } : {});
  }

  it('applies a rate-limited answer to every watch on the route, says until when, and resumes after', () => {
    const ws = [railWatch({ trains: ['G1'] }), railWatch({ trains: ['G2'] }), railWatch({ trains: ['G3'], classes: ['zy'] })];
    const d = decide(doc(ws), NOON, SETTINGS, seq(0.5));
    const q = queries(d.actions);
    expect(q).toHaveLength(1);
    const until = NOON + 10 * 60_000;
    const o = observe(d.state, q[0]!.route, rateLimited(until), NOON, SETTINGS);
    for (const w of o.state.watches) {
      expect(statusOf(o.state, w, NOON + 1000, SETTINGS)).toMatchObject({ kind: 'paused-backoff', until, code: 'rate-limited', message: { zh: expect.stringContaining('403') } });
    }
    // Nothing is sent before `until`, not even when the route's own interval has passed.
    const during = decide(o.state, NOON + 5 * 60_000, SETTINGS, seq(0.5));
    expect(queries(during.actions)).toHaveLength(0);
    expect(wake(during.actions)).toEqual({ type: 'wake', at: until, why: 'backoff' });
    const after = decide(o.state, until, SETTINGS, seq(0.5));
    expect(queries(after.actions)).toHaveLength(1);
    // A good answer ends the back-off.
    const ok = observe(after.state, q[0]!.route, answer([]), until, SETTINGS);
    expect(ok.state.backoff).toBeUndefined();
    expect(statusOf(ok.state, ok.state.watches[0]!, until + 1000, SETTINGS).kind).toBe('watching');
  });

  it('holds every route while 12306 blocks us (the limit is per client, not per route)', () => {
    const d = decide(doc(twoHundred()), NOON, SETTINGS, seq(0.5));
    const first = queries(d.actions)[0]!;
    const o = observe(d.state, first.route, fail('blocked', 'redirected to error.html', '被 12306 拦截'), NOON, SETTINGS);
    expect(o.state.backoff?.until).toBe(NOON + 10 * 60_000);
    expect(queries(decide(o.state, NOON + 9 * 60_000, SETTINGS).actions)).toHaveLength(0);
    for (const w of o.state.watches) expect(statusOf(o.state, w, NOON + 1, SETTINGS).kind).toBe('paused-backoff');
  });

  it('doubles the default wait when back-offs follow each other, and waits for 06:00 in maintenance', () => {
    const d = decide(doc([railWatch()]), NOON, SETTINGS, seq(0.5));
    const k = queries(d.actions)[0]!.route;
    const o1 = observe(d.state, k, rateLimited(), NOON, SETTINGS);
    expect(o1.state.backoff!.until).toBe(NOON + 2 * 60_000);
    const o2 = observe(o1.state, k, rateLimited(), NOON + 2 * 60_000, SETTINGS);
    expect(o2.state.backoff!.until).toBe(NOON + 2 * 60_000 + 4 * 60_000);
    const late = chinaInstant('2026-11-22' as ChinaDate, 22 * 60 + 50);
    const m = observe(d.state, k, fail('maintenance', 'maintenance', '系统维护'), late, SETTINGS);
    expect(m.state.backoff!.until).toBe(chinaInstant(DATE, 6 * 60));
  });

  it('stretches only the failing route on other errors and shows the error', () => {
    const ws = [railWatch({ from: { telecode: 'AAA' } }), railWatch({ from: { telecode: 'BBB' } })];
    const d = decide(doc(ws), NOON, SETTINGS, seq(0.5));
    const [qa, qb] = queries(d.actions);
    const o = observe(d.state, qa!.route, fail('network', 'network down', '网络错误'), NOON, SETTINGS);
    expect(o.state.backoff).toBeUndefined();
    expect(o.state.routes[qa!.route]!.nextAt).toBe(NOON + 120_000);
    expect(o.state.routes[qb!.route]!.nextAt).toBe(NOON + 60_000);
    expect(statusOf(o.state, o.state.watches[0]!, NOON + 1, SETTINGS)).toMatchObject({ kind: 'error', code: 'network' });
    const next = decide(o.state, NOON + 60_000, SETTINGS, seq(0.5));
    expect(queries(next.actions).map((x) => x.route)).toEqual([qb!.route]);
  });
});

describe('stored caps', () => {
  const first = (state: WatchesDoc) => {
    const d = decide(state, NOON, SETTINGS, seq(0.5));
    return { state: d.state, route: queries(d.actions)[0]!.route };
  };

  it('clips 12306 error text to the stored caps, so the watch and the back-off still load', () => {
    const { state, route } = first(doc([railWatch({ id: 'a' })]));
    const long = fail('network', `HTTP 500 ${'x'.repeat(1000)}`, `网络错误${'网'.repeat(1000)}`);
    const d = observe(state, route, long, NOON, SETTINGS);
    const w = d.state.watches[0] as RailWatch;
    expect(w.lastError!.message.en).toHaveLength(ERROR_TEXT_MAX);
    expect(w.lastError!.message.en.startsWith('HTTP 500 ')).toBe(true);
    expect(d.state.routes[route]!.lastError!.message.zh).toHaveLength(ERROR_TEXT_MAX);
    expect(parseDoc(d.state)).toMatchObject({ repaired: 0, unreadable: 0 });
    expect(parseDoc(d.state).doc.watches).toHaveLength(1);

    const limited = observe(state, route, fail('rate-limited', 'slow '.repeat(200), '慢'.repeat(400)), NOON, SETTINGS);
    expect(watchesDocSchema.safeParse(limited.state).success).toBe(true);
    expect(parseDoc(limited.state).doc.backoff).toMatchObject({ code: 'rate-limited' });
  });

  it('lists at most AVAILABLE_MAX seats for a broad filter watch, still counting every seat', () => {
    const w = railWatch({ id: 'any', trains: [], classes: ['ze', 'zy', 'swz', 'yw'], filter: { types: ['G'] } });
    const trains = Array.from({ length: 60 }, (_, i) => train(`G${i}`, { ze: count(5), zy: count(5), swz: count(5), yw: count(5) }, { departMin: 6 * 60 + i * 10 }));
    const { state, route } = first(doc([w]));
    const d = observe(state, route, answer(trains), NOON, SETTINGS);
    const after = d.state.watches[0] as RailWatch;
    expect(after.available).toHaveLength(AVAILABLE_MAX);
    expect(after.seatsLeft).toBe(240 * 5);
    expect(notifies(d.actions)).toHaveLength(1);
    expect(parseDoc(d.state)).toMatchObject({ repaired: 0, unreadable: 0 });
    expect(parseDoc(d.state).doc.watches).toHaveLength(1);
    // The same answer again is no news.
    expect(notifies(observe(d.state, route, answer(trains), NOON + 60_000, SETTINGS).actions)).toHaveLength(0);
  });
});

describe('decide: settings changed and fare watches', () => {
  it('pulls the next check forward when the interval is lowered, and keeps the jitter otherwise', () => {
    const slow = { ...SETTINGS, intervalSec: 600 };
    const planned = decide(doc([railWatch()]), NOON, slow, seq(0.5));
    expect(wake(planned.actions).at).toBe(NOON + 600_000);
    const lowered = decide(planned.state, NOON + 10_000, SETTINGS, seq(0.5));
    expect(queries(lowered.actions)).toHaveLength(0);
    expect(wake(lowered.actions).at).toBe(NOON + 60_000);
    expect(queries(decide(lowered.state, NOON + 60_000, SETTINGS, seq(0.5)).actions)).toHaveLength(1);
    // Same interval, top of the jitter: left where it was.
    const high = decide(doc([railWatch()]), NOON, SETTINGS, seq(1));
    expect(wake(decide(high.state, NOON + 1000, SETTINGS, seq(0)).actions).at).toBe(NOON + 72_000);
  });

  it('keeps waking every hour while only fare watches are active, so they expire, then goes idle', () => {
    const fare = newFareWatch({ date: DATE, fromCity: 'BJS', toCity: 'SHA', maxFen: 50_000 }, 'f1', NOON);
    const d = decide(doc([fare]), NOON + 5 * 60_000, SETTINGS);
    expect(wake(d.actions)).toEqual({ type: 'wake', at: NOON + 3600_000, why: 'expiry' });
    // A later start-up within the same hour asks for the same time (no alarm churn).
    expect(wake(decide(d.state, NOON + 30 * 60_000, SETTINGS).actions).at).toBe(NOON + 3600_000);
    // Hourly wakes land on China midnight, where its date ends.
    const end = chinaInstant(DATE, 24 * 60);
    expect((end - NOON) % 3600_000).toBe(0);
    const e = decide(d.state, end, SETTINGS);
    expect(e.actions).toContainEqual({ type: 'expire', watchId: 'f1', reason: 'date-passed' });
    expect(wake(e.actions)).toEqual({ type: 'wake', at: null, why: 'idle' });
  });
});
