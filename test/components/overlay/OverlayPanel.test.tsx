import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OverlayPanel, type PanelState } from '../../../components/overlay/OverlayPanel';
import { BeatNote, Bell, type WatchOutcome } from '../../../components/overlay/RowAnnotations';
import { overlayViewSchema, type OverlayView, type RowView } from '../../../lib/capture/view';
import { chinaInstant } from '../../../lib/time';
import { useTestLanguage } from '../../support/i18n';

const DATE = '2026-11-23';
const NOW = chinaInstant(DATE, 6 * 60);

function flight(code: string, depMin: number, price: number | undefined, extra: Partial<RowView> = {}): RowView {
  return {
    id: `${code}@${DATE}`,
    mode: 'air',
    code,
    airline: '东方航空',
    fromName: '首都T2',
    toName: '虹桥T2',
    depart: chinaInstant(DATE, depMin),
    arrive: chinaInstant(DATE, depMin + 135),
    arriveDayOffset: 0,
    durationMin: 135,
    doorToDoorMin: 325,
    ...(price !== undefined ? { price } : {}),
    priceIncludesTaxes: false,
    priceNote: price !== undefined ? { zh: '未含机建燃油', en: 'excl. airport fee & fuel surcharge' } : { zh: '舱位已售完', en: 'fares sold out' },
    soldOut: price === undefined,
    departed: false,
    reachDoorAt: { hm: '13:00', dayOffset: 0, text: '13:00' },
    tops: [],
    best: [],
    seats: [],
    ...extra,
  };
}

const okView: OverlayView = overlayViewSchema().parse({
  show: 'air',
  date: DATE,
  from: { city: '北京', cityCode: 'BJS' },
  to: { city: '上海', cityCode: 'SHA' },
  status: 'ok',
  rows: [flight('MU5102', 480, 68000, { tops: ['cheapest', 'fastest'], best: ['cheapest', 'fastest'] }), flight('CA1831', 720, undefined)],
  verdict: { zh: '高铁 G1 ¥669，门到门 5小时40分；最便宜航班 MU5102 ¥680：飞机快 15 分钟，贵 ¥11', en: 'Train G1 ¥669 …; flight MU5102 ¥680: 15 min faster, ¥11 dearer' },
  sources: { air: { at: NOW - 5 * 60_000, stale: false, source: 'fliggy' }, rail: { at: NOW - 45 * 60_000, stale: true, source: '12306' } },
  beats: [],
  diagnostics: 2,
  otherSearchUrl: `https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=${DATE}`,
});

