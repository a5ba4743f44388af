// Watches that fit how people travel: the chosen day ±1 (each day its own route query, days
// that passed or are not on sale yet skipped), classes as an ordered preference (one alert naming
// the best match), and 候补 as a state of its own; and stored watches from before all this.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChinaDate } from '../../../lib/model';
import { chinaInstant } from '../../../lib/time';
import { parseDoc, type Sighting, type WatchesDoc } from '../../../lib/watch/model';
import { decide, observe, type Action, type QueryAction } from '../../../lib/watch/scheduler';
import { byPreference } from '../../../lib/watch/best';
import { statusOf } from '../../../lib/watch/view';
import { answer, count, DATE, doc, none, NOON, plenty, railWatch, SETTINGS, seq, train } from './support';
import { useTestLanguage } from '../../support/i18n';

beforeEach(() => void useTestLanguage('zh-CN'));

const queries = (a: Action[]) => a.filter((x): x is QueryAction => x.type === 'query');
const notifies = (a: Action[]) => a.flatMap((x) => (x.type === 'notify' ? [x.notification] : []));
const D_BEFORE = '2026-11-22' as ChinaDate;
const D_AFTER = '2026-11-24' as ChinaDate;

/** One cycle: decide, then each due day's answer from `byDay` (a day left out answers no trains). */
function cycle(state: WatchesDoc, now: number, byDay: Partial<Record<ChinaDate, ReturnType<typeof train>[]>>) {
  const d = decide(state, now, SETTINGS, seq(0.5));
  let s = d.state;
  const actions: Action[] = [];
  for (const q of queries(d.actions)) {
    const o = observe(s, q.route, answer(byDay[q.date] ?? []), now, SETTINGS);
    s = o.state;
    actions.push(...o.actions);
  }
  return { state: s, actions, days: queries(d.actions).map((q) => q.date) };
}

