// The worker remembers every good answer the search service gives (popup or overlay fallback),
// concurrent answers included, and search.recent hands them back for the popup's search.
import { describe, expect, it } from 'vitest';
import { createRecentAnswers, registerRecentHandler } from '../../../lib/background/recent-answers';
import type { SearchService } from '../../../lib/background/search';
import type { AirAnswer, RailAnswer } from '../../../lib/messages/search';
import { dispatch } from '../../../lib/messaging';
import { parseRecent, type RecentAnswers } from '../../../lib/store/recent-answers';
import { DATE, NOW, airOk, railOk } from '../../components/popup/fake-api';

function memoryStore() {
  let value: unknown = undefined;
  let writes = 0;
  return {
    getValue: async () => value,
    setValue: async (v: RecentAnswers) => {
      // Through JSON, as storage does; slowly, so that writes would overlap if not queued.
      await new Promise((r) => setTimeout(r, 5));
      value = JSON.parse(JSON.stringify(v));
      writes++;
    },
    writes: () => writes,
    raw: () => value,
  };
}

function service(rail: () => RailAnswer, air: () => AirAnswer): SearchService {
  return {
    searchStations: async () => ({ hits: [], count: 0 }),
    searchRail: async () => rail(),
    searchAir: async () => air(),
    compare: async () => ({ ok: false, error: { code: 'empty', message: { zh: '无', en: 'none' } } }),
    status: async () => {
      throw new Error('unused');
    },
  };
}

const railReq = { date: DATE, from: 'BJP', to: 'SHH', student: false };
const airReq = { date: DATE, fromCity: '北京', toCity: '上海' };
const query = { ...railReq, fromCity: '北京', toCity: '上海' };

describe('recent answers in the worker', () => {
  it('remembers good answers given at the same time, and hands them back', async () => {
    const store = memoryStore();
    const recent = createRecentAnswers(store, () => NOW + 5);
    const svc = recent.wrap(service(() => railOk(), () => airOk(4)));
    const [r, a] = await Promise.all([svc.searchRail(railReq), svc.searchAir(airReq)]);
    expect(r.ok && a.ok).toBe(true);
    const found = await recent.find(query);
    expect(found.rail?.at).toBe(NOW + 5);
    expect(found.rail?.answer.trains.length).toBeGreaterThan(0);
    expect(found.air?.answer.flights).toHaveLength(4);
    expect(parseRecent(store.raw()).rail).toHaveLength(1);
  });

  it('does not remember failures: the last good answer stays', async () => {
    const store = memoryStore();
    const recent = createRecentAnswers(store, () => NOW);
    let railAnswer: RailAnswer = railOk();
    const svc = recent.wrap(service(() => railAnswer, () => ({ ok: false, error: { code: 'no-source', message: { zh: '无', en: 'none' } } })));
    await svc.searchRail(railReq);
    railAnswer = { ok: false, error: { code: 'blocked', message: { zh: '拒绝', en: 'refused' }, retryAt: NOW + 1000 }, fetchedAt: NOW, buyUrl: '' };
    const failed = await svc.searchRail(railReq);
    expect(failed.ok).toBe(false);
    await svc.searchAir(airReq);
    const found = await recent.find(query);
    expect(found.rail?.answer.ok).toBe(true);
    expect(found.air).toBeUndefined();
    expect(store.writes()).toBe(1);
  });

  it('answers search.recent through the message protocol', async () => {
    const recent = createRecentAnswers(memoryStore(), () => NOW);
    registerRecentHandler(recent);
    await recent.wrap(service(() => railOk(), () => airOk(2))).searchAir(airReq);
    const res = (await dispatch({ railair: 1, name: 'search.recent', data: query })) as { ok: boolean; data: { air?: { answer: AirAnswer }; rail?: unknown } };
    expect(res.ok).toBe(true);
    expect(res.data.rail).toBeUndefined();
    expect(res.data.air?.answer.ok && res.data.air.answer.flights).toHaveLength(2);
  });
});
