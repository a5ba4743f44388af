// Left-ticket decoder: sale status and train type, dates, error bodies, malformed rows.
import { describe, expect, it } from 'vitest';
import { decodeLeftTicket, decodeLeftTicketRow, saleStatus, trainType } from '../../../lib/rail/left-ticket';
import { chinaInstant } from '../../../lib/time';
import {
  buildLeftTicketBody,
  buildRailRow,
  generateTrains,
  rng,
  type RailRowSpec,
} from '../../support/rail-rows';

import { G1_2025, MAP, errorOf, issuesOf, seat, value } from './left-ticket-fixtures';

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
    f[13] = '20251340'; // 8 digits, in its place, but no calendar date
    const rows = [buildRailRow(G1_2025, '2025'), f.join('|'), buildRailRow({ ...G1_2025, code: 'G9', trainNo: '24000000G90C' }, '2025')];
    const r = decodeLeftTicket(buildLeftTicketBody(rows));
    expect(value(r).trains.map((t) => t.id)).toEqual(['24000000G10K@2025-12-20', '24000000G70B@2025-12-20', '24000000G90C@2025-12-20']);
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-bad-field', row: 1, field: 'start_train_date' })]);
    // Alone, with nothing to take the date from, the row cannot be placed in time.
    const alone = decodeLeftTicket(JSON.stringify([f.join('|')]));
    expect(value(alone).trains).toEqual([]);
    expect(issuesOf(alone).map((i) => i.code)).toContain('row-bad-field');
  });
  it('a start_train_date that is not 8 digits means the fields moved: the row is left out, the others kept', () => {
    const f = buildRailRow({ ...G1_2025, code: 'G7', trainNo: '24000000G70B' }, '2025').split('|');
    f[13] = '2025-12-20';
    const r = decodeLeftTicket(buildLeftTicketBody([buildRailRow(G1_2025, '2025'), f.join('|')]), { date: '2025-12-20' });
    expect(value(r).trains.map((t) => t.code)).toEqual(['G1']);
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-bad-field', row: 1, field: 'start_train_date', message: expect.stringContaining('no seats read') })]);
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
    expect(e.message.zh).toContain('leftTicket/queryG');
  });
  it("12306's error page and its 铁路客户服务中心 page → html-page", () => {
    const errorPage = '<!DOCTYPE html><html><head><title>网络可能存在问题，请您重试一下！</title></head><body><a href="/otn/error.html">12306</a></body></html>';
    const portal = '<html><head><meta charset="utf-8"><title>中国铁路12306 - 铁路客户服务中心</title></head><body></body></html>';
    expect(errorOf(decodeLeftTicket(errorPage)).code).toBe('html-page');
    const e = errorOf(decodeLeftTicket(`\n\n${portal}`));
    expect(e.code).toBe('html-page');
    expect(e.message.en).toContain('铁路客户服务中心');
  });
  it('status false with messages → rejected with the message', () => {
    const e = errorOf(decodeLeftTicket(JSON.stringify({ status: false, httpstatus: 200, messages: ['选择的查询日期不在预售日期范围内'], validateMessages: {} })));
    expect(e.code).toBe('rejected');
    expect(e.message.en).toContain('选择的查询日期不在预售日期范围内');
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
    expect(e.message.en).toContain('data.result');
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

  it('a row cut inside the seat counts is kept (with the classes it still has), reported, and claims no seats', () => {
    const cut = good.split('|').slice(0, 31).join('|'); // ends at ze_num
    const r = decodeLeftTicket(buildLeftTicketBody([cut, good]));
    const v = value(r);
    expect(v.trains).toHaveLength(2);
    expect(v.fieldCounts).toEqual([31, 58]);
    // gg (4) and ze (有) are left out: with seat_types and the prices cut off, no code lists
    // them, and a count no code vouches for is never shown as seats (issue 9).
    expect(v.trains[0]!.seats.map((s) => s.cls)).toEqual(['wz']);
    expect(v.trains[0]!.hasSeats).toBe(false);
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-short', row: 0 })]);
  });
  it('a row too short to be a train is left out and reported with its index', () => {
    const r = decodeLeftTicket(buildLeftTicketBody([good, 'x|预订|240000G1010D|G101|VNP|AOH', good]));
    expect(value(r).trains).toHaveLength(2);
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-short', row: 1 })]);
  });
  it('garbage in yp_info_new means the fields moved: the row is reported and left out (issue 9)', () => {
    const f = good.split('|');
    f[39] = 'O05530002XM10700';
    const r = decodeLeftTicket(buildLeftTicketBody([f.join('|'), good]));
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-bad-field', row: 0, field: 'yp_info_new' })]);
    expect(value(r).trains).toHaveLength(1);
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
  it('an unknown seat code in seat_types (paired in yp_ex) is reported', () => {
    const f = good.split('|');
    f[35] = `${f[35]}X`;
    f[34] = `${f[34]}X0`;
    const r = decodeLeftTicket(buildLeftTicketBody([f.join('|')]));
    expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-unknown-seat', field: 'seat_types', sample: 'X' })]);
    expect(value(r).trains[0]!.hasSeats).toBe(true);
  });
  it('seat_types that does not pair with yp_ex, or holds no codes, means the fields moved: the row is left out', () => {
    for (const [k, v] of [[35, '9DMOW#'], [35, '9DMO'], [34, '9DMOW'], [34, '90D0M0O0X0']] as const) {
      const f = good.split('|');
      f[k] = v;
      const r = decodeLeftTicket(buildLeftTicketBody([f.join('|')]));
      expect(value(r).trains).toEqual([]);
      expect(issuesOf(r)).toEqual([expect.objectContaining({ code: 'row-bad-field', field: expect.stringMatching(/^(seat_types|yp_ex)$/) })]);
    }
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
