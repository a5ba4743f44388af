import { describe, expect, it } from 'vitest';
import type { ChinaDate } from '../../../lib/model';
import { addDays, chinaInstant } from '../../../lib/time';
import type { WeekDay } from '../../../lib/week/model';
import { planWeek, weekDates, WEEK_MAX_REQUESTS, WEEK_MIN_GAP_MS } from '../../../lib/week/plan';

const TODAY: ChinaDate = '2026-03-04';
// 23:30 China time: a machine in another zone is already on another calendar day.
const NOW = chinaInstant(TODAY, 23 * 60 + 30);
const empty = (dates: ChinaDate[]): WeekDay[] => dates.map((date) => ({ date }));
const gaps = (ats: number[]) => ats.slice(1).map((t, i) => t - ats[i]!);
const seeded = (seed: number) => () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

describe('the week strip: days', () => {
  it('shows 3 days either side of the chosen one', () => {
    expect(weekDates('2026-03-10', NOW)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
  });

  it('never starts before today (China time), and keeps 7 days', () => {
    const d = weekDates(addDays(TODAY, 1), NOW);
    expect(d[0]).toBe(TODAY);
    expect(d).toHaveLength(7);
    expect(d.at(-1)).toBe(addDays(TODAY, 6));
  });

  it('never runs past the last day the popup offers (60 days)', () => {
    const d = weekDates(addDays(TODAY, 59), NOW);
    expect(d.at(-1)).toBe(addDays(TODAY, 59));
    expect(d[0]).toBe(addDays(TODAY, 53));
  });
});

describe('the week strip: request plan', () => {
  it('asks each day once per mode, nearest the chosen day first, spaced ≥ 1.5 s with jitter, at most 14', () => {
    const chosen = addDays(TODAY, 5);
    const days = empty(weekDates(chosen, NOW));
    for (const seed of [1, 2, 3, 99, 12345]) {
      const steps = planWeek({ chosen, days, now: NOW, random: seeded(seed) });
      expect(steps).toHaveLength(WEEK_MAX_REQUESTS);
      expect(new Set(steps.map((s) => `${s.date}${s.mode}`)).size).toBe(14);
      expect(steps[0]).toMatchObject({ date: chosen, mode: 'rail', at: NOW });
      expect(steps[1]).toMatchObject({ date: chosen, mode: 'air' });
      const g = gaps(steps.map((s) => s.at));
      expect(Math.min(...g)).toBeGreaterThanOrEqual(WEEK_MIN_GAP_MS);
      expect(Math.max(...g)).toBeLessThan(WEEK_MIN_GAP_MS + 500);
      // Jitter: the gaps are not all the same.
      expect(new Set(g).size).toBeGreaterThan(1);
    }
    // Even a random source out of range keeps the floor.
    const low = planWeek({ chosen, days, now: NOW, random: () => -5 });
    expect(Math.min(...gaps(low.map((s) => s.at)))).toBe(WEEK_MIN_GAP_MS);
  });

  it('skips days already known (cached) and sides held or not on sale', () => {
    const chosen = addDays(TODAY, 3);
    const days: WeekDay[] = empty(weekDates(chosen, NOW));
    days[3] = { date: chosen, rail: { state: 'ok', cheapest: 55300, seatsLeft: true, trains: 20 }, air: { state: 'ok', cheapest: 60000, taxesIn: true, flights: 9 } };
    days[0] = { ...days[0]!, air: { state: 'held', until: NOW + 60_000 } };
    const steps = planWeek({ chosen, days, now: NOW, random: () => 0.5 });
    expect(steps).toHaveLength(11);
    expect(steps.some((s) => s.date === chosen)).toBe(false);
    expect(steps.some((s) => s.date === days[0]!.date && s.mode === 'air')).toBe(false);
    expect(steps[0]!.date).toBe(addDays(chosen, -1));
  });

  it('asks 12306 nothing for days past its presale window (15 days), flights still', () => {
    const chosen = addDays(TODAY, 14);
    const days = empty(weekDates(chosen, NOW));
    const steps = planWeek({ chosen, days, now: NOW, random: () => 0 });
    const railDays = steps.filter((s) => s.mode === 'rail').map((s) => s.date).sort();
    expect(railDays).toEqual([addDays(TODAY, 11), addDays(TODAY, 12), addDays(TODAY, 13), addDays(TODAY, 14)]);
    expect(steps.filter((s) => s.mode === 'air')).toHaveLength(7);
  });

  it('keeps the spacing after the previous strip’s last query (a strip reopened at once)', () => {
    const chosen = addDays(TODAY, 3);
    const steps = planWeek({ chosen, days: empty(weekDates(chosen, NOW)), now: NOW, lastSentAt: NOW - 200, random: () => 0 });
    expect(steps[0]!.at).toBe(NOW - 200 + WEEK_MIN_GAP_MS);
    // Long after: at once.
    const later = planWeek({ chosen, days: empty(weekDates(chosen, NOW)), now: NOW, lastSentAt: NOW - 60_000, random: () => 0 });
    expect(later[0]!.at).toBe(NOW);
  });

  it('plans nothing when every day is known', () => {
    const chosen = addDays(TODAY, 3);
    const days = weekDates(chosen, NOW).map((date): WeekDay => ({ date, rail: { state: 'error' }, air: { state: 'none' } }));
    expect(planWeek({ chosen, days, now: NOW, random: Math.random })).toEqual([]);
  });
});