let root: HTMLElement;
beforeEach(() => {
  useTestLanguage('zh-CN');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(state: PanelState, opts: { site?: '12306' | 'fliggy'; collapsed?: boolean; onToggle?: () => void } = {}) {
  render(
    <OverlayPanel site={opts.site ?? '12306'} state={state} collapsed={!!opts.collapsed} onToggle={opts.onToggle ?? (() => {})} now={NOW} />,
    root,
  );
  return root;
}

const q = (sel: string) => root.querySelector(sel);

describe('OverlayPanel', () => {
  it('shows the flights, the verdict in Chinese only, and how old the data is', () => {
    show({ kind: 'view', view: okView });
    expect(q('[data-testid="railair-panel"]')?.getAttribute('data-state')).toBe('ok');
    expect(q('.ra-title')?.textContent).toBe('RailAir · 同日航班');
    // A labelled region with a heading (screen readers list it among the page's landmarks).
    const region = q('[data-testid="railair-panel"]')!;
    expect(region.getAttribute('role')).toBe('region');
    expect(q(`#${region.getAttribute('aria-labelledby')}`)?.tagName).toBe('H2');
    expect(q('.ra-route')?.textContent).toContain('北京 → 上海');
    const verdict = q('[data-testid="railair-verdict"]');
    expect(verdict?.querySelector('.ra-verdict-zh')?.textContent).toContain('MU5102 ¥680');
    expect(verdict?.textContent).not.toContain('flight MU5102');
    const rows = root.querySelectorAll('[data-testid="railair-rows"] tbody tr');
    expect(Array.from(rows).map((r) => r.getAttribute('data-code'))).toEqual(['MU5102', 'CA1831']);
    expect(rows[0]?.textContent).toContain('08:00–10:15');
    expect(rows[0]?.textContent).toContain('¥680');
    expect(rows[0]?.textContent).toContain('最便宜');
    expect(rows[0]?.textContent).toContain('5小时25分');
    expect(rows[1]?.className).toBe('ra-soldout');
    expect(rows[1]?.textContent).toContain('舱位已售完');
    const foot = q('.ra-foot')?.textContent ?? '';
    expect(foot).toContain('航班数据 5 分钟前（飞猪）');
    expect(foot).toContain('火车数据 45 分钟前（12306），可能已过时');
    expect(q('[data-testid="railair-diagnostics"]')?.textContent).toBe('2 个响应无法解析');
  });

  it('says when there is no data and opens the other site in a new tab with one click', () => {
    show({ kind: 'view', view: { ...okView, status: 'no-data', rows: [], sources: {}, diagnostics: 0 } });
    expect(q('[data-testid="railair-no-data"]')?.textContent).toContain('暂无 北京 → 上海 11月23日 的航班数据');
    const link = q('[data-testid="railair-open-other"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(okView.otherSearchUrl);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(q('[data-testid="railair-diagnostics"]')).toBeNull();
  });

  it('mirrors on Fliggy: trains with seats left per class', () => {
    const train: RowView = {
      ...flight('G1', 420, 66900, { tops: ['cheapest'], best: ['cheapest', 'fastest'] }),
      id: 'G1@x',
      mode: 'rail',
      trainNo: '240000G1010D',
      fromName: '北京南',
      toName: '上海虹桥',
      priceIncludesTaxes: true,
      seats: [
        { cls: 'ze', name: '二等座', nameEn: 'Second class', kind: 'plenty', price: 66900 },
        { cls: 'zy', name: '一等座', nameEn: 'First class', kind: 'count', n: 5, price: 107400 },
        { cls: 'swz', name: '商务座', nameEn: 'Business', kind: 'none' },
      ],
    };
    show({ kind: 'view', view: { ...okView, show: 'rail', rows: [train] } }, { site: 'fliggy' });
    expect(q('.ra-title')?.textContent).toContain('同日火车');
    const text = q('[data-testid="railair-rows"] tbody tr')?.textContent ?? '';
    expect(text).toContain('二等座 有 ¥669');
    expect(text).toContain('一等座 5张 ¥1074');
    expect(text).toContain('商务座 无');
    expect(q('[data-testid="railair-rows"] th:last-child')?.textContent).toBe('余票');
    expect(Array.from(root.querySelectorAll('.ra-badge')).map((b) => b.textContent)).toEqual(['最便宜', '门到门最快']);
  });

  it('names a live 12306 answer as such, and says why a live query did not answer', () => {
    show(
      { kind: 'view', view: { ...okView, show: 'rail', sources: { rail: { at: NOW - 60_000, stale: false, source: '12306', live: true } } } },
      { site: 'fliggy' },
    );
    expect(q('[data-testid="railair-source-rail"]')?.textContent).toBe('火车数据 1 分钟前（12306 实时查询）');
    show({ kind: 'view', view: { ...okView, sources: { air: { at: NOW - 60_000, stale: false, source: 'fliggy' } } } });
    expect(q('[data-testid="railair-source-air"]')?.textContent).not.toContain('实时');

    const failed: OverlayView = {
      ...okView,
      show: 'rail',
      status: 'no-data',
      rows: [],
      sources: {},
      liveError: { code: 'maintenance', message: { zh: '12306 系统维护中，06:00 后恢复', en: '12306 is in maintenance until 06:00' } },
      otherSearchUrl: 'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc',
    };
    show({ kind: 'view', view: failed }, { site: 'fliggy' });
    expect(q('[data-testid="railair-live-error"]')?.textContent).toBe('12306 实时查询未成功：12306 系统维护中，06:00 后恢复');
    expect(q('[data-testid="railair-live-error"]')?.textContent).toContain('12306 系统维护中，06:00 后恢复');
    expect(q('[data-testid="railair-live-error"]')?.textContent).not.toContain('in maintenance until 06:00');
    // …and the one click that gets the data stays.
    expect(q('[data-testid="railair-open-other"]')?.getAttribute('href')).toBe(failed.otherSearchUrl);
  });

  it('hides its body when collapsed and reports the toggle', () => {
    const onToggle = vi.fn();
    show({ kind: 'view', view: okView }, { collapsed: true, onToggle });
    expect(q('.ra-body')).toBeNull();
    const btn = q('[data-testid="railair-toggle"]') as HTMLButtonElement;
    expect(btn.getAttribute('aria-expanded')).toBe('false');
    expect(btn.textContent).toBe('展开');
    act(() => btn.click());
    expect(onToggle).toHaveBeenCalledOnce();
  });

  it('renders the waiting, no-route, failure and error states', () => {
    show({ kind: 'loading' });
    expect(q('.ra-body')?.textContent).toContain('正在查询航班…');
    show({ kind: 'no-route' });
    expect(q('.ra-body')?.textContent).toContain('在本页查询车次后');
    show({ kind: 'failed', message: 'Extension context invalidated.' });
    expect(q('[role="alert"]')?.textContent).toBe('RailAir 暂时无法读取比较结果');
    // The program's own words stay at hand for a bug report, out of the sentence.
    expect(q('[role="alert"]')?.getAttribute('title')).toBe('Extension context invalidated.');
    show({ kind: 'view', view: { ...okView, status: 'no-place', rows: [], error: { code: 'bad-input', message: { zh: '无法识别本页的出发地或目的地', en: 'Could not tell the route' } } } });
    expect(q('[role="alert"]')?.textContent).toBe('无法识别本页的出发地或目的地');
  });

  it('greys a departed flight and lists fares others may buy with their condition, never as the cheapest', () => {
    const rows = [
      flight('MU5231', 480, 53000, {
        priceIncludesTaxes: true,
        priceNote: { zh: '票价 ¥410 + 税费 ¥120', en: 'fare ¥410 + ¥120 taxes & fees' },
        best: ['cheapest'],
        tops: ['cheapest', 'earliest'],
        reachDoorAt: { hm: '11:40', dayOffset: 0, text: '11:40' },
        conditionalFares: [{ price: 38700, priceIncludesTaxes: true, condition: { zh: '限16–25周岁', en: 'ages 16–25 only' } }],
      }),
      flight('CA9', 600, undefined, {
        excluded: 'conditional-only',
        soldOut: false,
        priceNote: { zh: '仅有限制票价：会员价 ¥450', en: 'restricted fares only: member price ¥450' },
        conditionalFares: [{ price: 45000, priceIncludesTaxes: true, condition: { zh: '会员价', en: 'member price' } }],
      }),
      flight('MU5101', 300, 30000, { departed: true, excluded: 'departed' }),
    ];
    show({ kind: 'view', view: overlayViewSchema().parse({ ...okView, rows }) });
    const trs = root.querySelectorAll('[data-testid="railair-rows"] tbody tr');
    // The cheapest is the fare an adult can buy; the youth fare is shown with its condition.
    expect(trs[0]?.querySelector('.ra-price')?.textContent).toBe('¥530');
    expect(trs[0]?.querySelector('[data-testid="railair-conditional"]')?.textContent).toBe(' ¥387 限16–25周岁');
    expect(trs[0]?.textContent).toContain('最便宜');
    // 最早到达 is the clock time at the door, not a journey length.
    expect(trs[0]?.querySelector('.ra-badge-earliest')?.textContent).toBe('最早到达 11:40');
    expect(trs[1]?.textContent).toContain('¥450 会员价');
    // Said once: "only restricted fares", then each fare with its condition.
    expect([...(trs[1]?.querySelectorAll('.ra-note') ?? [])].map((n) => n.textContent)).toContain('仅有限制票价');
    expect(trs[1]?.textContent?.match(/¥450/g)).toHaveLength(1);
    expect(trs[1]?.querySelector('.ra-price')).toBeNull();
    expect(trs[1]?.querySelector('.ra-badge')).toBeNull();
    expect(trs[2]?.className).toBe('ra-departed');
    expect(trs[2]?.hasAttribute('data-departed')).toBe(true);
    expect(trs[2]?.textContent).toContain('已出发');
  });

  it('says when the popup’s filters narrowed the comparison', () => {
    show({ kind: 'view', view: okView });
    expect(q('[data-testid="railair-filtered"]')).toBeNull();
    show({ kind: 'view', view: { ...okView, filtered: true } });
    expect(q('[data-testid="railair-filtered"]')?.textContent).toBe('按弹窗中的筛选条件比较');
  });

  it('shows the price’s condition when the traveller qualifies for it', () => {
    const rows = [flight('MU5231', 480, 38700, { priceCondition: { zh: '限16–25周岁', en: 'ages 16–25 only' }, best: ['cheapest'] })];
    show({ kind: 'view', view: overlayViewSchema().parse({ ...okView, rows }) });
    expect(q('[data-testid="railair-rows"] tbody tr')?.textContent).toContain('¥387 限16–25周岁');
  });

  it('on Fliggy: says when the sale opens instead of the seats, and shows 候补 as its own state', () => {
    const rail = (code: string, extra: Partial<RowView>): RowView => ({
      ...flight(code, 600, undefined),
      mode: 'rail',
      trainNo: `24000${code}00`,
      priceIncludesTaxes: true,
      seats: [{ cls: 'ze', name: '二等座', nameEn: 'Second class', kind: 'waitlist', price: 55300 }],
      ...extra,
    });
    const rows = [
      rail('G7', {
        saleOpens: '12:30',
        excluded: 'not-on-sale',
        priceNote: { zh: '12:30 开售（最低票价 ¥600）', en: 'on sale at 12:30 (fares from ¥600)' },
        seats: [{ cls: 'ze', name: '二等座', nameEn: 'Second class', kind: 'not-on-sale', price: 60000 }],
      }),
      rail('G3', { waitlist: [{ name: { zh: '二等座', en: 'Second class' }, price: 55300 }], priceNote: { zh: '无票，可候补', en: 'sold out, waiting list open' } }),
    ];
    show({ kind: 'view', view: overlayViewSchema().parse({ ...okView, show: 'rail', rows }) }, { site: 'fliggy' });
    const trs = root.querySelectorAll('[data-testid="railair-rows"] tbody tr');
    expect(trs[0]?.querySelector('[data-testid="railair-sale-opens"]')?.textContent).toBe('12:30 开售');
    expect(trs[0]?.querySelector('.ra-seat[data-cls]')).toBeNull();
    expect(trs[0]?.textContent).toContain('12:30 开售（最低票价 ¥600）');
    expect(trs[1]?.querySelector('[data-testid="railair-waitlist"]')?.textContent).toBe('候补 二等座 ¥553');
    expect(trs[1]?.querySelector('.ra-price')).toBeNull();
  });

  it('lists eight options, then all on request', () => {
    const rows = Array.from({ length: 11 }, (_, i) => flight(`MU${5100 + i}`, 400 + i * 60, 50000 + i * 1000));
    show({ kind: 'view', view: { ...okView, rows } });
    expect(root.querySelectorAll('[data-testid="railair-rows"] tbody tr')).toHaveLength(8);
    act(() => (q('.ra-more') as HTMLButtonElement).click());
    expect(root.querySelectorAll('[data-testid="railair-rows"] tbody tr')).toHaveLength(11);
  });
});

const MU5231 = {
  trainNo: '240000G10300',
  code: 'G103',
  flightNo: 'MU5231',
  trainClass: { zh: '二等座', en: 'Second class' },
  trainPrice: 55300,
  flightPrice: 53000,
  fasterMin: 65,
  cheaperFen: 2300,
  text: { zh: 'MU5231 比二等座快1小时5分，便宜¥23（08:30 起飞，门到门）', en: 'MU5231 (leaves 08:30): 1h 5m faster, ¥23 cheaper than second class, door to door' },
};

describe('row annotations', () => {

  it('names the flight and the train’s class compared in the whole note; the chip stays short', () => {
    render(<BeatNote beat={MU5231} />, root);
    // The chip shows the lead fact; the whole note is spoken and shown on hover.
    expect(q('[aria-hidden="true"]')?.textContent).toBe('✈快1小时5分');
    expect(q('.ra-sr')?.textContent).toContain('✈ MU5231 比二等座快1小时5分，便宜¥23');
    expect(q('[data-testid="railair-beat"]')?.getAttribute('title')).toContain('✈ MU5231 比二等座快1小时5分，便宜¥23');
    expect(q('[data-testid="railair-beat"]')?.getAttribute('title')).not.toContain('than second class');
  });

  it('a chip under an hour reads in minutes', () => {
    render(<BeatNote beat={{ ...MU5231, fasterMin: 35 }} />, root);
    expect(q('[aria-hidden="true"]')?.textContent).toBe('✈快35分');
  });

  it('a note only cheaper names the saving on its chip', () => {
    const { fasterMin: _f, ...cheaper } = MU5231;
    render(<BeatNote beat={{ ...cheaper, slowerMin: 20 }} />, root);
    expect(q('[aria-hidden="true"]')?.textContent).toBe('✈省¥23');
  });

  it('a bell click asks for a watch, stays away from the page, and says when watches are not available yet', async () => {
    const pageClicks = vi.fn();
    root.addEventListener('click', pageClicks);
    let resolve!: (o: WatchOutcome) => void;
    const onWatch = vi.fn(() => new Promise<WatchOutcome>((r) => (resolve = r)));
    render(<Bell label="G1 二等座" onWatch={onWatch} />, root);
    const bell = q('[data-testid="railair-bell"]') as HTMLButtonElement;
    await act(async () => bell.click());
    expect(onWatch).toHaveBeenCalledOnce();
    expect(pageClicks).not.toHaveBeenCalled();
    expect(bell.disabled).toBe(true);
    await act(async () => resolve({ kind: 'unavailable' }));
    expect(q('[data-testid="railair-bell-msg"]')?.textContent).toBe('提醒暂不可用');
  });

  it('a bell confirms a watch that was set', async () => {
    render(<Bell label="G1 二等座" onWatch={async () => ({ kind: 'created' })} />, root);
    // A page script's click (untrusted) sets nothing.
    await act(async () => {
      const forged = new MouseEvent('click', { bubbles: true, cancelable: true });
      Object.defineProperty(forged, 'isTrusted', { value: false });
      q('[data-testid="railair-bell"]')!.dispatchEvent(forged);
    });
    expect(q('[data-testid="railair-bell-msg"]')).toBeNull();
    await act(async () => (q('[data-testid="railair-bell"]') as HTMLButtonElement).click());
    expect(q('[data-testid="railair-bell-msg"]')?.textContent).toBe('已设提醒');
  });
});

describe('overlay in English', () => {
  beforeEach(() => void useTestLanguage('en'));
  const han = /[\u4e00-\u9fff]/;
  /** Every word a user reads or hears: text, tooltips and screen-reader labels. */
  const everything = () =>
    [root.textContent ?? '', ...Array.from(root.querySelectorAll('*')).flatMap((e) => ['title', 'aria-label', 'placeholder', 'alt'].map((a) => e.getAttribute(a) ?? ''))].join('\n');
  // The test's own data in English, so any Chinese left is the panel's.
  const english = (r: RowView): RowView => ({ ...r, airline: 'China Eastern', fromName: 'PEK T2', toName: 'SHA T2' });
  const enView: OverlayView = {
    ...okView,
    from: { city: 'Beijing', cityCode: 'BJS' },
    to: { city: 'Shanghai', cityCode: 'SHA' },
    rows: okView.rows.map(english),
  };

  it('shows the flights, the verdict and the footer in English only', () => {
    show({ kind: 'view', view: { ...enView, filtered: true } });
    expect(q('.ra-title')?.textContent).toBe('RailAir · Same-day flights');
    expect(q('[data-testid="railair-verdict"] .ra-verdict-zh')?.textContent).toBe(okView.verdict!.en);
    expect(q('[data-testid="railair-filtered"]')?.textContent).toBe('Compared under the filters set in the popup');
    expect(Array.from(root.querySelectorAll('[data-testid="railair-rows"] thead th')).map((th) => th.textContent)).toEqual([
      'Flight',
      'Depart–arrive',
      'Airports',
      'Door to door',
      'Price',
      '',
    ]);
    const rows = root.querySelectorAll('[data-testid="railair-rows"] tbody tr');
    expect(rows[0]?.textContent).toContain('5h 25m');
    expect(rows[0]?.querySelector('td[title]')?.getAttribute('title')).toBe('Ride 2h 15m, at the door 13:00');
    expect(rows[0]?.textContent).toContain('Cheapest');
    expect(rows[1]?.textContent).toContain('fares sold out');
    expect(q('[data-testid="railair-source-air"]')?.textContent).toBe('Flights 5 min ago (Fliggy)');
    expect(q('[data-testid="railair-source-rail"]')?.textContent).toBe('Trains 45 min ago (12306), may be out of date');
    expect(q('[data-testid="railair-diagnostics"]')?.textContent).toBe('2 responses could not be read');
    expect(q('[data-testid="railair-toggle"]')?.textContent).toBe('Hide');
    expect(everything()).not.toMatch(han);
  });

  it('lists trains with their seats, sale times and waiting lists in English', () => {
    const base = english(flight('G1', 420, 66900, { best: ['cheapest', 'fastest'], tops: ['earliest'] }));
    const { price: _p, priceNote: _n, ...unpriced } = base;
    const rail = { mode: 'rail' as const, priceIncludesTaxes: true, best: [], tops: [], seats: [] };
    const rows: RowView[] = [
      {
        ...base,
        mode: 'rail',
        trainNo: '240000G1010D',
        priceIncludesTaxes: true,
        priceNote: { zh: '二等座', en: 'second class' },
        seats: [
          { cls: 'ze', name: '二等座', nameEn: 'Second class', kind: 'plenty', price: 66900 },
          { cls: 'zy', name: '一等座', nameEn: 'First class', kind: 'count', n: 5, price: 107400 },
        ],
      },
      { ...unpriced, ...rail, id: 'G7', code: 'G7', saleOpens: '12:30', excluded: 'not-on-sale' },
      { ...unpriced, ...rail, id: 'G3', code: 'G3', soldOut: true, waitlist: [{ name: { zh: '二等座', en: 'Second class' }, price: 55300 }] },
    ];
    show({ kind: 'view', view: overlayViewSchema().parse({ ...enView, show: 'rail', rows }) }, { site: 'fliggy' });
    expect(q('.ra-title')?.textContent).toBe('RailAir · Same-day trains');
    const trs = root.querySelectorAll('[data-testid="railair-rows"] tbody tr');
    expect(trs[0]?.textContent).toContain('Second class Available ¥669');
    expect(trs[0]?.textContent).toContain('First class 5 left ¥1074');
    expect(Array.from(trs[0]!.querySelectorAll('.ra-badge')).map((b) => b.textContent)).toEqual(['Cheapest', 'Fastest door to door', 'Earliest arrival 13:00']);
    expect(trs[0]?.querySelector('.ra-badge-earliest')?.getAttribute('title')).toBe('Earliest arrival: at the door 13:00');
    expect(trs[1]?.querySelector('[data-testid="railair-sale-opens"]')?.textContent).toBe('On sale at 12:30');
    expect(trs[2]?.querySelector('[data-testid="railair-waitlist"]')?.textContent).toBe('Waitlist Second class ¥553');
    expect(q('[data-testid="railair-rows"] th:last-child')?.textContent).toBe('Seats left');
    expect(everything()).not.toMatch(han);
  });

  it('says why there is nothing to show, in English', () => {
    show({ kind: 'loading' });
    expect(q('.ra-body')?.textContent).toBe('Looking up flights…');
    show({ kind: 'no-route' }, { site: 'fliggy' });
    expect(q('.ra-body')?.textContent).toBe('Search flights on this page to see the same-day trains here.');
    show({ kind: 'failed', message: 'Extension context invalidated.' });
    expect(q('[role="alert"]')?.textContent).toBe('RailAir could not load the comparison');
    show({ kind: 'view', view: { ...enView, status: 'no-data', rows: [], sources: {}, diagnostics: 0 } });
    expect(q('[data-testid="railair-no-data"]')?.textContent).toContain('No flights known yet for Beijing → Shanghai 23 November');
    expect(q('[data-testid="railair-open-other"]')?.textContent).toBe('Search flights on Fliggy');
    show({ kind: 'view', view: { ...enView, rows: Array.from({ length: 11 }, (_, i) => english(flight(`MU${5100 + i}`, 400 + i * 60, 50000))) } }, { collapsed: false });
    expect(q('.ra-more')?.textContent).toBe('Show all 11');
    act(() => (q('.ra-more') as HTMLButtonElement).click());
    expect(q('.ra-more')?.textContent).toBe('Show fewer');
    show({ kind: 'view', view: enView }, { collapsed: true });
    expect(q('[data-testid="railair-toggle"]')?.textContent).toBe('Show');
    expect(everything()).not.toMatch(han);
  });

  it('row notes and bells speak English only', async () => {
    const beat = MU5231;
    render(<BeatNote beat={beat} />, root);
    expect(q('[aria-hidden="true"]')?.textContent).toBe('✈1h 5m faster');
    expect(q('.ra-sr')?.textContent).toBe(`✈ ${beat.text.en}`);
    expect(q('[data-testid="railair-beat"]')?.getAttribute('title')).toBe(`✈ ${beat.text.en}`);
    expect(everything()).not.toMatch(han);
    render(<BeatNote beat={{ ...beat, fasterMin: 35 }} />, root);
    expect(q('[aria-hidden="true"]')?.textContent).toBe('✈35m faster');
    const { fasterMin: _f, ...cheaper } = beat;
    render(<BeatNote beat={cheaper} />, root);
    expect(q('[aria-hidden="true"]')?.textContent).toBe('✈¥23 cheaper');

    render(<Bell label="G1 Second class" onWatch={async () => ({ kind: 'error', message: 'no such train' })} />, root);
    const bell = q('[data-testid="railair-bell"]') as HTMLButtonElement;
    expect(bell.getAttribute('title')).toBe('Tell me when seats are back: G1 Second class');
    expect(bell.getAttribute('aria-label')).toBe('Watch for seats: G1 Second class');
    await act(async () => bell.click());
    expect(q('[data-testid="railair-bell-msg"]')?.textContent).toBe('Could not set the watch: no such train');
    render(null, root);
    render(<Bell label="G1 Second class" onWatch={async () => ({ kind: 'exists' })} />, root);
    await act(async () => (q('[data-testid="railair-bell"]') as HTMLButtonElement).click());
    expect(q('[data-testid="railair-bell-msg"]')?.textContent).toBe('Already watching');
    expect(everything()).not.toMatch(han);
  });
});
