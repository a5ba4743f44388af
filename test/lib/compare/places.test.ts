import { describe, expect, it } from 'vitest';
import { filterToPlaces, goesBetween, resolvePlace, type Place } from '../../../lib/compare/places';
import type { StationList, StationRecord } from '../../../lib/model';
import { fare, flight, plenty, seat, train } from './make';

// A hand-made excerpt of a station list: [name, telecode, city code, city name].
const rows: [string, string, string, string][] = [
  ['北京北', 'VAP', '0357', '北京'],
  ['北京', 'BJP', '0357', '北京'],
  ['北京南', 'VNP', '0357', '北京'],
  ['北京西', 'BXP', '0357', '北京'],
  ['北京大兴', 'IPP', '0357', '北京'],
  ['上海', 'SHH', '0712', '上海'],
  ['上海虹桥', 'AOH', '0712', '上海'],
  ['延吉西', 'YXL', '0910', '延边'],
  ['杭州东', 'HGH', '0612', '杭州'],
  ['合肥南', 'ENH', '0814', '合肥'],
];
const rec = ([name, telecode, cityCode, cityName]: (typeof rows)[number], i: number, eleven: boolean): StationRecord => ({
  abbr: '',
  name,
  telecode,
  pinyin: '',
  initials: '',
  index: i,
  ...(eleven ? { cityCode, cityName } : {}),
});
const list11: StationList = { format: '11-field', stations: rows.map((r, i) => rec(r, i, true)) };
const list6: StationList = { format: '6-field', stations: rows.map((r, i) => rec(r, i, false)) };

const value = <T,>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error('expected ok');
  return r.value;
};

describe('resolvePlace', () => {
  it('a city name gives every station and airport of the city', () => {
    const bj = value(resolvePlace('北京', list11));
    expect(bj).toEqual({ city: '北京', cityCode: 'BJS', stations: ['VAP', 'BJP', 'VNP', 'BXP', 'IPP'], airports: ['PEK', 'PKX'] });
  });

  it('a station name, telecode, city code or airport code gives its whole city', () => {
    const expected = value(resolvePlace('上海', list11));
    expect(expected.airports).toEqual(['SHA', 'PVG']);
    expect(value(resolvePlace('上海虹桥', list11))).toEqual(expected);
    expect(value(resolvePlace({ telecode: 'AOH' }, list11))).toEqual(expected);
    expect(value(resolvePlace({ cityCode: 'SHA' }, list11))).toEqual(expected);
    expect(value(resolvePlace({ airport: 'PVG' }, list11))).toEqual(expected);
    expect(value(resolvePlace('pvg', list11))).toEqual(expected);
  });

  it('follows 12306 grouping: 延吉西 and YNJ are both 延边', () => {
    expect(value(resolvePlace({ telecode: 'YXL' }, list11))).toMatchObject({ city: '延边', cityCode: 'YNJ', airports: ['YNJ'], stations: ['YXL'] });
    expect(value(resolvePlace({ airport: 'YNJ' }, list11)).stations).toEqual(['YXL']);
  });

  it('derives cities from station names with the old 6-field list', () => {
    expect(value(resolvePlace('北京', list6)).stations).toEqual(['VAP', 'BJP', 'VNP', 'BXP', 'IPP']);
    expect(value(resolvePlace({ telecode: 'AOH' }, list6)).city).toBe('上海');
  });

  it('reads a bare code that is both an airport and a telecode as the airport, and says so', () => {
    const r = resolvePlace('ENH', list11); // 恩施 airport, and 合肥南's telecode
    expect(r.ok && r.value.city).toBe('恩施');
    expect(r.ok && r.issues[0]?.message).toMatch(/ENH is an IATA city code, an airport code, a station telecode; read as an IATA city code/);
    expect(value(resolvePlace({ telecode: 'ENH' }, list11)).city).toBe('合肥');
  });

  it('works without a station list for airports, and refuses unknown places', () => {
    expect(value(resolvePlace('成都'))).toMatchObject({ city: '成都', cityCode: 'CTU', stations: [], airports: ['CTU', 'TFU'] });
    const bad = resolvePlace('不存在', list11);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('bad-input');
    expect(resolvePlace({ telecode: 'QQQ' }, list11).ok).toBe(false);
    expect(resolvePlace({ cityCode: 'XXX' }).ok).toBe(false);
  });
});

describe('goesBetween / filterToPlaces', () => {
  const bj = value(resolvePlace('北京', list11));
  const sh = value(resolvePlace('上海', list11));
  const s = [seat('ze', 55300, plenty)];

  it('keeps every Beijing→Shanghai station and airport pair and drops the rest', () => {
    const options = [
      train('G1', 'VNP', 'AOH', '09:00', '13:28', s),
      train('G7', 'IPP', 'SHH', '09:00', '14:00', s),
      train('G9', 'VNP', 'HGH', '09:00', '14:00', s), // to Hangzhou
      train('G11', 'AOH', 'VNP', '09:00', '13:28', s), // wrong way round
      flight('CA1', 'PKX', 'PVG', '08:00', '10:10', [fare(1)]),
      flight('CA2', 'PEK', 'SHA', '08:00', '10:10', [fare(1)]),
      flight('CA3', 'PEK', 'HGH', '08:00', '10:10', [fare(1)]),
    ];
    const { kept, dropped } = filterToPlaces(options, bj, sh);
    expect(kept.map((o) => o.id)).toEqual(['G100@2026-03-10', 'G700@2026-03-10', 'CA1@2026-03-10', 'CA2@2026-03-10']);
    expect(dropped).toHaveLength(3);
  });

  it('without a station list, matches trains by their station names', () => {
    const from: Place = { city: '北京', stations: [], airports: ['PEK', 'PKX'] };
    const to: Place = { city: '上海', stations: [], airports: ['SHA', 'PVG'] };
    const named = train('G1', 'VNP', 'AOH', '09:00', '13:28', s, { from: { telecode: 'VNP', name: '北京南' }, to: { telecode: 'AOH', name: '上海虹桥' } });
    expect(goesBetween(named, from, to)).toBe(true);
    expect(goesBetween({ ...named, to: { telecode: 'HGH', name: '杭州东' } }, from, to)).toBe(false);
    expect(goesBetween(train('G1', 'VNP', 'AOH', '09:00', '13:28', s), from, to)).toBeUndefined();
    // 12306 files 延吉西 under 延边; without the list, its airport city 延吉 (YNJ) tells.
    const yanbian: Place = { city: '延边', cityCode: 'YNJ', stations: [], airports: ['YNJ'] };
    const toYanji = { ...named, to: { telecode: 'YXL', name: '延吉西' } };
    expect(goesBetween(toYanji, from, yanbian)).toBe(true);
    // Newer stations name a district after the city.
    const district = { ...named, from: { telecode: 'FTP', name: '北京丰台' }, to: { telecode: 'SAH', name: '上海松江' } };
    expect(goesBetween(district, from, to)).toBe(true);
    expect(goesBetween({ ...district, to: { telecode: 'HGH', name: '杭州东' } }, from, to)).toBe(false);
  });
});
