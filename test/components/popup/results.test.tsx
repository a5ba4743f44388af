// What the popup shows of each option as of a fixed `now`: gone options greyed and last, sale
// opening times, 候补, conditional fares by their condition, the door clock time, and a verdict
// that follows the filters.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlightList } from '../../../components/popup/FlightList';
import { DEFAULT_FILTERS, filterFlights } from '../../../components/popup/filter';
import { Verdict } from '../../../components/popup/Verdict';
import type { ComparisonView } from '../../../lib/messages/search';
import type { AirOption, Fare } from '../../../lib/model';
import { chinaInstant } from '../../../lib/time';
import type { RailRowSpec } from '../../support/rail-rows';
import { DATE, airOk, fakeApi, railOk } from './fake-api';
import { popupDom } from './dom';
import { useTestLanguage } from '../../support/i18n';

const CJK = /[\u4e00-\u9fff]/;
/** A row's text without the test data's station names (data, not UI words). */
const words = (el: Element) => (el.textContent ?? '').replace(/北京南|上海虹桥/g, '');

const { root, flush, $, $$, searchLast } = popupDom();
const AT_9 = chinaInstant(DATE, 9 * 60);

function spec(code: string, depart: string, seats: RailRowSpec['seats'], over: Partial<RailRowSpec> = {}): RailRowSpec {
  return { code, from: 'VNP', to: 'AOH', depart, arrive: '18:00', date: DATE, seats, ...over };
}
const codes = () => $$('[data-testid=train] .code').map((e) => e.textContent);

describe('popup results as of now', () => {
  it('lists trains that have left last and greyed, without bells, and greys them on the timeline', async () => {
    const none = { ze: { cell: '无', price: 55300 } };
    const specs = [spec('G1', '07:00', none), spec('G3', '10:00', none), spec('G2', '08:30', none), spec('G4', '12:00', none)];
    const api = fakeApi({ now: () => AT_9, railAnswer: async () => railOk(specs) });
    await searchLast(api);
    expect(codes()).toEqual(['G3', 'G4', 'G1', 'G2']);
    const rows = $$('[data-testid=train]');
    expect(rows.map((r) => r.classList.contains('departed'))).toEqual([false, false, true, true]);
    expect(rows[2]!.textContent).toContain('已出发');
    expect(rows[0]!.querySelector('.ra-bell')).not.toBeNull();
    expect(rows[2]!.querySelector('.ra-bell')).toBeNull();
    const bar = (id: string) => $(`[data-testid=timeline] [data-id="${id}"] .tl-bar:not(.tl-ext)`)!;
    const trains = railOk(specs);
    const idOf = (code: string) => (trains.ok ? trains.trains.find((t) => t.code === code)!.id : '');
    expect(bar(idOf('G1')).classList.contains('tl-departed')).toBe(true);
    expect(bar(idOf('G3')).classList.contains('tl-departed')).toBe(false);
  });

  it('says when the sale opens instead of a seat count, and shows 候补 as its own state', async () => {
    const specs = [
      spec('G7', '14:00', { ze: { cell: '*', price: 55300 }, zy: { cell: '*', price: 93300 } }, { button: '12点30分起售', canWebBuy: 'IS_TIME_NOT_BUY', saleTime: '1230' }),
      spec('G8', '15:00', { ze: { cell: '候补', price: 55300 }, zy: { cell: '无', price: 93300 } }),
    ];
    await searchLast(fakeApi({ now: () => AT_9, railAnswer: async () => railOk(specs) }));
    const [later, waiting] = $$('[data-testid=train]');
    expect(later!.querySelector('.status')!.textContent).toBe('12:30 开售');
    expect(later!.querySelector('[data-cls=ze] .seat-left')!.textContent).toBe('12:30 开售');
    expect(later!.textContent).not.toContain('未开售');
    const wl = waiting!.querySelector('[data-cls=ze]')!;
    expect(wl.className).toContain('seat-waitlist');
    expect(wl.textContent).toContain('候补');
    expect(waiting!.querySelector('[data-cls=zy]')!.className).toContain('seat-none');

    // In English: the same states in English words, nothing in Chinese but the stations.
    render(null, root());
    useTestLanguage('en');
    await searchLast(fakeApi({ now: () => AT_9, railAnswer: async () => railOk(specs) }));
    const [laterEn, waitingEn] = $$('[data-testid=train]');
    expect(laterEn!.querySelector('.status')!.textContent).toBe('On sale at 12:30');
    expect(laterEn!.querySelector('[data-cls=ze]')!.textContent).toBe('Second class on sale at 12:30 ¥553');
    expect(waitingEn!.querySelector('[data-cls=ze]')!.textContent).toBe('Second class Waitlist ¥553');
    expect(waitingEn!.querySelector('[data-cls=zy]')!.textContent).toBe('First class Sold out ¥933');
    expect(waitingEn!.querySelector('a.buy')!.textContent).toBe('Join the waitlist on 12306');
    for (const row of [laterEn!, waitingEn!]) expect(words(row)).not.toMatch(CJK);
  });

  it('says why a train cannot be bought: 12306’s own words in Chinese, ours in English', async () => {
    const specs = [spec('G9', '14:00', { ze: { cell: '无', price: 55300 } }, { button: '列车停运', canWebBuy: 'N' })];
    await searchLast(fakeApi({ now: () => AT_9, railAnswer: async () => railOk(specs) }));
    expect($('[data-testid=train] .status')!.textContent).toBe('列车停运');
    render(null, root());
    useTestLanguage('en');
    await searchLast(fakeApi({ now: () => AT_9, railAnswer: async () => railOk(specs) }));
    expect($('[data-testid=train] .status')!.textContent).toBe('Not running');
  });

  it('asks the comparison again with the filters when one changes, and shows the verdict it gives', async () => {
    const base: ComparisonView = { date: DATE, options: [], rankings: { pareto: [] }, verdict: { zh: '全部车次', en: 'all' }, sources: {}, partial: null };
    const api = fakeApi({ now: () => AT_9, airAnswer: async () => airOk(4) });
    api.compare = vi.fn(async (req) => (req.filters?.types?.includes('GDC') === false ? { ...base, verdict: { zh: '没有符合筛选条件的火车', en: '' } } : base));
    await searchLast(api);
    expect($('[data-testid=verdict-text]')!.textContent).toBe('全部车次');
    await act(() => $<HTMLInputElement>('input[data-group=GDC]')!.click());
    await flush();
    expect(api.compare).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { types: ['ZTK', 'other'], fromHour: 0, toHour: 24, cls: 'any', onlyBuyable: false } }));
    expect($('[data-testid=verdict-text]')!.textContent).toBe('没有符合筛选条件的火车');
    const calls = (api.compare as ReturnType<typeof vi.fn>).mock.calls.length;
    await act(() => {
      const sort = $<HTMLSelectElement>('#sort')!;
      sort.value = 'price';
      sort.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect((api.compare as ReturnType<typeof vi.fn>).mock.calls.length).toBe(calls); // sorting changes no ranking
  });
});