describe('neighbouring days', () => {
  it('asks each covered day once, sharing a day with the other watches of that route', () => {
    const d = decide(doc([railWatch({ flexDays: 1 }), railWatch()]), NOON, SETTINGS, seq(0.5));
    const q = queries(d.actions);
    expect(q.map((x) => x.date).sort()).toEqual([D_BEFORE, DATE, D_AFTER]);
    expect(q.find((x) => x.date === DATE)!.watchIds).toHaveLength(2);
    expect(q.find((x) => x.date === D_AFTER)!.watchIds).toHaveLength(1);
  });

  it('skips a neighbouring day that has passed or is not on sale yet, without an error', () => {
    // NOON is 2026-11-22: 11-21 has passed; 12-06 is the last day on sale.
    const today = cycle(doc([railWatch({ date: D_BEFORE, flexDays: 1 })]), NOON, {});
    expect(today.days.sort()).toEqual([D_BEFORE, DATE]);
    const far = cycle(doc([railWatch({ date: '2026-12-06' as ChinaDate, flexDays: 1 })]), NOON, {});
    expect(far.days.sort()).toEqual(['2026-12-05', '2026-12-06']);
    for (const w of [...today.state.watches, ...far.state.watches]) expect(w).not.toHaveProperty('lastError');
  });

  it('alerts once, naming the next day’s train and linking to that day, when only the next day has seats', () => {
    const o = cycle(doc([railWatch({ flexDays: 1 })]), NOON, {
      [D_BEFORE]: [train('G101', { ze: none }, { date: D_BEFORE })],
      [DATE]: [train('G101', { ze: none })],
      [D_AFTER]: [train('G101', { ze: count(4) }, { date: D_AFTER })],
    });
    const n = notifies(o.actions);
    expect(n).toHaveLength(1);
    expect(n[0]!.title).toBe('有票了：11-24 G101 二等座');
    expect(n[0]!.message).toBe('11-24 G101 08:00 二等座 余4张 ¥553\n北京 → 上海 2026-11-24');
    expect(decodeURIComponent(n[0]!.url)).toBe('https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=北京,BJP&ts=上海,SHH&date=2026-11-24&flag=N,N,Y#railair=G101');
    expect(o.state.watches[0]).toMatchObject({ available: [expect.objectContaining({ code: 'G101', date: D_AFTER, n: 4 })] });
    // The next cycle's answers say the same: nothing new, no alert; the other days' sightings stay.
    const again = cycle(o.state, NOON + 61_000, { [D_AFTER]: [train('G101', { ze: count(4) }, { date: D_AFTER })] });
    expect(notifies(again.actions)).toHaveLength(0);
    expect(again.state.watches[0]).toMatchObject({ available: [expect.objectContaining({ date: D_AFTER })] });
  });

  it('alerts once per cycle for the best match when several days get seats; a better match later in the cycle still alerts', () => {
    const both = cycle(doc([railWatch({ flexDays: 1 })]), NOON, {
      [D_BEFORE]: [train('G101', { ze: count(2) }, { date: D_BEFORE })],
      [DATE]: [train('G101', { ze: none })],
      [D_AFTER]: [train('G101', { ze: count(4) }, { date: D_AFTER })],
    });
    expect(notifies(both.actions)).toHaveLength(1);
    // Both days' seats are on the watch, whichever the alert named.
    expect(both.state.watches[0]!.kind === 'rail' && both.state.watches[0]!.available.map((x) => x.date).sort()).toEqual([D_BEFORE, D_AFTER]);
    // A preferred class heard later in the same cycle beats what was told: a second alert.
    const [, first, second] = both.days as [ChinaDate, ChinaDate, ChinaDate];
    const better = cycle(doc([railWatch({ flexDays: 1, classes: ['ze', 'zy'] })]), NOON, {
      [first]: [train('G101', { zy: count(2), ze: none }, { date: first })],
      [second]: [train('G101', { ze: count(1), zy: none }, { date: second })],
    });
    const told = notifies(better.actions);
    expect(told).toHaveLength(2);
    expect(told[1]!.title).toContain('G101 二等座');
    // The same class again on the other day is no better: one alert.
    const same = cycle(doc([railWatch({ flexDays: 1, classes: ['ze', 'zy'] })]), NOON, {
      [first]: [train('G101', { ze: count(2) }, { date: first })],
      [second]: [train('G101', { ze: count(9) }, { date: second })],
    });
    expect(notifies(same.actions)).toHaveLength(1);
  });

  it('stops asking about the chosen day once it has passed, while the next day is still ahead', () => {
    const o = cycle(doc([railWatch({ flexDays: 1 })]), chinaInstant(D_AFTER, 8 * 60), {});
    expect(o.days).toEqual([D_AFTER]);
    expect(o.state.watches[0]).toMatchObject({ status: 'active' });
  });

  it('expires only when the last covered day is over', () => {
    const w = railWatch({ flexDays: 1 });
    const afterD = chinaInstant(D_AFTER, 60);
    expect(decide(doc([w]), afterD, SETTINGS, seq(0.5)).actions.some((a) => a.type === 'expire')).toBe(false);
    expect(decide(doc([railWatch()]), afterD, SETTINGS, seq(0.5)).actions).toContainEqual({ type: 'expire', watchId: expect.any(String), reason: 'date-passed' });
    expect(decide(doc([w]), chinaInstant('2026-11-25' as ChinaDate, 1), SETTINGS, seq(0.5)).actions).toContainEqual({ type: 'expire', watchId: w.id, reason: 'date-passed' });
  });
});

