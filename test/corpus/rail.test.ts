// The 12306 decoders against real data in ../shared/fixtures (station lists, a 2018 row, a 2017
// object-format response, the c_url error body). Skips when the folder is absent.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAny } from '../../lib/decode-any';
import type { LeftTicketResult, StationList } from '../../lib/model';
import type { DecodeResult } from '../../lib/result';
import { decodeLeftTicket } from '../../lib/rail/left-ticket';
import { buildStationIndex, searchStations } from '../../lib/rail/station-search';
import { decodeStationList } from '../../lib/rail/stations';
import { chinaInstant } from '../../lib/time';

const dir = resolve(import.meta.dirname, '../../../shared/fixtures');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

function value<T>(r: DecodeResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe.skipIf(!existsSync(dir))('12306 corpus (../shared/fixtures)', () => {
  describe('station lists', () => {
    it('station_name.2026-03-03.js: 3,364 records, 11 fields, 万象 parsed, no issues', () => {
      const r = decodeStationList(read('station_name.2026-03-03.js'));
      const v: StationList = value(r);
      expect(r.ok && r.issues).toEqual([]);
      expect(v.format).toBe('11-field');
      expect(v.stations).toHaveLength(3364);
      expect(v.stations.find((s) => s.name === '万象')).toEqual({ abbr: 'wxi', name: '万象', telecode: 'YTM', pinyin: 'wanxiang', initials: 'wx', index: 25, cityCode: '9206', cityName: '万象' });
      expect(v.stations.at(-1)).toMatchObject({ name: '资中西', telecode: 'ZZE', index: 3405, cityName: '内江' });
      expect(v.stations[0]).toEqual({ abbr: 'bjb', name: '北京北', telecode: 'VAP', pinyin: 'beijingbei', initials: 'bjb', index: 0, cityCode: '0357', cityName: '北京' });
    });
    it('station_name.old-6field.2021-01-03.js: 3,113 records, 6 fields, spaced names cleaned', () => {
      const r = decodeStationList(read('station_name.old-6field.2021-01-03.js'));
      const v = value(r);
      expect(v.format).toBe('6-field');
      expect(v.stations).toHaveLength(3113);
      expect(v.stations.find((s) => s.telecode === 'WEI')).toMatchObject({ name: '成都东', index: 2202 });
      expect(v.stations.every((s) => !/\s/.test(s.name))).toBe(true);
      expect(r.ok && r.issues.map((i) => i.code)).toEqual(['other']);
    });
    it('search over the real list answers the autocomplete cases', () => {
      const idx = buildStationIndex(value(decodeStationList(read('station_name.2026-03-03.js'))).stations);
      const bj = searchStations(idx, '北京');
      expect(bj[0]).toMatchObject({ kind: 'city', name: '北京', telecode: 'BJP' });
      expect(bj[0]!.stations!.map((s) => s.name)).toEqual(expect.arrayContaining(['北京南', '北京西', '北京丰台', '八达岭']));
      expect(searchStations(idx, 'beijingn')[0]).toMatchObject({ name: '北京南', telecode: 'VNP' });
      expect(searchStations(idx, 'sh')[0]).toMatchObject({ kind: 'city', name: '上海', telecode: 'SHH' });
      expect(searchStations(idx, '上海').slice(0, 3).map((h) => h.name)).toEqual(['上海', '上海', '上海南']);
      expect(searchStations(idx, 'aoh')[0]).toMatchObject({ name: '上海虹桥', city: '上海' });
      expect(searchStations(idx, 'cdd')[0]).toMatchObject({ name: '成都东', city: '成都' });
    });
  });

  describe('left-ticket bodies', () => {
    it('the 2018 G101 row (bare array, 37 fields): 06:43 → 12:39, 商务座/一等座/二等座 有, on sale', () => {
      const r = decodeLeftTicket(read('leftTicket.result-strings.G101.VNP-AOH.2018-01-13.json'));
      const v: LeftTicketResult = value(r);
      expect(r.ok && r.issues).toEqual([]);
      expect(v.fieldCounts).toEqual([37]);
      const g = v.trains[0]!;
      expect(g).toMatchObject({ code: 'G101', trainNo: '240000G1010D', date: '2018-01-13', status: 'on-sale', durationMin: 356, arriveDayOffset: 0, hasSeats: true });
      expect(g.depart).toBe(chinaInstant('2018-01-13', 6 * 60 + 43));
      expect(g.seats.map((s) => [s.cls, s.availability.kind])).toEqual([['swz', 'plenty'], ['zy', 'plenty'], ['ze', 'plenty']]);
      // yp_info is an opaque token in 2018 rows: no prices, and no issue for it.
      expect(g.seats.every((s) => s.price === undefined)).toBe(true);
    });

    it('the 2017 object-format response: 88 trains, its canWebBuy values, 7 suspended, one corrupted cell reported', () => {
      const r = decodeLeftTicket(read('leftTicket.oldformat-queryLeftNewDTO.SNH-SRG.2017-01-21.json'));
      const v = value(r);
      expect(v.format).toBe('object');
      expect(v.date).toBe('2017-01-21');
      expect(v.trains).toHaveLength(88);
      const byType: Record<string, number> = {};
      for (const t of v.trains) byType[t.type] = (byType[t.type] ?? 0) + 1;
      expect(byType).toEqual({ G: 46, K: 28, T: 7, D: 4, Z: 1, number: 2 });
      const statuses: Record<string, number> = {};
      for (const t of v.trains) statuses[t.status] = (statuses[t.status] ?? 0) + 1;
      // canWebBuy N ×77 (预订, all sold out), Y ×4, IS_TIME_NOT_BUY ×7 (列车停运).
      expect(statuses).toEqual({ 'not-bookable': 77, 'on-sale': 4, suspended: 7 });
      expect(v.trains.filter((t) => t.hasSeats).map((t) => t.code).sort()).toEqual(['G1389', 'G1395', 'G4761', 'G4797']);
      expect(v.trains.find((t) => t.code === 'G1389')!.seats.find((s) => s.cls === 'swz')!.availability).toEqual({ kind: 'count', n: 1 });
      const first = v.trains[0]!;
      expect(first).toMatchObject({ code: '3055', from: { telecode: 'SNH', name: '上海南' }, terminus: { telecode: 'CUW', name: '重庆北' }, durationMin: 416, saleTime: '1530' });
      expect(v.trains.filter((t) => t.arriveDayOffset === 1)).toHaveLength(11);
      // G1639's swz_num arrived as U+FFFD bytes: reported, and never counted as available.
      expect(r.ok && r.issues).toEqual([expect.objectContaining({ code: 'row-unknown-seat', row: 67, field: 'swz_num' })]);
      expect(v.trains[67]!.seats.find((s) => s.cls === 'swz')!.availability).toEqual({ kind: 'not-on-sale' });
    });

    it('the layout guard refuses no real row: every row that decoded before it still decodes, with the same seats to buy', () => {
      // Counted before the guard existed (issue 9): file → [rows, trains, trains with seats, classes with seats].
      const before: Record<string, [number, number, number, number]> = {
        'leftTicket.result-strings.G101.VNP-AOH.2018-01-13.json': [1, 1, 1, 3],
        'leftTicket.oldformat-queryLeftNewDTO.SNH-SRG.2017-01-21.json': [88, 88, 4, 4],
      };
      for (const [file, [rows, trains, withSeats, classes]] of Object.entries(before)) {
        const text = read(file);
        const r = decodeLeftTicket(text);
        const v = value(r);
        const json = JSON.parse(text) as unknown[] | { data: unknown[] };
        expect(Array.isArray(json) ? json.length : json.data.length).toBe(rows);
        expect(r.ok && r.issues.filter((i) => i.message.includes('out of place'))).toEqual([]);
        expect(v.trains).toHaveLength(trains);
        expect(v.trains.filter((t) => t.hasSeats)).toHaveLength(withSeats);
        const buyable = v.trains.flatMap((t) => t.seats).filter((s) => s.availability.kind === 'plenty' || (s.availability.kind === 'count' && s.availability.n > 0));
        expect(buyable).toHaveLength(classes);
      }
    });

    it('the c_url body → endpoint-moved with leftTicket/queryZ', () => {
      const r = decodeLeftTicket(read('leftTicket.error.c_url-redirect.queryZ.2017-01.json'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'endpoint-moved', endpoint: 'leftTicket/queryZ' });
    });

    it('decodeAny detects every 12306 fixture and the saved 12306 page as an HTML page', () => {
      expect(decodeAny(read('leftTicket.result-strings.G101.VNP-AOH.2018-01-13.json')).format).toBe('left-ticket');
      expect(decodeAny(read('leftTicket.oldformat-queryLeftNewDTO.SNH-SRG.2017-01-21.json')).format).toBe('left-ticket');
      expect(decodeAny(read('station_name.2026-03-03.js')).format).toBe('station-list');
      const page = join('pages', '12306.leftTicket-init.page.anonymous.SZQ-XAY.2019-02.html');
      if (existsSync(join(dir, page))) {
        const { format, result } = decodeAny(read(page));
        expect(format).toBe('left-ticket');
        expect(!result.ok && result.error.code).toBe('html-page');
      }
    });
  });
});
