import { describe, expect, it } from 'vitest';
import { fareRoutes, farePollSettings, planFarePoll, withFareWake } from '../../../lib/watch/fare-poll';
import { newFareWatch, type WatchesDoc } from '../../../lib/watch/model';
import { parseSettings } from '../../../lib/settings';
import { DATE, NOON } from './support';

const w = (id: string, toCity = 'SHA', date = DATE) => newFareWatch({ date, fromCity: 'BJS', toCity, maxFen: 50000 }, id, NOON);
const doc = (...watches: ReturnType<typeof w>[]): WatchesDoc => ({ watches, routes: {} });
const S = { quietStart: '23:00', quietEnd: '06:00', intervalMs: 15 * 60_000 };

describe('fare poll plan', () => {
  it('groups fare watches into one route per date and city pair', () => {
    const routes = fareRoutes([w('a'), w('b'), w('c', 'CAN'), w('d', 'SHA', '2026-11-24' as typeof DATE)], NOON);
    expect(routes.map((r) => [r.date, r.toCity, r.watchIds])).toEqual([
      [DATE, 'SHA', ['a', 'b']],
      [DATE, 'CAN', ['c']],
      ['2026-11-24', 'SHA', ['d']],
    ]);
  });

  it('records the poll time when due, and says when the next one may go otherwise', () => {
    const due = planFarePoll(doc(w('a')), NOON, S);
    expect(due.due).toHaveLength(1);
    expect(due.state.farePollAt).toBe(NOON);
    expect(due.nextAt).toBe(NOON + S.intervalMs);
    const early = planFarePoll(due.state, NOON + 60_000, S);
    expect(early).toMatchObject({ due: [], nextAt: NOON + S.intervalMs });
    const blocked = planFarePoll(due.state, NOON + S.intervalMs, S, NOON + S.intervalMs + 5000);
    expect(blocked).toMatchObject({ due: [], nextAt: NOON + S.intervalMs + 5000 });
    expect(planFarePoll(doc(), NOON, S)).toMatchObject({ due: [], nextAt: null });
  });

  it('moves the wake earlier only when the fare poll comes first', () => {
    const wake = (at: number | null) => [{ type: 'wake' as const, at, why: 'expiry' as const }];
    expect(withFareWake(wake(NOON + 3_600_000), NOON + 60_000)).toEqual([{ type: 'wake', at: NOON + 60_000, why: 'due' }]);
    expect(withFareWake(wake(NOON + 1000), NOON + 60_000)).toEqual(wake(NOON + 1000));
    expect(withFareWake(wake(null), NOON + 60_000)).toEqual([{ type: 'wake', at: NOON + 60_000, why: 'due' }]);
    expect(withFareWake(wake(null), null)).toEqual(wake(null));
  });

  it('floors the interval at 5 minutes; the setting defaults to 15 and refuses less than 5', () => {
    expect(farePollSettings(S, 1).intervalMs).toBe(5 * 60_000);
    expect(farePollSettings(S, 30).intervalMs).toBe(30 * 60_000);
    expect(farePollSettings(S, 15, 3).intervalMs).toBe(3000);
    expect(parseSettings({}).fareIntervalMin).toBe(15);
    expect(parseSettings({ fareIntervalMin: 4 }).fareIntervalMin).toBe(15);
    expect(parseSettings({ fareIntervalMin: 7.5 }).fareIntervalMin).toBe(15);
    expect(parseSettings({ fareIntervalMin: 20, language: 'en' })).toMatchObject({ fareIntervalMin: 20, language: 'en' });
  });
});
