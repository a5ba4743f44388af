import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dispatch } from '../../../lib/messaging';
import { send as sendMessage } from '../../../lib/messages/watch';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { chinaInstant } from '../../../lib/time';
import { createWatchService, type TrainSource, type WatchService } from '../../../lib/background/watch-service';
import { registerWatchHandlers } from '../../../lib/background/watch-handlers';
import { watchesItem } from '../../../lib/storage';
import type { RouteAnswer } from '../../../lib/watch/scheduler';
import { UNDO_MS, WatchList, type Send } from '../../../components/watch/WatchList';
import { sparkPath } from '../../../components/watch/Sparkline';
import { count, DATE, none, NOON, train } from '../../lib/watch/support';
import { useTestLanguage } from '../../support/i18n';
import { resolveAirCity } from '../../../lib/air/city-input';

/** Chinese characters, with the test's own station names taken out. */
const CJK = /[\u4e00-\u9fff]/;
const uiText = (el: Element) => (el.textContent ?? '').replaceAll('北京', '').replaceAll('上海', '');

const clock = { t: NOON };
let settings: Settings;
let answer: RouteAnswer;
const rail: TrainSource = { queryTrains: async () => answer };
// The real protocol end to end: the component's messages are validated, dispatched to the real
// service on the fake browser, and the replies validated again.
const send: Send = (name, data) => sendMessage(name, data, (m) => dispatch(m));