describe('classes in order of preference', () => {
  it('names the preferred class first, whatever the answer’s order', () => {
    const w = railWatch({ trains: [], classes: ['ze', 'zy'] });
    const o = cycle(doc([w]), NOON, { [DATE]: [train('G7', { zy: count(3), ze: none }, { departMin: 7 * 60 }), train('G101', { ze: plenty, zy: none }, { departMin: 9 * 60 })] });
    const n = notifies(o.actions);
    expect(n).toHaveLength(1);
    expect(n[0]!.title).toBe('有票了：G101 二等座 等2项');
    expect(n[0]!.message.split('\n')).toEqual(['G101 09:00 二等座 有票 ¥553', 'G7 07:00 一等座 余3张 ¥933', '北京 → 上海 2026-11-23']);
  });

  it('puts the chosen day before its neighbours, then the earliest departure', () => {
    const w = railWatch({ trains: [], flexDays: 1 });
    const s = (code: string, date: ChinaDate, depart: number): Sighting => ({ trainNo: code, code, cls: 'ze', name: '二等座', nameEn: 'Second class', n: 1, date, depart: chinaInstant(date, depart) });
    const ranked = byPreference(w, [s('G1', D_AFTER, 6 * 60), s('G3', DATE, 10 * 60), s('G2', DATE, 7 * 60), s('G4', D_BEFORE, 5 * 60)]);
    // The day before and the day after are as near: the earlier train first.
    expect(ranked.map((x) => x.code)).toEqual(['G2', 'G3', 'G4', 'G1']);
  });
});

describe('候补 (waiting list)', () => {
  it('is its own state and alert; a real seat afterwards alerts again; one alert per transition', () => {
    const w = railWatch({ classes: ['ze', 'zy'] });
    let o = cycle(doc([w]), NOON, { [DATE]: [train('G101', { ze: { kind: 'waitlist' }, zy: none })] });
    expect(notifies(o.actions).map((n) => [n.title, n.buttonTitle])).toEqual([['可候补：G101 二等座', '去 12306 候补']]);
    expect(statusOf(o.state, o.state.watches[0]!, NOON, SETTINGS)).toEqual({ kind: 'waitlist' });
    o = cycle(o.state, NOON + 61_000, { [DATE]: [train('G101', { ze: { kind: 'waitlist' }, zy: none })] });
    expect(notifies(o.actions)).toHaveLength(0);
    o = cycle(o.state, NOON + 122_000, { [DATE]: [train('G101', { ze: count(2), zy: none })] });
    expect(notifies(o.actions).map((n) => n.title)).toEqual(['有票了：G101 二等座']);
    expect(statusOf(o.state, o.state.watches[0]!, NOON + 122_000, SETTINGS)).toEqual({ kind: 'seats' });
    expect(o.state.watches[0]).not.toHaveProperty('waitlist');
  });

  it('says nothing of a waiting list while another wanted class has seats', () => {
    const o = cycle(doc([railWatch({ classes: ['ze', 'zy'] })]), NOON, { [DATE]: [train('G101', { ze: { kind: 'waitlist' }, zy: count(1) })] });
    expect(notifies(o.actions).map((n) => n.title)).toEqual(['有票了：G101 一等座']);
  });
});

describe('stored watches from before', () => {
  // As an earlier version stored it: no flexDays, no waitlist, sightings without their day.
  const old = {
    watches: [
      {
        kind: 'rail', id: 'w-old', createdAt: NOON - 86_400_000, date: DATE, from: { telecode: 'BJP', name: '北京' }, to: { telecode: 'SHH', name: '上海' },
        trains: ['G101'], trainNos: [], classes: ['ze', 'zy'], seats: 1, status: 'active', paused: false, history: [[NOON - 60_000, 5]],
        available: [{ trainNo: '24000G1010A', code: 'G101', cls: 'ze', name: '二等座', nameEn: 'Second class', n: 5, price: 55300 }], seatsLeft: 5,
      },
    ],
    routes: {},
  };

  it('load unchanged, cover their one day, and are not re-alerted for what they already told', () => {
    const p = parseDoc(structuredClone(old));
    expect(p).toMatchObject({ unreadable: 0, repaired: 0 });
    const w = p.doc.watches[0]!;
    expect(w).toMatchObject({ id: 'w-old', classes: ['ze', 'zy'], available: [expect.not.objectContaining({ date: expect.anything() })] });
    expect(w).not.toHaveProperty('flexDays');
    const o = cycle(p.doc, NOON, { [DATE]: [train('G101', { ze: count(5), zy: none })] });
    expect(o.days).toEqual([DATE]);
    expect(notifies(o.actions)).toHaveLength(0);
    expect(o.state.watches[0]).toMatchObject({ available: [expect.objectContaining({ code: 'G101', date: DATE })] });
  });
});
