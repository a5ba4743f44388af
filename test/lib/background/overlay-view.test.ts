// The overlay's view at a fixed instant: what has left ranks nowhere and comes last, the
// traveller's qualifications decide which fares compete, the popup's filters change the verdict
// and the row notes, and each train row is compared with its own stand-in flight.
import { describe, expect, it } from 'vitest';
import { buildOverlayView, type ViewInput } from '../../../lib/background/overlay-view';
import { filtersOf } from '../../../lib/background/overlay';
import { overlayViewSchema } from '../../../lib/capture/view';
import type { Place } from '../../../lib/compare/places';
import type { AirOption, RailOption } from '../../../lib/model';
import type { StoredResult } from '../../../lib/store/captures';
import { airResult, at, DATE, fare, flight, MEMBER, plenty, railResult, seat, train, waitlist, YOUTH } from '../compare/make';

const NOW = at('07:00');
const FROM: Place = { city: '北京', cityCode: 'BJS', stations: [], airports: ['PEK'] };
const TO: Place = { city: '上海', cityCode: 'SHA', stations: [], airports: ['SHA'] };

// Door to door with the default buffers: a train takes 75 min beyond its ride, a flight 180.
const g0 = train('G0', 'VNP', 'AOH', '06:30', '11:00', [seat('ze', 40000, plenty)]); // left at 06:30
const g1 = train('G1', 'VNP', 'AOH', '08:00', '12:20', [seat('ze', 66900, plenty), seat('zy', 107000, plenty)]);
const k9 = train('K9', 'VNP', 'AOH', '09:00', '21:00', [seat('yz', 20000, plenty)]);
const g3 = train('G3', 'VNP', 'AOH', '10:00', '14:30', [seat('ze', 55300, waitlist)]);
const g7 = train('G7', 'VNP', 'AOH', '12:00', '16:30', [seat('ze', 60000, { kind: 'not-on-sale' })], { status: 'not-yet', saleTime: '1230' });
const g5 = train('G5', 'VNP', 'AOH', '15:00', '19:30', [seat('ze', 55300, plenty)]);
const TRAINS = [g0, g1, k9, g3, g7, g5];

const mu1 = flight('MU1', 'PEK', 'SHA', '08:30', '10:40', [fare(58000, { taxes: 10000 }), fare(30000, { taxes: 10000, condition: YOUTH })]);
const ca9 = flight('CA9', 'PEK', 'SHA', '11:00', '13:10', [fare(35000, { taxes: 10000, condition: MEMBER })]);
const mu3 = flight('MU3', 'PEK', 'SHA', '15:30', '17:40', [fare(40000, { taxes: 10000 })]);
const FLIGHTS = [mu1, ca9, mu3];

function stored(kind: 'rail' | 'air', options: RailOption[] | AirOption[]): StoredResult {
  const base = { key: `${kind}|${DATE}`, date: DATE, from: 'BJS', to: 'SHA', fromCity: '北京', toCity: '上海', at: NOW - 60_000, url: '', issues: 0 };
  return kind === 'rail'
    ? { ...base, source: '12306', rail: railResult(options as RailOption[]) }
    : { ...base, source: 'fliggy', air: airResult(options as AirOption[]) };
}

function view(show: 'rail' | 'air', extra: Partial<ViewInput> = {}) {
  const v = buildOverlayView({ show, date: DATE, from: FROM, to: TO, rail: stored('rail', TRAINS), air: stored('air', FLIGHTS), now: NOW, diagnostics: 0, ...extra });
  // What the background sends is what the overlay's schema accepts.
  return overlayViewSchema().parse(v);
}

const row = (v: ReturnType<typeof view>, code: string) => v.rows.find((r) => r.code === code)!;