let root: HTMLElement;
let service: WatchService;
beforeEach(() => {
  useTestLanguage('zh-CN');
  fakeBrowser.reset();
  clock.t = NOON;
  settings = { ...DEFAULT_SETTINGS, watch: { ...DEFAULT_SETTINGS.watch } };
  answer = { ok: true, value: { trains: [train('G101', { ze: none })], stationNames: {} } };
  service = createWatchService({ rail, store: watchesItem, now: () => clock.t, rng: () => 0.5, settings: async () => settings, log: () => undefined, sleep: async () => undefined });
  registerWatchHandlers(service);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const req = (trains: string[]) => ({
  date: DATE,
  from: { telecode: 'BJP', name: '北京' },
  to: { telecode: 'SHH', name: '上海' },
  trains,
  classes: ['ze' as const],
});

async function mount(props: Partial<Parameters<typeof WatchList>[0]> = {}) {
  await act(async () => {
    render(<WatchList send={send} refreshMs={60_000} {...props} />, root);
  });
  await vi.waitFor(() => expect(root.querySelector('.ra-w-bar span')!.textContent).not.toMatch(/加载中|Loading/));
}
const items = () => [...root.querySelectorAll<HTMLElement>('.ra-w-item')];
const click = async (el: Element | null | undefined) => {
  await act(async () => (el as HTMLElement).click());
};
const button = (item: HTMLElement, text: string) => [...item.querySelectorAll('button')].find((b) => b.textContent === text);

describe('WatchList', () => {
  it('shows each watch with its state, seats, last check and a sparkline', async () => {
    const a = await send('watch.create', req(['G101']));
    await send('watch.create', req(['G7']));
    await vi.waitFor(async () => expect((await send('watch.list', {})).watches[0]!.watch.lastCheckedAt).toBe(NOON));
    answer = { ok: true, value: { trains: [train('G101', { ze: count(5) }), train('G7', { ze: none })], stationNames: {} } };
    clock.t += 61_000;
    await send('watch.pause', { id: a.id, paused: false }); // any change kicks a cycle
    await vi.waitFor(async () => expect((await send('watch.status', {})).withSeats).toBe(1));
    await mount();
    const [g101, g7] = items();
    expect(g101!.dataset.state).toBe('seats');
    expect(g101!.querySelector('.ra-w-state')!.textContent).toBe('有票');
    expect(g101!.textContent).toContain('北京 → 上海 · 2026-11-23');
    expect(g101!.textContent).toContain('G101 二等座 5张 ¥553');
    expect(g101!.textContent).toContain('上次查询 10:01');
    expect(g101!.querySelector('svg path')!.getAttribute('d')).toBe(sparkPath([[NOON, 0], [NOON + 61_000, 5]], 120, 28));
    expect(g7!.dataset.state).toBe('watching');
    expect(g7!.querySelector('.ra-w-state')!.textContent).toMatch(/^监控中/);
    expect(root.querySelector('.ra-w-bar span')!.textContent).toBe('2 个提醒，1 个有票');
    expect(g101!.textContent).not.toContain('Seats now');

    // In English: the same list in English words only (the stations are the watch's own data).
    render(null, root);
    useTestLanguage('en');
    await mount();
    const [en101, en7] = items();
    expect(en101!.querySelector('.ra-w-state')!.textContent).toBe('Seats now');
    expect(en101!.textContent).toContain('G101 Second class 5 left ¥553');
    expect(en101!.textContent).toContain('Last checked 10:01');
    expect(en101!.querySelector('svg')!.getAttribute('aria-label')).toBe('Seats left over time: 0 → 5 (max 5)');
    expect(en7!.querySelector('.ra-w-state')!.textContent).toMatch(/^Watching/);
    expect(root.querySelector('.ra-w-bar span')!.textContent).toBe('2 watches, 1 with seats');
    expect(uiText(root)).not.toMatch(CJK);
    expect([...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).join(' ')).not.toMatch(CJK);
  });

  it('says when quiet hours and a 12306 back-off pause the watches, and until when', async () => {
    await send('watch.create', req(['G101']));
    clock.t = chinaInstant(DATE, 2 * 60);
    useTestLanguage('en');
    await mount();
    expect(items()[0]!.querySelector('.ra-w-state')!.textContent).toBe('Quiet hours until 06:00');
    expect(root.querySelector('[role=status]')!.textContent).toBe('Quiet hours: no checks until 06:00.');

    clock.t = chinaInstant(DATE, 9 * 60);
    answer = { ok: false, error: { code: 'rate-limited', message: { zh: '12306 请求过于频繁', en: '12306 is limiting requests' }, retryAt: clock.t + 10 * 60_000 } };
    await send('watch.create', req(['G7']));
    await vi.waitFor(async () => expect((await send('watch.status', {})).backoff).toBeDefined());
    render(null, root);
    useTestLanguage('zh-CN');
    await mount();
    expect(root.querySelector('[role=status]')!.textContent).toBe('12306 要求放慢：12306 请求过于频繁。09:10 前不再查询。');
    for (const it of items()) expect(it.querySelector('.ra-w-state')!.textContent).toBe('12306 请求过于频繁，09:10 前暂停');
    render(null, root);
    useTestLanguage('en');
    await mount();
    expect(root.querySelector('[role=status]')!.textContent).toBe('12306 asked us to slow down: 12306 is limiting requests. No checks until 09:10.');
    for (const it of items()) expect(it.querySelector('.ra-w-state')!.textContent).toBe('12306 is limiting requests; paused until 09:10');
  });

  it('edits classes, seats and trains, pauses and deletes', async () => {
    await send('watch.create', req(['G101']));
    await mount();
    await click(button(items()[0]!, '编辑'));
    const form = root.querySelector('form.ra-w-editor')!;
    await act(async () => {
      (form.querySelector('input[value=ze]') as HTMLInputElement).click();
      (form.querySelector('input[value=zy]') as HTMLInputElement).click();
      const seats = form.querySelector('input[name=seats]') as HTMLInputElement;
      seats.value = '2';
      seats.dispatchEvent(new Event('input', { bubbles: true }));
      const trains = form.querySelector('input[name=trains]') as HTMLInputElement;
      trains.value = 'g101, G103';
      trains.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect(root.querySelector('form.ra-w-editor')).toBeNull());
    const w = (await send('watch.list', {})).watches[0]!.watch;
    expect(w).toMatchObject({ classes: ['zy'], seats: 2, trains: ['G101', 'G103'] });
    expect(items()[0]!.textContent).toContain('G101 G103 · 一等座 · 2张');

    await click(button(items()[0]!, '暂停'));
    await vi.waitFor(() => expect(items()[0]!.dataset.state).toBe('paused-user'));
    // Deleting asks nothing; for a few seconds it can be undone, and the watch comes back as it was defined.
    await click(button(items()[0]!, '删除'));
    await vi.waitFor(() => expect(items()).toHaveLength(0));
    const banner = root.querySelector('[data-testid=watch-undo]')!;
    expect(banner.textContent).toContain('已删除提醒');
    await click(button(banner as HTMLElement, '撤销'));
    await vi.waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]!.textContent).toContain('G101 G103 · 一等座 · 2张');
    expect(root.querySelector('[data-testid=watch-undo]')).toBeNull();
    // Deleted again and left alone: the undo goes after a while, the watch stays gone.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await click(button(items()[0]!, '删除'));
      await vi.waitFor(() => expect(root.querySelector('[data-testid=watch-undo]')).not.toBeNull());
      await act(async () => void vi.advanceTimersByTime(UNDO_MS + 1));
      expect(root.querySelector('[data-testid=watch-undo]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    expect((await send('watch.list', {})).watches).toHaveLength(0);
  });

  it('opens the import from a button, so it is reachable by keyboard', async () => {
    await mount();
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    const opened = vi.spyOn(input, 'click');
    const b = root.querySelector<HTMLButtonElement>('[data-testid=watch-import]')!;
    expect(b.tagName).toBe('BUTTON');
    b.focus();
    expect(document.activeElement).toBe(b);
    await click(b);
    expect(opened).toHaveBeenCalledOnce();
  });

  it('refuses an edit without a class or with a bad train code', async () => {
    await send('watch.create', req(['G101']));
    useTestLanguage('en');
    await mount();
    await click(button(items()[0]!, 'Edit'));
    await act(async () => (root.querySelector('input[value=ze]') as HTMLInputElement).click());
    expect((root.querySelector('form.ra-w-editor button[type=submit]') as HTMLButtonElement).disabled).toBe(true);
    expect(root.querySelector('.ra-w-invalid')!.textContent).toBe('Pick at least one class; trains like G101');
    // The editor in English words only: the classes' names and the labels.
    expect(root.querySelector('form.ra-w-editor legend')!.textContent).toBe('Classes, in order of preference');
    expect(uiText(root.querySelector('form.ra-w-editor')!)).not.toMatch(CJK);
    await act(async () => {
      (root.querySelector('input[value=ze]') as HTMLInputElement).click();
      const trains = root.querySelector('input[name=trains]') as HTMLInputElement;
      trains.value = 'G1!';
      trains.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect((root.querySelector('form.ra-w-editor button[type=submit]') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      const trains = root.querySelector('input[name=trains]') as HTMLInputElement;
      trains.value = 'G1';
      trains.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect((root.querySelector('form.ra-w-editor button[type=submit]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('exports to a file and imports one back, reporting duplicates and invalid entries', async () => {
    await send('watch.create', req(['G101']));
    const save = vi.fn();
    await mount({ save });
    await click([...root.querySelectorAll('.ra-w-bar button')].find((b) => b.textContent === '导出'));
    await vi.waitFor(() => expect(save).toHaveBeenCalledOnce());
    const [json, name] = save.mock.calls[0]! as [string, string];
    expect(name).toMatch(/^railair-watches-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(json);
    file.watches.push({ ...file.watches[0], trains: ['G9'] }, { kind: 'rail', date: 'soon' });
    const input = root.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([JSON.stringify(file)], 'w.json', { type: 'application/json' })] });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(root.textContent).toContain('导入 1 个，重复 1 个，无效 1 个'));
    await vi.waitFor(() => expect(items()).toHaveLength(2));

    // The same report in English.
    render(null, root);
    useTestLanguage('en');
    await mount({ save });
    const again = root.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(again, 'files', { value: [new File([JSON.stringify(file)], 'w.json', { type: 'application/json' })] });
    await act(async () => {
      again.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(root.textContent).toMatch(/Imported 0, 2 duplicates, 1 invalid \(#3 /));
  });
});

describe('WatchList: export file name', () => {
  it('dates the export file by the China date, not the UTC one', async () => {
    await send('watch.create', req(['G101']));
    const save = vi.fn();
    await mount({ save });
    // 01:30 on 23 November in China is still 22 November in UTC.
    const now = vi.spyOn(Date, 'now').mockReturnValue(chinaInstant(DATE, 90));
    const iso = vi.spyOn(Date.prototype, 'toISOString').mockReturnValue('2026-11-22T17:30:00.000Z');
    try {
      await click([...root.querySelectorAll('.ra-w-bar button')].find((b) => b.textContent === '导出'));
      await vi.waitFor(() => expect(save).toHaveBeenCalledOnce());
    } finally {
      now.mockRestore();
      iso.mockRestore();
    }
    expect(save.mock.calls[0]![1]).toBe(`railair-watches-${DATE}.json`);
  });
});

/** The worker's lookup (search.airCity), called directly. */
const resolveCity = async (q: string) => resolveAirCity(q) ?? null;

describe('WatchList: flight-price watches', () => {
  it('adds one from the form (cities as people type them, taxes in) and shows the lowest fare once an answer falls below it', async () => {
    await mount({ resolveCity });
    const form = root.querySelector('form.ra-w-fare')!;
    expect(form.textContent).toContain('含税费');
    const fill = (name: string, value: string) => {
      const input = form.querySelector(`input[name=${name}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(async () => {
      fill('fromCity', '北京');
      fill('toCity', '虹桥机场');
      fill('date', DATE);
      fill('maxYuan', '500');
    });
    // What each field resolved to, as the worker's lookup answers it.
    await vi.waitFor(() => expect(form.querySelector('[data-testid=toCity-resolved]')!.textContent).toBe('上海 · SHA'));
    expect(form.querySelector('[data-testid=fromCity-resolved]')!.textContent).toBe('北京 · BJS');
    await act(async () => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]!.textContent).toContain('BJS → SHA · 2026-11-23');
    expect(items()[0]!.textContent).toContain('机票 ≤ ¥500');
    const fare = { cabinClass: 'economy' as const, price: 48000 };
    await service.onFlightResult({
      source: 'fliggy', date: DATE, depCity: 'BJS', arrCity: 'SHA', airports: {}, airlines: {},
      flights: [{ mode: 'air', id: 'MU5101@x', flightNo: 'MU5101', airline: 'MU', date: DATE, from: { code: 'PEK' }, to: { code: 'SHA' },
        depart: NOON, arrive: NOON, durationMin: 120, arriveDayOffset: 0, stops: 0, transfer: false, fares: [fare], lowest: fare, source: 'fliggy' }],
    });
    await click(button(items()[0]!, '暂停')); // any action refreshes the list
    await vi.waitFor(() => expect(button(items()[0]!, '继续')).toBeDefined());
    await click(button(items()[0]!, '继续'));
    await vi.waitFor(() => expect(items()[0]!.dataset.state).toBe('seats'));
    expect(items()[0]!.textContent).toContain('当前最低 ¥480 (MU5101)');

    render(null, root);
    useTestLanguage('en');
    await mount();
    expect(items()[0]!.textContent).toContain('Flights ≤ ¥500 (taxes in)');
    expect(items()[0]!.textContent).toContain('Lowest now ¥480 (MU5101)');
    expect(root.querySelector('form.ra-w-fare strong')!.textContent).toBe('Flight price watch');
    expect(root.textContent).not.toMatch(CJK);
  });

  it('will not add a watch with a city it cannot find', async () => {
    await mount({ resolveCity });
    const form = root.querySelector('form.ra-w-fare')!;
    await act(async () => {
      const input = form.querySelector('input[name=fromCity]') as HTMLInputElement;
      input.value = 'BJ';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await vi.waitFor(() => expect(form.querySelector('[data-testid=fromCity-resolved]')!.textContent).toBe('找不到这个城市或机场'));
    expect((form.querySelector('button[type=submit]') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Sparkline path', () => {
  it('steps through the points, scaled to the box, zero at the bottom', () => {
    expect(sparkPath([[0, 0], [50, 4], [100, 2]], 100, 22)).toBe('M0,21H50V1H100V11');
    expect(sparkPath([[5, 3]], 100, 22)).toBe('M0,1H100');
    expect(sparkPath([], 100, 22)).toBe('');
  });
});
