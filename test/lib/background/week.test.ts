import { describe, expect, it, vi } from 'vitest';
import { createWeekService, type WeekServiceDeps } from '../../../lib/background/week';
import type { AirAnswer, RailAnswer } from '../../../lib/messages/search';
import type { ChinaDate } from '../../../lib/model';
import { addDays, chinaInstant } from '../../../lib/time';
import { fare, flight, none, plenty, seat, train } from '../compare/make';

const TODAY: ChinaDate = '2026-03-10';
const NOW = chinaInstant(TODAY, 6 * 60);
const CHOSEN = addDays(TODAY, 4);
const Q = { date: CHOSEN, from: 'BJP', to: 'SHH', student: false, fromCity: '北京', toCity: '上海' };

const railOk = (date: ChinaDate, price: number, at: number): RailAnswer => ({
  ok: true,
  trains: [train('G1', 'VNP', 'AOH', '09:00', '13:30', [seat('ze', price, plenty)], { date }), train('G3', 'VNP', 'AOH', '10:00', '14:30', [seat('ze', 1000, none)], { date })],
  stationNames: {},
  issues: [],
  fetchedAt: at,
  fromCache: false,
  buyUrl: 'https://kyfw.12306.cn/otn/leftTicket/init',
});
const airOk = (date: ChinaDate, price: number, at: number): AirAnswer => ({
  ok: true,
  source: 'fliggy',
  flights: [flight('MU5101', 'PEK', 'SHA', '08:00', '10:10', [fare(price, { taxes: 12000 })], { date })],
  issues: [],
  fetchedAt: at,
  fliggyUrl: 'https://sjipiao.fliggy.com/',
});

/** A worker with a clock that sleeping moves on, and a log of what reached the search service. */
function setup(over: Partial<WeekServiceDeps> = {}) {
  let t = NOW;
  const sent: { mode: string; date: string; at: number }[] = [];
  const blocked = { rail: undefined as number | undefined, air: undefined as number | undefined };
  const deps: WeekServiceDeps = {
    search: {
      searchRail: vi.fn(async (r) => {
        sent.push({ mode: 'rail', date: r.date, at: t });
        return railOk(r.date as ChinaDate, 50000 + sent.length * 100, t);
      }),
      searchAir: vi.fn(async (r) => {
        sent.push({ mode: 'air', date: r.date, at: t });
        return airOk(r.date as ChinaDate, 40000, t);
      }),
    },
    blockedUntil: { rail: async () => blocked.rail, air: async () => blocked.air },
    now: () => t,
    random: () => 0.3,
    sleep: async (ms) => void (t += ms),
    ...over,
  };
  return { svc: createWeekService(deps), deps, sent, blocked, clock: { get: () => t, set: (v: number) => void (t = v) } };
}