describe('overlay view at a fixed instant', () => {
  it('lists a departed train greyed and last, ranked nowhere, though it would be the cheapest', () => {
    const v = view('rail');
    expect(v.rows.map((r) => r.code)).toEqual(['G1', 'K9', 'G3', 'G7', 'G5', 'G0']);
    expect(row(v, 'G0')).toMatchObject({ departed: true, excluded: 'departed', best: [], tops: [] });
    expect(row(v, 'K9').best).toContain('cheapest');
    expect(v.rows.filter((r) => r.departed).map((r) => r.code)).toEqual(['G0']);
    expect(v.verdict?.zh).not.toContain('G0');
  });

  it('says when the sale opens, keeps 候补 as its own state, and gives the door as a clock time', () => {
    const v = view('rail');
    expect(row(v, 'G7')).toMatchObject({ saleOpens: '12:30', excluded: 'not-on-sale', soldOut: true, best: [] });
    expect(row(v, 'G3')).toMatchObject({ soldOut: true, waitlist: [{ name: { zh: '二等座', en: 'Second class' }, price: 55300 }], best: [] });
    expect(row(v, 'G3').price).toBeUndefined();
    // G1 arrives 12:20, 15 min to the door.
    expect(row(v, 'G1').reachDoorAt).toEqual({ hm: '12:35', dayOffset: 0, text: '12:35' });
    expect(row(v, 'G1').priceClass).toEqual({ zh: '二等座', en: 'Second class' });
  });

  it('lists conditional fares with their condition and never makes them the cheapest, unless the traveller qualifies', () => {
    const plain = view('air');
    expect(row(plain, 'MU1')).toMatchObject({ price: 68000, conditionalFares: [{ price: 40000, priceIncludesTaxes: true, condition: { zh: '限16-25周岁' } }] });
    expect(row(plain, 'MU1').priceCondition).toBeUndefined();
    expect(row(plain, 'CA9')).toMatchObject({ excluded: 'conditional-only', conditionalFares: [{ price: 45000, condition: { zh: '会员价' } }], best: [] });
    expect(row(plain, 'CA9').price).toBeUndefined();
    expect(row(plain, 'MU3').best).toContain('cheapest');

    const youth = view('air', { qualifies: { youth: true } });
    expect(row(youth, 'MU1')).toMatchObject({ price: 40000, priceCondition: { zh: '限16-25周岁', en: 'ages 16–25 only' } });
    expect(row(youth, 'MU1').best).toContain('cheapest');
    expect(row(youth, 'MU3').best).not.toContain('cheapest');

    const member = view('air', { qualifies: { member: true } });
    expect(row(member, 'CA9')).toMatchObject({ price: 45000, best: ['cheapest'] });
    expect(row(member, 'CA9').excluded).toBeUndefined();
  });

  it('pairs each train row with its own stand-in flight and names the train’s class', () => {
    const v = view('air');
    const byCode = new Map(v.beats.map((b) => [b.code, b]));
    expect(byCode.get('G1')).toMatchObject({ flightNo: 'MU1', fasterMin: 25, dearerFen: 1100, trainClass: { zh: '二等座' }, trainPrice: 66900 });
    expect(byCode.get('G5')).toMatchObject({ flightNo: 'MU3', fasterMin: 35, cheaperFen: 5300 });
    expect(byCode.get('G5')?.text.zh).toBe('MU3 比二等座快35分钟，便宜¥53（15:30 起飞，门到门）');
    expect(byCode.get('K9')).toMatchObject({ flightNo: 'MU1', trainClass: { zh: '硬座' } });
    // Departed, waitlist-only and not-yet-on-sale trains get no note.
    expect([...byCode.keys()].sort()).toEqual(['G1', 'G5', 'K9']);
  });

  it('follows the filters: the verdict and the notes change with the departure window and train types', () => {
    const all = view('air');
    expect(all.verdict?.zh).toContain('G1 二等座 ¥669');
    expect(all.verdict?.zh).toContain('MU3 经济舱 ¥500');
    expect(all.filtered).toBeUndefined();
    const afternoon = view('air', { filters: { fromHour: 12, toHour: 24 } });
    expect(afternoon.filtered).toBe(true);
    expect(afternoon.verdict?.zh).toContain('G5 二等座 ¥553');
    expect(afternoon.verdict?.zh).not.toContain('G1');
    expect(afternoon.beats.map((b) => b.code)).toEqual(['G5']);
    const slowTrains = view('air', { filters: { types: ['ZTK'] } });
    expect(slowTrains.beats.map((b) => b.code)).toEqual(['K9']);
    expect(slowTrains.verdict?.zh).toContain('K9');
    // The Fliggy panel's trains follow them too: outside the filters, listed but never best.
    const fliggy = view('rail', { filters: { types: ['ZTK'] } });
    expect(row(fliggy, 'G1')).toMatchObject({ excluded: 'filtered', best: [] });
    expect(row(fliggy, 'K9').best).toEqual(['cheapest', 'fastest']);
  });

  it('says it is filtered only when the filters leave something out', () => {
    expect(view('air', { filters: { types: ['GDC', 'ZTK', 'other'], fromHour: 0, toHour: 24, cls: 'any', onlyBuyable: false } }).filtered).toBeUndefined();
    expect(view('air', { filters: { onlyBuyable: true } }).filtered).toBe(true);
    expect(view('air', { filters: { cls: 'ze' } }).filtered).toBe(true);
  });

  it('compares the class the filter chooses', () => {
    const v = view('air', { filters: { cls: 'zy' } });
    expect(v.beats.find((b) => b.code === 'G1')).toMatchObject({ trainClass: { zh: '一等座' }, trainPrice: 107000, cheaperFen: 39000 });
  });
});

describe('the popup’s stored filters', () => {
  const last = { from: { kind: 'city', name: '北京', telecode: 'BJP', city: '北京' }, to: { kind: 'city', name: '上海', telecode: 'SHH', city: '上海' }, date: DATE, student: false };
  it('are read through the last search’s schema, without the sort order', () => {
    const filters = { types: ['GDC'], fromHour: 6, toHour: 12, cls: 'any', onlyBuyable: true, sort: 'price' };
    expect(filtersOf({ ...last, filters })).toEqual({ types: ['GDC'], fromHour: 6, toHour: 12, cls: 'any', onlyBuyable: true });
  });
  it('apply none when none are stored or the value is not ours', () => {
    expect(filtersOf(null)).toBeUndefined();
    expect(filtersOf(last)).toBeUndefined();
    expect(filtersOf({ ...last, filters: { types: 'GDC' } })).toBeUndefined();
  });
});
