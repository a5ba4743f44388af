import { describe, expect, it } from 'vitest';
import type { StationRecord } from '../../../lib/model';
import { buildStationIndex, searchStations } from '../../../lib/rail/station-search';
import { generateStations } from '../../support/rail-rows';

const BJ = { cityCode: '0357', cityName: '北京' };
const SH = { cityCode: '0712', cityName: '上海' };
const s = (name: string, telecode: string, pinyin: string, initials: string, index: number, city?: { cityCode: string; cityName: string }): StationRecord => ({
  abbr: initials.slice(0, 3),
  name,
  telecode,
  pinyin,
  initials,
  index,
  ...city,
});

const STATIONS: StationRecord[] = [
  s('北京北', 'VAP', 'beijingbei', 'bjb', 0, BJ),
  s('北京东', 'BOP', 'beijingdong', 'bjd', 1, BJ),
  s('北京', 'BJP', 'beijing', 'bj', 2, BJ),
  s('北京南', 'VNP', 'beijingnan', 'bjn', 3, BJ),
  s('北京西', 'BXP', 'beijingxi', 'bjx', 5, BJ),
  s('上海', 'SHH', 'shanghai', 'sh', 17, SH),
  s('上海南', 'SNH', 'shanghainan', 'shn', 18, SH),
  s('上海虹桥', 'AOH', 'shanghaihongqiao', 'shhq', 19, SH),
  s('沙河', 'SHP', 'shahe', 'sh', 1102, BJ),
  s('绥化', 'SHB', 'suihua', 'sh', 40, { cityCode: '1201', cityName: '绥化' }),
  s('白鸡坡', 'BBM', 'baijipo', 'bjp', 2000, { cityCode: '2001', cityName: '六盘水' }),
];
const index = buildStationIndex(STATIONS);
const names = (q: string, limit = 10) => searchStations(index, q, limit).map((h) => `${h.kind === 'city' ? 'city:' : ''}${h.name}`);

describe('searchStations', () => {
  it('北京 → the city with every Beijing station first, then its stations in 12306 order', () => {
    const hits = searchStations(index, '北京');
    expect(hits[0]).toMatchObject({ kind: 'city', name: '北京', telecode: 'BJP', city: '北京' });
    expect(hits[0]!.stations!.map((x) => x.name)).toEqual(['北京北', '北京东', '北京', '北京南', '北京西', '沙河']);
    expect(hits.slice(1).map((h) => h.name)).toEqual(['北京', '北京北', '北京东', '北京南', '北京西']);
  });
  it('matches full pinyin as it is typed, one keystroke at a time', () => {
    expect(names('b')[0]).toBe('city:北京');
    expect(names('beijing')).toEqual(['city:北京', '北京', '北京北', '北京东', '北京南', '北京西']);
    expect(names('beijingn')).toEqual(['北京南']);
    expect(names('beijingnan')).toEqual(['北京南']);
  });
  it('matches initials: sh → 上海 (city, then station) before other sh stations', () => {
    expect(names('sh')).toEqual(['city:上海', '上海', '绥化', '沙河', '上海南', '上海虹桥']);
  });
  it('matches telecodes case-insensitively', () => {
    expect(names('AOH')).toEqual(['上海虹桥']);
    expect(names('vnp')).toEqual(['北京南']);
    expect(searchStations(index, 'SHH')[0]).toMatchObject({ kind: 'city', name: '上海', telecode: 'SHH' });
  });
  it('ranks exact > prefix > substring', () => {
    // bjp: telecode of 北京 (exact, city + station), initials of 白鸡坡 (exact); nothing else.
    expect(names('bjp')).toEqual(['city:北京', '北京', '白鸡坡']);
    // 虹桥 is only a substring of 上海虹桥; hongqiao only a substring of its pinyin.
    expect(names('虹桥')).toEqual(['上海虹桥']);
    expect(names('hongqiao')).toEqual(['上海虹桥']);
    // 海: prefix of nothing, substring of every 上海 station.
    expect(names('海')).toEqual(['city:上海', '上海', '上海南', '上海虹桥']);
    // nan: prefix of nothing, substring of 北京南 and 上海南 pinyin.
    expect(names('nan')).toEqual(['北京南', '上海南']);
  });
  it('respects the limit and ignores spaces and case', () => {
    expect(names('b', 3)).toHaveLength(3);
    expect(names(' Bei Jing Nan ')).toEqual(['北京南']);
    expect(names('')).toEqual([]);
    expect(names('   ')).toEqual([]);
    expect(names('zzzz')).toEqual([]);
  });
  it('gives the same answers however many queries ran before (scratch state is reset)', () => {
    const first = names('sh');
    for (let i = 0; i < 50; i++) names(['b', '北', 'hongqiao', 'x'][i % 4]!);
    expect(names('sh')).toEqual(first);
  });
  it('builds cities only from stations that share one; a 6-field list derives them from names', () => {
    const six = STATIONS.map(({ cityCode: _c, cityName: _n, ...rest }) => rest);
    const idx6 = buildStationIndex(six);
    const hits = searchStations(idx6, '上海');
    expect(hits[0]).toMatchObject({ kind: 'city', name: '上海', telecode: 'SHH' });
    expect(hits[0]!.stations!.map((x) => x.name)).toEqual(['上海', '上海南', '上海虹桥']);
    expect(searchStations(idx6, '绥化').map((h) => h.kind)).toEqual(['station']);
  });
  it('answers a keystroke over 3,400 stations in well under a millisecond', () => {
    const big = buildStationIndex(generateStations(3400));
    const queries = ['a', 'an', 'anh', 'anha', 'x', 'xin', 'xinz', 'zhou', '安', '安阳'];
    for (const q of queries) searchStations(big, q);
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) for (const q of queries) searchStations(big, q);
    const perQueryMs = (performance.now() - t0) / (200 * queries.length);
    expect(perQueryMs).toBeLessThan(1);
  });
});