describe('the week strip worker', () => {
  it('shows a day the popup just searched at once and plans only the others (12 queries)', async () => {
    const { svc, sent } = setup({
      recent: async (q) => (q.date === CHOSEN ? { rail: { at: NOW, answer: railOk(CHOSEN, 55300, NOW - 30_000) }, air: { at: NOW, answer: airOk(CHOSEN, 60000, NOW - 30_000) } } : {}),
    });
    const r = await svc.open(Q);
    expect(r.days.map((d) => d.date)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => addDays(TODAY, i)));
    expect(r.days.find((d) => d.date === CHOSEN)).toEqual({
      date: CHOSEN,
      rail: { state: 'ok', cheapest: 55300, seatsLeft: true, trains: 2 },
      air: { state: 'ok', cheapest: 72000, taxesIn: true, flights: 1 },
    });
    expect(r.steps).toHaveLength(12);
    expect(sent).toHaveLength(0);
  });

  it('sends each planned query once, ≥ 1.5 s apart even when asked early, and nothing unplanned', async () => {
    const { svc, sent } = setup();
    const { stripId, steps } = await svc.open(Q);
    expect(steps).toHaveLength(14);
    // The popup asks for them all at once: the worker still spaces them.
    const answers = await Promise.all(steps.map((s) => svc.day({ stripId, date: s.date, mode: s.mode })));
    expect(answers.every((a) => a.state === 'rail' || a.state === 'air')).toBe(true);
    expect(sent).toHaveLength(14);
    const gaps = sent.slice(1).map((s, i) => s.at - sent[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1500);
    // Asked again, or a day not in the plan: nothing is sent.
    expect(await svc.day({ stripId, date: steps[0]!.date, mode: 'rail' })).toEqual({ state: 'gone' });
    expect(await svc.day({ stripId, date: addDays(TODAY, 30), mode: 'air' })).toEqual({ state: 'gone' });
    expect(sent).toHaveLength(14);
  });

  it('counts the gap from a slow answer too, so a query never arrives close behind the last', async () => {
    const { svc, sent, deps, clock } = setup();
    vi.mocked(deps.search.searchRail).mockImplementationOnce(async (r) => {
      sent.push({ mode: 'rail', date: r.date, at: clock.get() });
      clock.set(clock.get() + 4000);
      return railOk(r.date as ChinaDate, 50000, clock.get());
    });
    const { stripId, steps } = await svc.open(Q);
    for (const s of steps.slice(0, 2)) await svc.day({ stripId, date: s.date, mode: s.mode });
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(4000 + 1500);
  });

  it('a strip reopened at once shows what the last one learnt and keeps the spacing; the old one stops', async () => {
    const { svc, sent, clock } = setup();
    const first = await svc.open(Q);
    for (const s of first.steps.slice(0, 3)) await svc.day({ stripId: first.stripId, date: s.date, mode: s.mode });
    const lastAt = sent.at(-1)!.at;
    clock.set(lastAt + 100);
    const second = await svc.open(Q);
    expect(second.days.filter((d) => d.rail?.state === 'ok').length + second.days.filter((d) => d.air?.state === 'ok').length).toBe(3);
    expect(second.steps).toHaveLength(11);
    expect(second.steps[0]!.at).toBeGreaterThanOrEqual(lastAt + 1500);
    expect(await svc.day({ stripId: first.stripId, date: first.steps[3]!.date, mode: first.steps[3]!.mode })).toEqual({ state: 'gone' });
    await svc.day({ stripId: second.stripId, date: second.steps[0]!.date, mode: second.steps[0]!.mode });
    expect(sent.at(-1)!.at - lastAt).toBeGreaterThanOrEqual(1500);
  });

  it('closing the strip while a query waits for its turn sends nothing', async () => {
    let release!: () => void;
    const { svc, sent } = setup({ sleep: () => new Promise<void>((r) => (release = r)) });
    const { stripId, steps } = await svc.open(Q);
    await svc.day({ stripId, date: steps[0]!.date, mode: steps[0]!.mode });
    const waiting = svc.day({ stripId, date: steps[1]!.date, mode: steps[1]!.mode });
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    svc.close(stripId);
    release();
    expect(await waiting).toEqual({ state: 'gone' });
    expect(sent).toHaveLength(1);
  });

  it('stops the train side when 12306 makes us wait, and says until when; flights go on', async () => {
    const { svc, sent, blocked, deps } = setup();
    const until = NOW + 10 * 60_000;
    vi.mocked(deps.search.searchRail).mockImplementationOnce(async (r) => {
      sent.push({ mode: 'rail', date: r.date, at: NOW });
      blocked.rail = until;
      return { ok: false, error: { code: 'rate-limited', message: { zh: '请求过于频繁', en: 'rate limited' }, retryAt: until }, fetchedAt: NOW, buyUrl: '' };
    });
    const { stripId, steps } = await svc.open(Q);
    const answers = [];
    for (const s of steps) answers.push(await svc.day({ stripId, date: s.date, mode: s.mode }));
    expect(answers[0]).toEqual({ state: 'rail', day: { state: 'held', until } });
    expect(answers.filter((a) => a.state === 'rail').every((a) => a.state === 'rail' && a.day.state === 'held')).toBe(true);
    expect(sent.filter((s) => s.mode === 'rail')).toHaveLength(1);
    expect(sent.filter((s) => s.mode === 'air')).toHaveLength(7);
    // Opened again while the wait lasts: no train query is even planned.
    const again = await svc.open(Q);
    expect(again.steps.every((s) => s.mode === 'air')).toBe(true);
    expect(again.days.every((d) => d.rail?.state === 'held')).toBe(true);
  });

  it('answers days past 12306’s presale as not on sale without asking, and cities without airports as none', async () => {
    const { svc } = setup();
    const far = await svc.open({ ...Q, date: addDays(TODAY, 16) });
    const past = far.days.filter((d) => d.date > addDays(TODAY, 14));
    expect(past.length).toBeGreaterThan(0);
    for (const d of past) expect(d.rail).toEqual({ state: 'not-on-sale', opens: addDays(d.date as ChinaDate, -14) });
    expect(far.steps.filter((s) => s.mode === 'rail').every((s) => s.date <= addDays(TODAY, 14))).toBe(true);
    const noAir = await svc.open({ ...Q, fromCity: '不存在', toCity: '也不存在' });
    expect(noAir.days.every((d) => d.air?.state === 'none')).toBe(true);
    expect(noAir.steps.every((s) => s.mode === 'rail')).toBe(true);
  });
});
