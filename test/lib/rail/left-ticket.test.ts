import { describe, expect, it } from 'vitest';
import type { LeftTicketResult, RailOption } from '../../../lib/model';
import type { DecodeResult } from '../../../lib/result';
import { decodeLeftTicket, decodeLeftTicketRow, saleStatus, trainType } from '../../../lib/rail/left-ticket';
import { parseAvailability } from '../../../lib/rail/seats';
import { chinaInstant } from '../../../lib/time';
import {
  buildLeftTicketBody,
  buildObjectFormatBody,
  buildRailRow,
  generateTrains,
  rng,
  type RailLayout,
  type RailRowSpec,
} from '../../support/rail-rows';

const MAP = { AOH: '上海虹桥', BJP: '北京', SHH: '上海', VNP: '北京南' };

function value(r: DecodeResult<LeftTicketResult>): LeftTicketResult {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function issuesOf(r: DecodeResult<LeftTicketResult>) {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.issues;
}
function errorOf(r: DecodeResult<LeftTicketResult>) {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}
const seat = (t: RailOption, cls: string) => t.seats.find((s) => s.cls === cls);

/** The seed document's G101 row (BJP→SHH query of 2018-02-19, during the nightly window), rebuilt. */
const SEED_G101: RailRowSpec = {
  code: 'G101',
  trainNo: '240000G1010D',
  from: 'VNP',
  to: 'AOH',
  depart: '06:43',
  arrive: '12:39',
  date: '2018-02-19',
  button: '23:00-06:00系统维护时间',
  canWebBuy: 'IS_TIME_NOT_BUY',
  fromNo: '01',
  toNo: '11',
  secret: '',
  seats: { swz: { cell: '7' }, zy: { cell: '有' }, ze: { cell: '有' } },
};
const SEED_G103: RailRowSpec = { ...SEED_G101, code: 'G103', trainNo: '240000G10325', depart: '06:53', arrive: '12:49', seats: { swz: { cell: '17' }, zy: { cell: '有' }, ze: { cell: '有' } } };

/** A G1-like 2025 row with yp_info_new prices: 商务座 ¥2337, 一等座 ¥1070, 优选一等座 ¥1471, 二等座 ¥669, 无座 ¥669. */
const G1_2025: RailRowSpec = {
  code: 'G1',
  trainNo: '24000000G10K',
  from: 'VNP',
  to: 'SHH',
  depart: '07:00',
  arrive: '11:29',
  date: '2025-12-20',
  fromNo: '01',
  toNo: '04',
  saleTime: '202512061245',
  seats: {
    swz: { cell: '1', price: 233700 },
    zy: { cell: '有', price: 107000 },
    gg: { cell: '4', price: 147100 },
    ze: { cell: '有', price: 66900 },
    wz: { cell: '无', price: 66900 },
  },
};

describe('the seed sample (2018 layout, nightly maintenance notice)', () => {
  const r = decodeLeftTicket(buildLeftTicketBody([buildRailRow(SEED_G101, '2018'), buildRailRow(SEED_G103, '2018')], MAP));
  const v = value(r);

  it('decodes both rows with no issues', () => {
    expect(issuesOf(r)).toEqual([]);
    expect(v.format).toBe('pipe');
    expect(v.fieldCounts).toEqual([37]);
    expect(v.date).toBe('2018-02-19');
    expect(v.trains.map((t) => t.code)).toEqual(['G101', 'G103']);
  });
  it('puts G101 at 06:43 China time = 22:43 UTC the day before, 356 minutes, same-day arrival', () => {
    const g101 = v.trains[0]!;
    expect(g101.depart).toBe(Date.UTC(2018, 1, 18, 22, 43));
    expect(g101.arrive).toBe(Date.UTC(2018, 1, 19, 4, 39));
    expect(g101.durationMin).toBe(356);
    expect(g101.arriveDayOffset).toBe(0);
    expect(g101.id).toBe('240000G1010D@2018-02-19');
    expect(g101.type).toBe('G');
    expect(g101.from).toEqual({ telecode: 'VNP', name: '北京南' });
    expect(g101.to).toEqual({ telecode: 'AOH', name: '上海虹桥' });
    expect(g101.fromNo).toBe('01');
    expect(g101.toNo).toBe('11');
  });
  it('reads the seats: 商务座 7 left, 一等座 and 二等座 有, nothing else', () => {
    const g101 = v.trains[0]!;
    expect(g101.seats.map((s) => [s.cls, s.name, s.availability])).toEqual([
      ['swz', '商务座', { kind: 'count', n: 7 }],
      ['zy', '一等座', { kind: 'plenty' }],
      ['ze', '二等座', { kind: 'plenty' }],
    ]);
    expect(g101.hasSeats).toBe(true);
    expect(seat(v.trains[1]!, 'swz')!.availability).toEqual({ kind: 'count', n: 17 });
  });
  it('is not an error during the nightly window: rows come back as maintenance, without prices', () => {
    expect(v.trains.every((t) => t.status === 'maintenance')).toBe(true);
    expect(v.trains[0]!.buttonText).toBe('23:00-06:00系统维护时间');
    expect(v.trains[0]!.seats.every((s) => s.price === undefined)).toBe(true);
    expect(v.trains[0]!.cheapest).toBeUndefined();
  });
});

describe('2025 rows (57+ fields, yp_info_new prices)', () => {
  const r = decodeLeftTicket(buildLeftTicketBody([buildRailRow(G1_2025, '2025')], MAP));
  const g1 = value(r).trains[0]!;

  it('reads prices in fen from yp_info_new and ignores the opaque yp_info token', () => {
    expect(issuesOf(r)).toEqual([]);
    expect(value(r).fieldCounts).toEqual([58]);
    expect(g1.seats.map((s) => [s.cls, s.price])).toEqual([
      ['swz', 233700],
      ['gg', 147100],
      ['zy', 107000],
      ['ze', 66900],
      ['wz', 66900],
    ]);
    expect(seat(g1, 'gg')!.name).toBe('优选一等座');
    expect(seat(g1, 'wz')!.availability).toEqual({ kind: 'none' });
  });
  it('derives cheapest (a class that has seats), status and sale time', () => {
    expect(g1.cheapest).toEqual({ cls: 'ze', name: '二等座', price: 66900 });
    expect(g1.status).toBe('on-sale');
    expect(g1.saleTime).toBe('1245');
    expect(g1.depart).toBe(chinaInstant('2025-12-20', 7 * 60));
    expect(g1.durationMin).toBe(269);
  });
  it('skips a sold-out cheaper class when choosing the cheapest', () => {
    const soldOut = { ...G1_2025, seats: { ...G1_2025.seats, ze: { cell: '无', price: 66900 }, zy: { cell: '候补', price: 107000 } } };
    const t = value(decodeLeftTicket(buildLeftTicketBody([buildRailRow(soldOut, '2025')]))).trains[0]!;
    expect(t.cheapest).toEqual({ cls: 'gg', name: '优选一等座', price: 147100 });
    expect(seat(t, 'zy')!.availability).toEqual({ kind: 'waitlist' });
  });
  it('names sleeper classes by their seat code (一等卧 / 二等卧 on a D sleeper)', () => {
    const d: RailRowSpec = {
      code: 'D705', from: 'BJP', to: 'SHH', depart: '21:21', arrive: '09:21', date: '2025-12-20',
      seats: { rw: { cell: '有', price: 97900, code: 'I' }, yw: { cell: '3', price: 62300, code: 'J' }, ze: { cell: '有', price: 40900 } },
    };
    const t = value(decodeLeftTicket(buildLeftTicketBody([buildRailRow(d, '2025')]))).trains[0]!;
    expect(seat(t, 'rw')).toMatchObject({ name: '一等卧', code: 'I', price: 97900 });
    expect(seat(t, 'yw')).toMatchObject({ name: '二等卧', code: 'J', price: 62300, availability: { kind: 'count', n: 3 } });
    expect(t.arriveDayOffset).toBe(1);
    expect(t.durationMin).toBe(720);
    expect(t.arrive).toBe(chinaInstant('2025-12-21', 9 * 60 + 21));
  });
});

describe('generated trains in every layout', () => {
  const specs = generateTrains(60, { from: 'BJP', to: 'SHH', km: 1460 }, '2026-12-01', 42);

  it('the generator varies types, overnight trains and cells', () => {
    const types = new Set(specs.map((s) => s.code[0]));
    expect([...types].sort()).toEqual(['C', 'D', 'G', 'K', 'T', 'Z']);
    expect(specs.some((s) => (s.arriveDayOffset ?? 0) > 0)).toBe(true);
    const cells = new Set(specs.flatMap((s) => Object.values(s.seats).map((x) => x.cell)));
    for (const c of ['有', '无', '候补', '*']) expect(cells.has(c)).toBe(true);
    expect([...cells].some((c) => /^\d+$/.test(c))).toBe(true);
  });

  it.each<[RailLayout, number]>([
    ['2018', 37],
    ['2025', 58],
    ['future', 64],
  ])('%s rows decode to exactly what was generated', (layout, fields) => {
    const r = decodeLeftTicket(buildLeftTicketBody(specs.map((s) => buildRailRow(s, layout)), { BJP: '北京', SHH: '上海' }));
    expect(issuesOf(r)).toEqual([]);
    const v = value(r);
    expect(v.fieldCounts).toEqual([fields]);
    expect(v.trains).toHaveLength(specs.length);
    v.trains.forEach((t, i) => {
      const s = specs[i]!;
      expect(t.code).toBe(s.code);
      const dep = Number(s.depart.slice(0, 2)) * 60 + Number(s.depart.slice(3));
      expect(t.depart).toBe(chinaInstant('2026-12-01', dep));
      expect(t.durationMin).toBe(s.durationMin);
      expect(t.arriveDayOffset).toBe(s.arriveDayOffset);
      expect(t.arrive - t.depart).toBe(s.durationMin! * 60_000);
      const want = Object.entries(s.seats)
        .filter(([, x]) => x.cell !== '--' && x.cell !== '')
        .map(([cls, x]) => [cls, parseAvailability(x.cell), layout === '2018' ? undefined : x.price]);
      const got = t.seats.map((x) => [x.cls, x.availability, x.price]);
      expect(got.sort()).toEqual(want.sort());
      expect(t.status).toBe(s.canWebBuy === 'Y' ? 'on-sale' : 'not-bookable');
    });
  });

  it('2018 rows that still carried price groups in yp_info give prices too', () => {
    const rows = specs.slice(0, 5).map((s) => buildRailRow({ ...s, pricesInYpInfo: true }, '2018'));
    const v = value(decodeLeftTicket(buildLeftTicketBody(rows)));
    v.trains.forEach((t, i) => {
      for (const x of t.seats) expect(x.price).toBe(specs[i]!.seats[x.cls]!.price);
    });
  });

  it('a bare JSON array of rows decodes like the envelope (without station names)', () => {
    const rows = specs.slice(0, 3).map((s) => buildRailRow(s, '2025'));
    const v = value(decodeLeftTicket(JSON.stringify(rows)));
    expect(v.trains.map((t) => t.code)).toEqual(specs.slice(0, 3).map((s) => s.code));
    expect(v.stationNames).toEqual({});
  });
});

describe('the pre-2017 object format', () => {
  it('decodes queryLeftNewDTO entries with names from the DTOs', () => {
    const specs: RailRowSpec[] = [
      { code: 'K4671', from: 'SNH', to: 'SRG', origin: 'SNH', terminus: 'CQW', depart: '01:36', arrive: '09:37', date: '2017-01-21', canWebBuy: 'N', seats: { yz: { cell: '无' }, yw: { cell: '无' }, wz: { cell: '无' } } },
      { code: 'G1389', from: 'AOH', to: 'SRG', depart: '13:10', arrive: '15:35', date: '2017-01-21', canWebBuy: 'Y', seats: { swz: { cell: '1' }, zy: { cell: '无' }, ze: { cell: '无' } } },
    ];
    const r = decodeLeftTicket(buildObjectFormatBody(specs, { SNH: '上海南', SRG: '上饶', CQW: '重庆', AOH: '上海虹桥' }));
    expect(issuesOf(r)).toEqual([]);
    const v = value(r);
    expect(v.format).toBe('object');
    expect(v.stationNames).toMatchObject({ SNH: '上海南', SRG: '上饶', CQW: '重庆' });
    const [k, g] = v.trains;
    expect(k!.status).toBe('not-bookable');
    expect(k!.hasSeats).toBe(false);
    expect(k!.terminus).toEqual({ telecode: 'CQW', name: '重庆' });
    expect(k!.type).toBe('K');
    expect(g!.status).toBe('on-sale');
    expect(seat(g!, 'swz')!.availability).toEqual({ kind: 'count', n: 1 });
    expect(g!.saleTime).toBe('1330');
  });
});

describe('status and train type', () => {
  it.each([
    ['预订', 'Y', 'on-sale'],
    ['预订', 'N', 'not-bookable'],
    ['12点30分起售', 'N', 'not-yet'],
    ['预订', 'IS_TIME_NOT_BUY', 'not-yet'],
    ['列车停运', 'IS_TIME_NOT_BUY', 'suspended'],
    ['23:00-06:00系统维护时间', 'IS_TIME_NOT_BUY', 'maintenance'],
    ['预订', 'MAYBE', undefined],
  ])('%s + %s → %s', (button, can, want) => {
    expect(saleStatus(button, can)).toBe(want);
  });
  it.each([
    ['G101', 'G'], ['D705', 'D'], ['C2041', 'C'], ['Z293', 'Z'], ['T109', 'T'], ['K519', 'K'], ['S501', 'S'], ['Y1', 'Y'], ['3055', 'number'], ['X1', 'other'], ['', 'other'],
  ])('%s is %s', (code, want) => {
    expect(trainType(code)).toBe(want);
  });
  it('a suspended train (24:00 → 24:00, 99:59) is kept with no made-up journey', () => {
    const spec: RailRowSpec = { code: 'G1321', from: 'AOH', to: 'SRG', depart: '24:00', arrive: '24:00', durationMin: 5999, date: '2017-01-21', button: '列车停运', canWebBuy: 'IS_TIME_NOT_BUY', seats: {} };
    const r = decodeLeftTicket(buildLeftTicketBody([buildRailRow(spec, '2025')]));
    expect(issuesOf(r)).toEqual([]);
    const t = value(r).trains[0]!;
    expect(t.status).toBe('suspended');
    expect(t.durationMin).toBe(0);
    expect(t.seats).toEqual([]);
    expect(t.cheapest).toBeUndefined();
  });
  it('a sale-time button gives the sale time', () => {
    const t = value(decodeLeftTicket(buildLeftTicketBody([buildRailRow({ ...G1_2025, button: '12点30分起售', canWebBuy: 'N', saleTime: '' }, '2025')]))).trains[0]!;
    expect(t.status).toBe('not-yet');
    expect(t.saleTime).toBe('1230');
  });
});

describe('dates', () => {
  it('uses the queried date for every row, even a train that left its origin the day before', () => {
    const through = { ...G1_2025, code: 'G2', trainNo: '24000000G20A', date: '2025-12-19' as const, depart: '00:40', arrive: '04:00' };
    const rows = [buildRailRow(through, '2025'), buildRailRow(G1_2025, '2025')];
    const guessed = decodeLeftTicket(buildLeftTicketBody(rows));
    const inferred = value(guessed);
    expect(inferred.date).toBe('2025-12-20');
    // The guess is said, not hidden.
    expect(issuesOf(guessed)).toEqual([expect.objectContaining({ field: 'start_train_date', message: expect.stringContaining('2025-12-20 (the latest) taken') })]);
    expect(inferred.trains[0]!.depart).toBe(chinaInstant('2025-12-20', 40));
    const told = value(decodeLeftTicket(buildLeftTicketBody(rows), { date: '2025-12-20' }));
    expect(told.trains.map((t) => t.id)).toEqual(['24000000G20A@2025-12-20', '24000000G10K@2025-12-20']);
  });
  it('a row with an unreadable start_train_date takes the query date of the others, in its place, with an issue', () => {
    const f = buildRailRow({ ...G1_2025, code: 'G7', trainNo: '24000000G70B' }, '2025').split('|');
    f[13] = '2025-12-20';
    const rows = [buildRailRow(G1_2025, '2025'), f.join('|'), buildRailRow({ ...G1_2025, code: 'G9', trainNo: '24000000G90C' }, '2025')];
    const r = decodeLeftTicket(buildLeftTicketBody(rows));
    expect(value(r).trains.map((t) => t.id)).toEqual(['24000000G10K@2025-12-20', '24000000G70B@2025-12-20', '24000000G90C@2025-12-20']);
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-bad-field', row: 1, field: 'start_train_date' })]);
    // Alone, with nothing to take the date from, the row cannot be placed in time.
    const alone = decodeLeftTicket(JSON.stringify([f.join('|')]));
    expect(value(alone).trains).toEqual([]);
    expect(issuesOf(alone).map((i) => i.code)).toContain('row-bad-field');
  });
  it('rows much longer than today (future layouts) still decode', () => {
    const long = `${buildRailRow(G1_2025, 'future')}${'|x'.repeat(40)}`;
    const v = value(decodeLeftTicket(buildLeftTicketBody([long])));
    expect(v.fieldCounts).toEqual([104]);
    expect(v.trains[0]!.cheapest).toEqual({ cls: 'ze', name: '二等座', price: 66900 });
  });
  it('rejects a context date that is not a real date', () => {
    expect(errorOf(decodeLeftTicket('[]', { date: '2025-02-30' })).code).toBe('bad-input');
  });
});

describe('error shapes', () => {
  it('c_url → endpoint-moved carrying the new path', () => {
    const e = errorOf(decodeLeftTicket(JSON.stringify({ status: false, c_url: 'leftTicket/queryG', c_name: 'CLeftTicketUrl' })));
    expect(e.code).toBe('endpoint-moved');
    expect(e.endpoint).toBe('leftTicket/queryG');
    expect(e.messageZh).toContain('leftTicket/queryG');
  });
  it("12306's error page and its 铁路客户服务中心 page → html-page", () => {
    const errorPage = '<!DOCTYPE html><html><head><title>网络可能存在问题，请您重试一下！</title></head><body><a href="/otn/error.html">12306</a></body></html>';
    const portal = '<html><head><meta charset="utf-8"><title>中国铁路12306 - 铁路客户服务中心</title></head><body></body></html>';
    expect(errorOf(decodeLeftTicket(errorPage)).code).toBe('html-page');
    const e = errorOf(decodeLeftTicket(`\n\n${portal}`));
    expect(e.code).toBe('html-page');
    expect(e.message).toContain('铁路客户服务中心');
  });
  it('status false with messages → rejected with the message', () => {
    const e = errorOf(decodeLeftTicket(JSON.stringify({ status: false, httpstatus: 200, messages: ['选择的查询日期不在预售日期范围内'], validateMessages: {} })));
    expect(e.code).toBe('rejected');
    expect(e.message).toContain('选择的查询日期不在预售日期范围内');
  });
  it('status false naming maintenance → maintenance', () => {
    expect(errorOf(decodeLeftTicket(JSON.stringify({ status: false, messages: ['系统维护中'] }))).code).toBe('maintenance');
  });
  it('not JSON, truncated JSON → not-json with a sample', () => {
    const e = errorOf(decodeLeftTicket('{"data":{"result":["|预订|24'));
    expect(e.code).toBe('not-json');
    expect(e.sample).toContain('"data"');
    expect(errorOf(decodeLeftTicket('hello')).code).toBe('not-json');
  });
  it('empty and blank bodies → empty', () => {
    expect(errorOf(decodeLeftTicket('')).code).toBe('empty');
    expect(errorOf(decodeLeftTicket(' \n\t')).code).toBe('empty');
  });
  it('JSON of another shape → schema naming what is missing', () => {
    const e = errorOf(decodeLeftTicket(JSON.stringify({ httpstatus: 200, data: { flag: '1' }, status: true })));
    expect(e.code).toBe('schema');
    expect(e.message).toContain('data.result');
    expect(errorOf(decodeLeftTicket('42')).code).toBe('schema');
    expect(errorOf(decodeLeftTicket('{"status":true}')).code).toBe('schema');
    expect(errorOf(decodeLeftTicket('[{"foo":1}]')).code).toBe('schema');
  });
  it('an empty result list is a valid answer with no trains', () => {
    const v = value(decodeLeftTicket(buildLeftTicketBody([])));
    expect(v.trains).toEqual([]);
  });
});

describe('malformed rows: an issue each, never a throw', () => {
  const good = buildRailRow(G1_2025, '2025');

  it('a row cut inside the seat counts is kept (with the classes it still has) and reported', () => {
    const cut = good.split('|').slice(0, 31).join('|'); // ends at ze_num
    const r = decodeLeftTicket(buildLeftTicketBody([cut, good]));
    const v = value(r);
    expect(v.trains).toHaveLength(2);
    expect(v.fieldCounts).toEqual([31, 58]);
    expect(v.trains[0]!.seats.map((s) => s.cls)).toEqual(['gg', 'ze', 'wz']);
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-short', row: 0 })]);
  });
  it('a row too short to be a train is left out and reported with its index', () => {
    const r = decodeLeftTicket(buildLeftTicketBody([good, 'x|预订|240000G1010D|G101|VNP|AOH', good]));
    expect(value(r).trains).toHaveLength(2);
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-short', row: 1 })]);
  });
  it('garbage prices in yp_info_new → row-bad-price, seats kept without prices', () => {
    const f = good.split('|');
    f[39] = 'O05530002XM10700';
    const r = decodeLeftTicket(buildLeftTicketBody([f.join('|')]));
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-bad-price', row: 0, field: 'yp_info_new' })]);
    const t = value(r).trains[0]!;
    expect(t.seats).toHaveLength(5);
    expect(t.seats.every((s) => s.price === undefined)).toBe(true);
    expect(t.cheapest).toBeUndefined();
  });
  it('an unknown seat code in the prices → row-unknown-seat, priced as 其他', () => {
    const f = good.split('|');
    f[39] = `${f[39]}X012340010`;
    f[22] = '10'; // qt_num
    const r = decodeLeftTicket(buildLeftTicketBody([f.join('|')]));
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-unknown-seat', sample: 'X' })]);
    expect(seat(value(r).trains[0]!, 'qt')).toMatchObject({ price: 12340, availability: { kind: 'count', n: 10 } });
  });
  it('a price group for a class whose count cell says "not on this train" is reported, not silently dropped', () => {
    const f = good.split('|');
    f[31] = '--'; // zy_num, though yp_info_new prices 一等座
    const r = decodeLeftTicket(buildLeftTicketBody([f.join('|')]));
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-unknown-seat', row: 0, message: expect.stringContaining('prices for zy_num') })]);
    expect(seat(value(r).trains[0]!, 'zy')).toBeUndefined();
  });
  it('an unknown seat code in seat_types is reported', () => {
    const f = good.split('|');
    f[35] = `${f[35]}#`;
    const r = decodeLeftTicket(buildLeftTicketBody([f.join('|')]));
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-unknown-seat', field: 'seat_types', sample: '#' })]);
  });
  it('a suspended train has no seats to sell, whatever its cells say', () => {
    const f = good.split('|');
    f[1] = '列车停运';
    const t = value(decodeLeftTicket(buildLeftTicketBody([f.join('|')]))).trains[0]!;
    expect(t.status).toBe('suspended');
    expect(t.hasSeats).toBe(false);
    expect(t.cheapest).toBeUndefined();
  });
  it('bad clock times: unreadable departure drops the row, unreadable lishi falls back to the clock', () => {
    const f = good.split('|');
    const badStart = [...f];
    badStart[8] = '7点';
    const badLishi = [...f];
    badLishi[10] = '4h29';
    const r = decodeLeftTicket(buildLeftTicketBody([badStart.join('|'), badLishi.join('|')]));
    expect(issuesOf(r).map((i) => [i.code, i.row, i.field])).toEqual([
      ['row-bad-field', 0, 'start_time'],
      ['row-bad-field', 1, 'lishi'],
    ]);
    expect(value(r).trains.map((t) => t.durationMin)).toEqual([269]);
  });
  it('arrive_time that disagrees with lishi is reported; lishi wins', () => {
    const f = good.split('|');
    f[9] = '12:00';
    const r = decodeLeftTicket(buildLeftTicketBody([f.join('|')]));
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-bad-field', field: 'arrive_time' })]);
    expect(value(r).trains[0]!.durationMin).toBe(269);
  });
  it('text that was not UTF-8 (replacement characters) → unreadable cells reported, never "available"', () => {
    const f = good.split('|');
    f[32] = '\uFFFD\uFFFD\uFFFD';
    f[1] = '\uFFFD\uFFFD';
    const r = decodeLeftTicket(buildLeftTicketBody([f.join('|')]));
    const codes = issuesOf(r).map((i) => i.code).sort();
    expect(codes).toEqual(['other', 'row-unknown-seat']);
    expect(seat(value(r).trains[0]!, 'swz')!.availability).toEqual({ kind: 'not-on-sale' });
  });
  it('an unknown canWebBuy value → status unknown and an issue', () => {
    const f = good.split('|');
    f[11] = 'MAYBE';
    const r = decodeLeftTicket(buildLeftTicketBody([f.join('|')]));
    expect(value(r).trains[0]!.status).toBe('unknown');
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'unknown-field', field: 'canWebBuy' })]);
  });
  it('entries that are not strings are reported, the rest decoded', () => {
    const body = JSON.stringify({ status: true, httpstatus: 200, data: { result: [null, 42, good], map: {} } });
    const r = decodeLeftTicket(body);
    expect(value(r).trains).toHaveLength(1);
    expect(issuesOf(r).map((i) => i.row)).toEqual([0, 1]);
  });
  it('decodeLeftTicketRow decodes one row on its own', () => {
    const { option, issues, fieldCount } = decodeLeftTicketRow(good, 3, MAP);
    expect(fieldCount).toBe(58);
    expect(issues).toEqual([]);
    expect(option!.to).toEqual({ telecode: 'SHH', name: '上海' });
    expect(decodeLeftTicketRow('a|b', 4).issues).toEqual([expect.objectContaining({ code: 'row-short', row: 4 })]);
  });
  it('random truncations and byte flips never throw and always give a typed answer', () => {
    const body = buildLeftTicketBody(generateTrains(8, { from: 'BJP', to: 'SHH' }, '2026-12-01', 9).map((s) => buildRailRow(s, '2025')), MAP);
    const r = rng(123);
    const alphabet = '|:"{}[],0123456789有无候补*-\uFFFDabcXYZ ';
    for (let n = 0; n < 300; n++) {
      let t = body;
      if (r() < 0.5) t = t.slice(0, Math.floor(r() * t.length));
      for (let k = 0; k < 3; k++) {
        const at = Math.floor(r() * t.length);
        t = t.slice(0, at) + alphabet[Math.floor(r() * alphabet.length)]! + t.slice(at + 1);
      }
      const res = decodeLeftTicket(t);
      if (res.ok) {
        for (const tr of res.value.trains) {
          expect(Number.isFinite(tr.depart)).toBe(true);
          expect(Number.isFinite(tr.arrive)).toBe(true);
        }
      } else {
        expect(['not-json', 'schema', 'empty', 'rejected', 'html-page', 'endpoint-moved', 'maintenance']).toContain(res.error.code);
      }
    }
  });
});
