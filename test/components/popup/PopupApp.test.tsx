import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { on as onMessage, type Req } from '../../../lib/messages/watch';
import { lastSearchSchema, type AirAnswer, type LastSearch, type RailAnswer } from '../../../lib/messages/search';
import type { RailOption } from '../../../lib/model';
import { chinaInstant } from '../../../lib/time';
import { generateTrains } from '../../support/rail-rows';
import { DATE, FLIGGY_URL, LAST, NOW, airOk, deferred, fakeApi, railOk, type FakeApi } from './fake-api';
import { popupDom } from './dom';

const trainsOf = (r: RailAnswer): RailOption[] => (r.ok ? r.trains : []);

const { root: rootOf, flush, $, $$, text, mount, submit, searchLast: searchOn } = popupDom();

async function type(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await flush();
}

async function key(el: Element, k: string) {
  await act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));
  await flush(1);
}

async function searchLast(api: FakeApi) {
  api.last = LAST;
  await searchOn(api);
}

describe('PopupApp search form', () => {
  it('autocompletes with the keyboard: cities first, ↓ moves, Enter picks; then Enter searches', async () => {
    const api = fakeApi();
    await mount(api);
    const from = $<HTMLInputElement>('#from')!;
    await type(from, 'beijing');
    const opts = $$('#from-list [role=option]');
    expect(opts.map((o) => o.querySelector('.hit-name')!.textContent)).toEqual(['北京', '北京南', '北京西']);
    expect(opts[0]!.textContent).toContain('城市');
    await key(from, 'ArrowDown');
    expect($('#from-list [aria-selected=true] .hit-name')!.textContent).toBe('北京南');
    await key(from, 'Enter');
    expect(from.value).toBe('北京南');
    expect($('#from-list')).toBeNull();

    const to = $<HTMLInputElement>('#to')!;
    await type(to, 'sh');
    await key(to, 'Enter');
    expect(to.value).toBe('上海');
    await submit();
    expect(api.rail).toHaveBeenCalledWith({ date: '2026-03-04', from: 'VNP', to: 'SHH', student: false, fromName: '北京南', toName: '上海' });
    expect(api.air).toHaveBeenCalledWith({ date: '2026-03-04', fromCity: '北京', toCity: '上海' });
    expect(api.saveLast).toHaveBeenCalled();
  });

  it('says when nothing matches what was typed', async () => {
    const api = fakeApi();
    await mount(api);
    await type($<HTMLInputElement>('#from')!, 'zzzz');
    expect($('#from-list')).toBeNull();
    expect($('.no-match')!.textContent).toContain('没有匹配');
    // A search without both ends gets a sentence, not a grey button, and sends nothing.
    expect($('[data-testid=search-problem]')).toBeNull();
    await act(() => $<HTMLButtonElement>('button.go')!.click());
    expect($('[data-testid=search-problem]')!.textContent).toBe('请选择出发地');
    expect(api.rail).not.toHaveBeenCalled();
  });

  it('offers 60 days from today (China time), saying when trains go on sale past the 15-day presale, and restores the last search', async () => {
    const api = fakeApi({ now: () => chinaInstant('2026-03-04', 23 * 60 + 50) });
    api.last = { ...LAST, student: true };
    await mount(api);
    const options = $$('#date option') as HTMLOptionElement[];
    const dates = options.map((o) => o.value);
    expect(dates).toHaveLength(60);
    expect(dates[0]).toBe('2026-03-04');
    expect(dates[14]).toBe('2026-03-18');
    expect(options[14]!.textContent).not.toContain('开售');
    expect(options[15]!.textContent).toBe('3月19日 周四 · 火车3月5日开售');
    expect($<HTMLSelectElement>('#date')!.value).toBe(DATE);
    expect($<HTMLInputElement>('#from')!.value).toBe('北京');
    expect($<HTMLInputElement>('#student')!.checked).toBe(true);
  });

  it('swaps from and to', async () => {
    const api = fakeApi();
    api.last = LAST;
    await mount(api);
    await act(() => $<HTMLButtonElement>('button.swap')!.click());
    await flush(1);
    expect($<HTMLInputElement>('#from')!.value).toBe('上海');
    expect($<HTMLInputElement>('#to')!.value).toBe('北京');
  });
});

