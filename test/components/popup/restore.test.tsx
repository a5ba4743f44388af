// Answers that stay: the popup reopens on its last search with the worker's remembered answers at
// once (and their age), then replaces them with the live answers; and it fills in by itself when
// the worker gets an answer for its route while it is open.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { AirAnswer, ComparisonView, RailAnswer } from '../../../lib/messages/search';
import { DEFAULT_FILTERS } from '../../../components/popup/filter';
import { generateTrains } from '../../support/rail-rows';
import { DATE, FLIGGY_URL, LAST, NOW, airOk, deferred, fakeApi, railOk } from './fake-api';
import { popupDom } from './dom';
import { useTestLanguage } from '../../support/i18n';

const { root, $, $$, flush, mount, searchLast, text } = popupDom();

const MIN = 60_000;

describe('popup: answers that stay', () => {
  it('says how old the remembered results are in the UI language only', async () => {
    useTestLanguage('en');
    const old = { ...railOk(), fetchedAt: NOW - 3 * MIN } as RailAnswer;
    const api = fakeApi({ last: LAST, recentAnswer: async () => ({ rail: { at: NOW - 3 * MIN, answer: old } }), railAnswer: () => deferred<RailAnswer>().promise });
    await mount(api);
    expect($('[data-testid=restored]')!.textContent).toBe('Last results (3 min ago), refreshing…');
  });

  it('shows the last search’s answers at once with their age, then the live answers replace them', async () => {
    const oldRail = { ...railOk(generateTrains(7, { from: 'VNP', to: 'AOH' }, DATE, 11)), fetchedAt: NOW - 3 * MIN } as RailAnswer;
    const oldAir = airOk(2, 'fliggy', NOW - 3 * MIN);
    const liveRail = deferred<RailAnswer>();
    const liveAir = deferred<AirAnswer>();
    const api = fakeApi({
      last: LAST,
      recentAnswer: async () => ({ rail: { at: NOW - 3 * MIN, answer: oldRail }, air: { at: NOW - 3 * MIN, answer: oldAir } }),
      railAnswer: () => liveRail.promise,
      airAnswer: () => liveAir.promise,
    });
    await mount(api); // no click: the popup just opened
    expect(api.recent).toHaveBeenCalledWith({ date: DATE, from: 'BJP', to: 'SHH', student: false, fromCity: '北京', toCity: '上海' });
    // At once, while the live queries are still out:
    expect($$('[data-testid=train]')).toHaveLength(7);
    expect($$('[data-testid=flight]')).toHaveLength(2);
    expect($('[data-testid=restored]')!.textContent).toBe('上次的结果（3 分钟前），正在刷新…');
    expect($('[data-testid=rail-loading]')).toBeNull();
    expect(api.rail).toHaveBeenCalledTimes(1);
    expect(api.air).toHaveBeenCalledTimes(1);

    // The live trains land first: still refreshing the flights.
    liveRail.resolve(railOk());
    await flush();
    expect($$('[data-testid=train]')).toHaveLength(12);
    expect($('[data-testid=restored]')).not.toBeNull();
    liveAir.resolve(airOk(5, 'fliggy', NOW));
    await flush();
    expect($$('[data-testid=flight]')).toHaveLength(5);
    expect($('[data-testid=restored]')).toBeNull();
    expect($('[data-testid=air-source]')!.textContent).toContain('刚刚');
  });

  it('shows the remembered verdict at once when it was made under the same filters', async () => {
    const verdictFor = (zh: string): ComparisonView => ({ date: DATE, options: [], rankings: { pareto: [] }, verdict: { zh, en: zh }, sources: {}, partial: null });
    const liveRail = deferred<RailAnswer>();
    const liveAir = deferred<AirAnswer>();
    // The worker hands the filters back in its schema's key order, not the popup's.
    const { sort: _sort, ...filters } = DEFAULT_FILTERS;
    const reordered = Object.fromEntries(Object.entries(filters).reverse()) as typeof filters;
    const api = fakeApi({
      last: LAST,
      recentAnswer: async () => ({
        rail: { at: NOW, answer: railOk() },
        air: { at: NOW, answer: airOk(2) },
        comparison: { at: NOW, filters: reordered, view: verdictFor('上次：坐高铁更划算') },
      }),
      railAnswer: () => liveRail.promise,
      airAnswer: () => liveAir.promise,
    });
    await mount(api);
    expect($('[data-testid=verdict]')!.textContent).toContain('上次：坐高铁更划算');
    expect(api.compare).not.toHaveBeenCalled();
    // Under other filters the remembered verdict would be wrong: it waits for the live one.
    const other = fakeApi({
      last: { ...LAST, filters: { ...DEFAULT_FILTERS, onlyBuyable: true } },
      recentAnswer: api.recentAnswer,
      railAnswer: () => liveRail.promise,
      airAnswer: () => liveAir.promise,
    });
    render(null, root());
    await mount(other);
    expect($('[data-testid=verdict]')).toBeNull();
  });

  it('with nothing remembered it waits for a search, as before', async () => {
    const api = fakeApi({ last: LAST });
    await mount(api);
    expect(api.recent).toHaveBeenCalledTimes(1);
    expect(api.rail).not.toHaveBeenCalled();
    expect($('[data-testid=restored]')).toBeNull();
    expect(text()).not.toContain('正在查询');
  });

  it('fills the flights in when the worker gets them for this route while it is open', async () => {
    const api = fakeApi({
      airAnswer: async () => ({ ok: false, error: { code: 'no-source', message: { zh: '还没有航班数据', en: 'No flight data yet' } }, fliggyUrl: FLIGGY_URL }),
    });
    await searchLast(api);
    expect($$('[data-testid=flight]')).toHaveLength(0);
    // An overlay's live query answered for this route: the worker remembered it.
    api.recentAnswer = async () => ({ air: { at: NOW, answer: airOk(4, 'fliggy', NOW - MIN) } });
    await act(() => api.recentListeners.forEach((fn) => fn()));
    await flush();
    expect($$('[data-testid=flight]')).toHaveLength(4);
    expect($('[data-testid=air-source]')!.textContent).toContain('1 分钟前');
    expect($('[data-testid=partial]')).toBeNull();
    // An older remembered answer does not replace a newer one shown.
    api.recentAnswer = async () => ({ air: { at: NOW, answer: airOk(1, 'fliggy', NOW - 9 * MIN) } });
    await act(() => api.recentListeners.forEach((fn) => fn()));
    await flush();
    expect($$('[data-testid=flight]')).toHaveLength(4);
  });
});