describe('flight fares and the rankings', () => {
  let host: HTMLElement | undefined;
  afterEach(() => {
    if (host) render(null, host);
    host?.remove();
  });
  const youth = { kinds: ['youth' as const], text: { zh: '限16–25周岁', en: 'ages 16–25 only' } };
  function flightWith(fares: Fare[]): AirOption {
    const a = airOk(1);
    if (!a.ok) throw new Error('no flights');
    return { ...a.flights[0]!, depart: chinaInstant(DATE, 14 * 60), fares, lowest: fares[0]! };
  }
  async function show(flights: AirOption[], qualifies = {}, lang: 'zh-CN' | 'en' = 'zh-CN') {
    useTestLanguage(lang);
    host = document.createElement('div');
    document.body.append(host);
    await act(() => render(<FlightList flights={flights} lang={lang} marked={new Set()} now={AT_9} qualifies={qualifies} />, host!));
    return host;
  }

  it('sorts and keeps flights by the fare the traveller would pay, not the decoder\'s bare lowest', () => {
    // A: bare ¥300 youth-only (its decoder `lowest`), ordinary ¥650 taxes in; B: ordinary ¥560 taxes in.
    const a = { ...flightWith([{ cabinClass: 'economy', price: 30000, taxes: 5000, condition: youth }, { cabinClass: 'economy', price: 60000, taxes: 5000 }]), id: 'A', flightNo: 'MU1' };
    const b = { ...flightWith([{ cabinClass: 'economy', price: 51000, taxes: 5000 }]), id: 'B', flightNo: 'MU2' };
    const onlyYouth = { ...flightWith([{ cabinClass: 'economy', price: 20000, taxes: 5000, condition: youth }]), id: 'C', flightNo: 'MU3' };
    const f = { ...DEFAULT_FILTERS, sort: 'price' as const, onlyBuyable: true };
    expect(filterFlights([a, b, onlyYouth], f).map((o) => o.id)).toEqual(['B', 'A']);
    expect(filterFlights([a, b, onlyYouth], f, { youth: true }).map((o) => o.id)).toEqual(['C', 'A', 'B']);
  });

  it('shows the taxes-in fare an adult can buy, and a conditional fare with its condition, never as the price', async () => {
    const fares: Fare[] = [
      { cabinClass: 'economy', price: 31700, taxes: 7000, condition: youth },
      { cabinClass: 'economy', price: 58000, taxes: 7000 },
    ];
    const el = await show([flightWith(fares)]);
    expect(el.querySelector('[data-testid=fare]')!.textContent).toBe('经济舱 ¥650 含税费');
    expect(el.querySelector('[data-testid=conditional-fare]')!.textContent).toBe('¥387 限16–25周岁');
    render(null, el);
    const mine = await show([flightWith(fares)], { youth: true });
    expect(mine.querySelector('[data-testid=fare]')!.textContent).toContain('¥387 限16–25周岁');
    render(null, mine);
    const en = await show([flightWith(fares)], {}, 'en');
    expect(en.querySelector('[data-testid=fare]')!.textContent).toBe('economy ¥650 incl. taxes');
    expect(en.querySelector('[data-testid=conditional-fare]')!.textContent).toBe('¥387 ages 16–25 only');
    expect(en.querySelector('[data-testid=conditional-fare]')!.getAttribute('title')).toBe('Conditional fare, never compared');
    // The airline's and airports' names are the flight's data, not UI words.
    const f = flightWith(fares);
    const data = [f.airlineName, f.from.name, f.to.name].filter((x): x is string => !!x);
    expect(data.reduce((t, name) => t.replaceAll(name, ''), en.textContent!)).not.toMatch(CJK);
  });

  it('says a flight has only restricted fares rather than showing one as its price', async () => {
    const el = await show([flightWith([{ cabinClass: 'first', price: 300000, taxes: 7000, condition: { kinds: ['premium-cabin'], text: { zh: '头等舱', en: 'first class' } } }])]);
    expect(el.querySelector('[data-testid=fare]')).toBeNull();
    expect(el.textContent).toContain('仅限制票价');
    expect(el.querySelector('[data-testid=conditional-fare]')!.textContent).toBe('¥3070 头等舱');
  });

  it('gives the earliest arrival as the clock time at the door (+1 the next day), the cheapest with its class', async () => {
    const opt = (id: string, over: Partial<ComparisonView['options'][number]>): ComparisonView['options'][number] => ({
      id, mode: 'rail', doorToDoorMin: 400, leaveHome: 0, reachDoor: 0, priceIncludesTaxes: true, soldOut: false, departed: false,
      reachDoorAt: { hm: '12:00', dayOffset: 0, text: '12:00' }, tops: [], ...over,
    });
    const comparison: ComparisonView = {
      date: DATE,
      options: [
        opt('Z281@x', { price: 15600, priceClass: { id: 'yz', zh: '硬座', en: 'Hard seat' }, reachDoorAt: { hm: '07:35', dayOffset: 1, text: '07:35+1' } }),
        opt('D5@x', { reachDoorAt: { hm: '01:10', dayOffset: 1, text: '01:10+1' } }),
      ],
      rankings: { cheapest: 'Z281@x', earliestArrival: 'D5@x', fastest: 'D5@x', pareto: [] },
      verdict: { zh: '…', en: '…' },
      sources: {},
      partial: null,
    };
    host = document.createElement('div');
    document.body.append(host);
    await act(() => render(<Verdict comparison={comparison} lang="zh-CN" labels={new Map([['D5@x', 'D5'], ['Z281@x', 'Z281']])} />, host!));
    expect(host.querySelector('[data-rank=earliest]')!.textContent).toBe('最早到达 D5 01:10+1 到门');
    expect(host.querySelector('[data-rank=cheapest]')!.textContent).toBe('最便宜 Z281 硬座 ¥156');
    expect(host.querySelector('[data-rank=fastest]')!.textContent).toBe('门到门最快 D5 6小时40分');
    render(null, host);
    useTestLanguage('en');
    await act(() => render(<Verdict comparison={comparison} lang="en" labels={new Map([['D5@x', 'D5'], ['Z281@x', 'Z281']])} />, host!));
    expect(host.querySelector('[data-rank=earliest]')!.textContent).toBe('Earliest at the door D5 at the door 01:10+1');
    expect(host.querySelector('[data-rank=cheapest]')!.textContent).toBe('Cheapest Z281 Hard seat ¥156');
    expect(host.querySelector('[data-rank=fastest]')!.textContent).toBe('Fastest door to door D5 6h 40m');
    expect(host.querySelector('[data-testid=verdict]')!.getAttribute('aria-label')).toBe('Verdict');
    expect(host.textContent).not.toMatch(CJK);
  });
});