describe('PopupApp results', () => {
  it('says what it is fetching, then shows trains next to flights with the verdict and timeline', async () => {
    const r = deferred<RailAnswer>();
    const a = deferred<AirAnswer>();
    const api = fakeApi({ railAnswer: () => r.promise, airAnswer: () => a.promise });
    api.comparison = {
      date: DATE,
      options: [],
      rankings: { cheapest: trainsOf(railOk())[0]!.id, pareto: [] },
      verdict: { zh: '坐高铁更划算', en: 'The train wins' },
      sources: {},
      partial: null,
    };
    await searchLast(api);
    expect($('[data-testid=rail-loading]')!.textContent).toContain('正在查询 12306 余票：北京 → 上海');
    expect($('[data-testid=air-loading]')!.textContent).toBe('正在查询航班…');
    await act(async () => r.resolve(railOk()));
    await flush();
    expect($$('[data-testid=train]')).toHaveLength(12);
    expect($('[data-testid=air-loading]')).not.toBeNull();
    await act(async () => a.resolve(airOk(6)));
    await flush();
    expect($$('[data-testid=flight]')).toHaveLength(6);
    expect($('[data-testid=verdict]')!.textContent).toContain('坐高铁更划算');
    expect($$('[data-testid=timeline] .tl-bar:not(.tl-ext)')).toHaveLength(18);
    expect($$('[data-testid=timeline] .tl-rail').length).toBeGreaterThan(0);
    expect($$('[data-testid=timeline] .tl-air').length).toBeGreaterThan(0);
    expect($('[data-testid=air-source]')!.textContent).toContain('淘宝开放平台');
    expect($('.recommended')).not.toBeNull();
    // Each train: its classes with seats and price, a buy link for this search.
    const first = $('[data-testid=train]')!;
    expect(first.querySelectorAll('.seat').length).toBeGreaterThan(0);
    expect(first.querySelector('a.buy')!.getAttribute('href')).toContain('kyfw.12306.cn/otn/leftTicket/init');
  });

  it('marks the next-day arrival with +1 and colours seats by how many are left', async () => {
    const specs = generateTrains(1, { from: 'VNP', to: 'AOH' }, DATE, 1).map((s) => ({
      ...s,
      code: 'Z281',
      depart: '21:00',
      arrive: '07:10',
      durationMin: 610,
      arriveDayOffset: 1,
      seats: { rw: { cell: '有', price: 47800 }, yw: { cell: '3', price: 30400 }, yz: { cell: '无', price: 15600 } },
    }));
    const api = fakeApi({ railAnswer: async () => railOk(specs) });
    await searchLast(api);
    const t = $('[data-testid=train]')!;
    expect(t.querySelector('.plus')!.textContent).toBe('+1');
    expect(t.querySelector('[data-cls=rw]')!.className).toContain('seat-plenty');
    expect(t.querySelector('[data-cls=yw]')!.className).toContain('seat-few');
    expect(t.querySelector('[data-cls=yz]')!.className).toContain('seat-none');
    expect(t.querySelector('[data-cls=rw]')!.textContent).toContain('¥478');
  });

  it('filters by train type and only-buyable', async () => {
    const api = fakeApi();
    await searchLast(api);
    const all = trainsOf(railOk());
    const ztk = all.filter((t) => ['Z', 'T', 'K'].includes(t.type)).length;
    await act(() => $<HTMLInputElement>('input[data-group=GDC]')!.click());
    await flush(1);
    expect($$('[data-testid=train]')).toHaveLength(ztk + all.filter((t) => !['G', 'D', 'C', 'Z', 'T', 'K'].includes(t.type)).length);
    await act(() => $<HTMLInputElement>('input[data-group=GDC]')!.click());
    await act(() => $<HTMLInputElement>('#only-buyable')!.click());
    await flush(1);
    const buyable = all.filter((t) => t.status === 'on-sale' && t.seats.some((s) => s.availability.kind === 'plenty' || (s.availability.kind === 'count' && s.availability.n > 0)));
    expect($$('[data-testid=train]')).toHaveLength(buyable.length);
  });

  it('remembers filters and sort order with the last search, and restores them next time', async () => {
    const api = fakeApi();
    await searchLast(api);
    await act(() => $<HTMLInputElement>('#only-buyable')!.click());
    await flush(1);
    const saved = (api.saveLast as unknown as { mock: { calls: [LastSearch][] } }).mock.calls.at(-1)![0];
    expect(saved.filters).toMatchObject({ onlyBuyable: true, sort: 'depart', types: ['GDC', 'ZTK', 'other'] });
    expect(lastSearchSchema.safeParse(saved).success).toBe(true);

    const again = fakeApi();
    again.last = saved;
    await mount(again);
    expect($<HTMLInputElement>('#only-buyable')!.checked).toBe(true);
  });

  it('shows the maintenance message for a maintenance answer', async () => {
    const api = fakeApi({
      railAnswer: async () => ({
        ok: false,
        error: { code: 'maintenance', message: { zh: '12306 维护中，06:00 后恢复', en: '12306 is in maintenance until 06:00' }, retryAt: NOW },
        fetchedAt: NOW,
        buyUrl: '',
      }),
    });
    await searchLast(api);
    expect($('[data-testid=rail-maintenance]')!.textContent).toBe('12306 维护中，06:00 后恢复');
  });

  it('shows maintenance, and still the trains, when the rows carry the nightly notice', async () => {
    const specs = generateTrains(3, { from: 'VNP', to: 'AOH' }, DATE, 2).map((s) => ({ ...s, button: '23:00-06:00系统维护时间', canWebBuy: 'N' }));
    const api = fakeApi({ railAnswer: async () => railOk(specs) });
    await searchLast(api);
    expect($('[data-testid=rail-maintenance]')!.textContent).toContain('12306 维护中');
    expect($$('[data-testid=train]')).toHaveLength(3);
  });

  it('says when to retry after 12306 blocked or rate-limited the query', async () => {
    const api = fakeApi({
      railAnswer: async () => ({
        ok: false,
        error: { code: 'rate-limited', message: { zh: '12306 请求过于频繁', en: '12306 is limiting requests' }, retryAt: NOW + 30_000 },
        fetchedAt: NOW,
        buyUrl: '',
      }),
    });
    await searchLast(api);
    // The client's own words, then a live countdown (test/components/popup/faces.test.tsx ticks it).
    const b = $('[data-testid=rail-blocked]')!;
    expect(b.textContent).toContain('12306 请求过于频繁，30 秒后重试');
    expect(b.textContent).not.toContain('12306 is limiting requests');
    expect(b.querySelector<HTMLButtonElement>('button')!.disabled).toBe(true);

    api.railAnswer = async () => ({
      ok: false,
      error: { code: 'blocked', message: { zh: '12306 拒绝了查询（error.html）', en: '12306 refused the query (error.html)' }, retryAt: NOW + 5 * 60_000 },
      fetchedAt: NOW,
      buyUrl: '',
    });
    await submit();
    // 12306's refusal reads the same on every screen, whatever the client's own words.
    expect($('[data-testid=rail-blocked]')!.textContent).toContain('12306 暂时拒绝了查询（繁忙或风控），5 分 00 秒后重试');
    expect($('[data-testid=rail-blocked]')!.textContent).not.toContain('busy or risk control');
  });

  it('says the format changed and links to diagnostics', async () => {
    const api = fakeApi({
      railAnswer: async () => ({ ok: false, error: { code: 'schema', message: { zh: '余票查询：返回数据缺少 data.result 列表', en: 'left-ticket: data.result is missing' } }, fetchedAt: NOW, buyUrl: '' }),
    });
    await searchLast(api);
    const b = $('[data-testid=rail-format]')!;
    expect(b.textContent).toContain('12306 返回的格式已变化');
    await act(() => b.querySelector<HTMLButtonElement>('button')!.click());
    expect(api.options).toEqual(['diagnostics']);
  });

  it('says when there are no trains', async () => {
    const api = fakeApi({ railAnswer: async () => railOk([]) });
    await searchLast(api);
    expect($('[data-testid=rail-empty]')!.textContent).toContain('这一天没有直达列车');
  });

  it('without flights: partial, Fliggy as a plain link (nothing waits for it), and the capture fills the flights in', async () => {
    const api = fakeApi({
      airAnswer: async () => ({ ok: false, error: { code: 'no-source', message: { zh: '还没有航班数据', en: 'No flight data yet' } }, fliggyUrl: FLIGGY_URL }),
    });
    await searchLast(api);
    expect($('[data-testid=partial]')!.textContent).toContain('只有火车结果');
    expect($$('[data-testid=train]').length).toBeGreaterThan(0);
    // Flights come live now: Fliggy is a link to its search in a new tab, with no waiting state.
    const link = $<HTMLAnchorElement>('a[data-testid=open-fliggy]')!;
    expect(link.getAttribute('href')).toBe(FLIGGY_URL);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(text()).not.toContain('等待飞猪页面的结果');
    // The capture arrives: the popup asks again and shows the flights, with source and age.
    api.airAnswer = async () => airOk(4, 'fliggy', NOW - 2 * 60_000);
    await act(() => api.captureListeners.forEach((fn) => fn()));
    await flush();
    expect($$('[data-testid=flight]')).toHaveLength(4);
    expect($('[data-testid=air-source]')!.textContent).toContain('飞猪页面 · 2 分钟前');
    expect($('[data-testid=partial]')).toBeNull();
  });

  it('tells the air failures apart by code: no airports, a failed query, a background that does not answer', async () => {
    const noCity = fakeApi({
      airAnswer: async () => ({ ok: false, error: { code: 'no-city', message: { zh: '这两个城市之间没有可比的机场', en: 'No airports to compare for these cities' } } }),
    });
    await searchLast(noCity);
    expect($('[data-testid=air-none]')!.className).toContain('banner-info');
    expect($('[data-testid=air-none]')!.textContent).toContain('这两个城市之间没有可比的机场');
    expect($('[data-testid=open-fliggy]')).toBeNull();
    render(null, rootOf());
    const failed = fakeApi({
      airAnswer: async () => ({ ok: false, error: { code: 'rejected', message: { zh: '淘宝开放平台：调用受限', en: 'TOP: App Call Limited' } }, fliggyUrl: FLIGGY_URL }),
    });
    await searchLast(failed);
    expect($('[data-testid=air-none]')!.className).toContain('banner-error');
    expect($('[data-testid=air-none]')!.textContent).toContain('淘宝开放平台：调用受限');
    expect($('[data-testid=open-fliggy]')).not.toBeNull();
    render(null, rootOf());
    const silent = fakeApi({ airAnswer: () => Promise.reject(new Error('gone')) });
    await searchLast(silent);
    expect($('[data-testid=air-none]')!.className).toContain('banner-error');
    expect($('[data-testid=air-none]')!.textContent).toContain('后台无响应：gone');
    expect($('[data-testid=open-fliggy]')).toBeNull();
    expect($('[data-testid=partial]')!.textContent).toContain('只有火车结果');
  });

  it('marks data arrival and the first paint of results', async () => {
    const api = fakeApi();
    await searchLast(api);
    await act(async () => void (await new Promise((r) => setTimeout(r, 40))));
    expect(performance.getEntriesByName('railair:data-arrived')).toHaveLength(1);
    expect(performance.getEntriesByName('railair:results-painted')).toHaveLength(1);
  });
});

