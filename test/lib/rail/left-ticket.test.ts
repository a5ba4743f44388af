import { describe, expect, it } from 'vitest';
import { decodeLeftTicket } from '../../../lib/rail/left-ticket';
import { parseAvailability } from '../../../lib/rail/seats';
import { chinaInstant } from '../../../lib/time';
import {
  buildLeftTicketBody,
  buildObjectFormatBody,
  buildRailRow,
  generateTrains,
  type RailLayout,
  type RailRowSpec,
} from '../../support/rail-rows';

import { G1_2025, MAP, SEED_G101, SEED_G103, issuesOf, seat, value } from './left-ticket-fixtures';

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
  it('carries whom the query was for (purpose_codes) into the result, and nothing when not told', () => {
    const body = buildLeftTicketBody([buildRailRow(G1_2025, '2025')], MAP);
    expect(value(decodeLeftTicket(body, { date: '2025-12-20', purpose: 'student' })).purpose).toBe('student');
    expect(value(decodeLeftTicket(body, { purpose: 'adult' })).purpose).toBe('adult');
    expect('purpose' in value(decodeLeftTicket(body))).toBe(false);
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

describe('sale_time (field 55), wherever the row ends', () => {
  const row = (fields: number) => buildRailRow(G1_2025, 'future').split('|').slice(0, fields).join('|');
  const decode = (r: string) => value(decodeLeftTicket(buildLeftTicketBody([r], MAP))).trains[0]!;

  it('is read from 2025 rows and from longer rows with fields appended after it', () => {
    expect(decode(buildRailRow(G1_2025, '2025')).saleTime).toBe('1245');
    expect(decode(buildRailRow(G1_2025, 'future')).saleTime).toBe('1245');
  });

  it("is read when it is the row's last field, and not made up when the row ends before it", () => {
    expect(decode(row(56)).saleTime).toBe('1245');
    expect(decode(row(55)).saleTime).toBeUndefined();
    expect(value(decodeLeftTicket(buildLeftTicketBody([row(56), row(55), row(64)], MAP))).fieldCounts).toEqual([55, 56, 64]);
  });
});