describe('PopupApp watches tab', () => {
  it('says the watch list could not be loaded when its chunk is missing or fails, else renders it', async () => {
    const api = fakeApi();
    await mount(api);
    await act(() => $$('[role=tab]')[1]!.click());
    await flush();
    expect($('[data-testid=watches]')!.textContent).toContain('提醒列表无法加载');
    render(null, rootOf());
    const failing = fakeApi({ loadWatchList: () => Promise.reject(new Error('chunk failed')) });
    await mount(failing);
    await act(() => $$('[role=tab]')[1]!.click());
    await flush();
    expect($('[data-testid=watches]')!.textContent).toContain('提醒列表无法加载');
    render(null, rootOf());
    const withList = fakeApi({ loadWatchList: async () => () => <p>my watches</p> });
    await mount(withList);
    await act(() => $$('[role=tab]')[1]!.click());
    await flush();
    expect($('[data-testid=watches]')!.textContent).toContain('my watches');
  });
});

describe('PopupApp bells', () => {
  const soldOutTrain = () =>
    generateTrains(1, { from: 'VNP', to: 'AOH' }, DATE, 1).map((s) => ({
      ...s,
      code: 'G101',
      seats: { zy: { cell: '有', price: 93300 }, ze: { cell: '无', price: 55300 }, wz: { cell: '候补', price: 55300 } },
    }));
  let off: (() => void) | undefined;
  afterEach(() => off?.());

  it('puts a bell on each sold-out or waitlist class, and one click sends watch.create for that train and class', async () => {
    const got: Req<'watch.create'>[] = [];
    off = onMessage('watch.create', (req) => {
      got.push(req);
      return { id: 'w1', created: true };
    });
    const answer = railOk(soldOutTrain());
    const api = fakeApi({ railAnswer: async () => answer });
    await searchLast(api); // 北京 → 上海 (cities); the train runs 北京南 → 上海虹桥
    const t = $('[data-testid=train]')!;
    const bells = [...t.querySelectorAll<HTMLButtonElement>('[data-testid=railair-bell]')];
    expect(bells).toHaveLength(2); // 二等座 无 and 无座 候补, not 一等座 有
    const bell = t.querySelector<HTMLButtonElement>('[data-cls=ze] ~ .ra [data-testid=railair-bell]')!;
    expect(bell.getAttribute('aria-label')).toBe('有票提醒：G101 二等座');
    expect(bell.title).toContain('有票提醒');
    await act(() => bell.click());
    await flush();
    const train = trainsOf(answer)[0]!;
    expect(got).toEqual([
      {
        date: DATE,
        from: { telecode: 'VNP', name: '北京南' },
        to: { telecode: 'AOH', name: '上海虹桥' },
        trains: ['G101'],
        trainNos: [train.trainNo],
        classes: ['ze'],
        seats: 1,
        origin: 'popup',
      },
    ]);
    expect(t.querySelector('[data-cls=ze] ~ .ra [data-testid=railair-bell-msg]')!.textContent).toBe('已设提醒');
  });

  it('shows the error in place when the watch cannot be set', async () => {
    off = onMessage('watch.create', () => {
      throw new Error('storage full');
    });
    const api = fakeApi({ railAnswer: async () => railOk(soldOutTrain()) });
    await searchLast(api);
    await act(() => $('[data-testid=railair-bell]')!.click());
    await flush();
    expect($('[data-testid=railair-bell-msg]')!.textContent).toBe('提醒设置失败：storage full');
  });
});

describe('student searches', () => {
  it.each([true, false])('say beside the trains that student prices are as 12306 confirms, and only then (student %s)', async (student) => {
    const api = fakeApi();
    api.last = { ...LAST, student };
    await mount(api);
    await act(() => $<HTMLButtonElement>('button.go')!.click());
    await flush();
    expect($$('ul.options li').length).toBeGreaterThan(0);
    expect($('[data-testid="student-note"]')?.textContent ?? null).toBe(student ? '学生票价以 12306 为准' : null);
  });
});
