import { describe, expect, it } from 'vitest';
import type { StationList, StationRecord } from '../../../lib/model';
import type { DecodeResult } from '../../../lib/result';
import { decodeStationList, stationCity } from '../../../lib/rail/stations';
import { buildStationNameJs, generateStations } from '../../support/rail-rows';

const rec = (abbr: string, name: string, telecode: string, pinyin: string, initials: string, index: number, city?: [string, string]): StationRecord =>
  city ? { abbr, name, telecode, pinyin, initials, index, cityCode: city[0], cityName: city[1] } : { abbr, name, telecode, pinyin, initials, index };

const BJ: [string, string] = ['0357', '北京'];
const SH: [string, string] = ['0712', '上海'];
const SAMPLE: StationRecord[] = [
  rec('bjb', '北京北', 'VAP', 'beijingbei', 'bjb', 0, BJ),
  rec('bji', '北京', 'BJP', 'beijing', 'bj', 2, BJ),
  rec('bjn', '北京南', 'VNP', 'beijingnan', 'bjn', 3, BJ),
  rec('sha', '上海', 'SHH', 'shanghai', 'sh', 17, SH),
  rec('shq', '上海虹桥', 'AOH', 'shanghaihongqiao', 'shhq', 19, SH),
];

function value(r: DecodeResult<StationList>): StationList {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('decodeStationList', () => {
  it('reads the 11-field format with city code and name', () => {
    const r = decodeStationList(buildStationNameJs(SAMPLE, '11-field'), '1.9347');
    expect(r.ok && r.issues).toEqual([]);
    const v = value(r);
    expect(v.format).toBe('11-field');
    expect(v.version).toBe('1.9347');
    expect(v.stations).toEqual(SAMPLE);
  });
  it('reads the 6-field format (no city)', () => {
    const v = value(decodeStationList(buildStationNameJs(SAMPLE, '6-field')));
    expect(v.format).toBe('6-field');
    expect(v.stations[2]).toEqual({ abbr: 'bjn', name: '北京南', telecode: 'VNP', pinyin: 'beijingnan', initials: 'bjn', index: 3 });
  });
  it('reads a last record without the trailing | and with the three rare fields filled (万象)', () => {
    const js = `var station_names ='@bji|北京|BJP|beijing|bj|2|0357|北京|||@wxi|万象|YTM|wanxiang|wx|25|9206|万象|lao|老挝|vientiane';`;
    const v = value(decodeStationList(js));
    expect(v.stations).toHaveLength(2);
    expect(v.stations[1]).toEqual({ abbr: 'wxi', name: '万象', telecode: 'YTM', pinyin: 'wanxiang', initials: 'wx', index: 25, cityCode: '9206', cityName: '万象' });
  });
  it('counts records whose field count is neither 6 nor 11 (a layout change) in one issue', () => {
    const js = `var station_names ='@bji|北京|BJP|beijing|bj|2|0357|北京||||@bjn|北京南|VNP|beijingnan|bjn|3|0357|北京||||@shh|上海|SHH|shanghai|sh|4|0712|上海|||';`;
    const r = decodeStationList(js);
    expect(value(r).stations).toHaveLength(3);
    expect(r.ok && r.issues.map((i) => i.message)).toEqual(['2 record(s) have 12 fields (expected 6 or 11): the layout may have changed']);
  });
  it('removes the odd inner spaces of old names ("成  都东") and says so', () => {
    const r = decodeStationList(`var station_names ='@cdd|成  都东|WEI|chengdudong|cdd|2202@cdu|成都|CDW|chengdu|cd|100';`);
    expect(value(r).stations.map((s) => s.name)).toEqual(['成都东', '成都']);
    expect(r.ok && r.issues).toEqual([expect.objectContaining({ code: 'other', field: 'name' })]);
  });
  it('accepts double quotes, a BOM, and bare records', () => {
    expect(value(decodeStationList(`\uFEFFvar station_names = "@bji|北京|BJP|beijing|bj|2";`)).stations).toHaveLength(1);
    expect(value(decodeStationList('@bji|北京|BJP|beijing|bj|2@bjn|北京南|VNP|beijingnan|bjn|3')).stations).toHaveLength(2);
  });
  it('reports broken records by position and keeps the rest', () => {
    const js = `var station_names ='@bji|北京|BJP|beijing|bj|2@xx|坏|@bjn|北京南|VNP|beijingnan|bjn|x@shh|上海|sh1|shanghai|sh|17';`;
    const r = decodeStationList(js);
    const v = value(r);
    expect(v.stations.map((s) => s.name)).toEqual(['北京', '北京南', '上海']);
    expect(v.stations[1]!.index).toBe(2); // position used for the bad index
    expect(r.ok && r.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['row-short', 1, undefined],
      ['row-bad-field', 2, 'index'],
      ['row-bad-field', 3, 'telecode'],
    ]);
  });
  it('a list cut off before its closing quote still gives the records before the cut', () => {
    const js = buildStationNameJs(SAMPLE, '11-field');
    const v = value(decodeStationList(js.slice(0, js.indexOf('@sha'))));
    expect(v.stations.map((s) => s.telecode)).toEqual(['VAP', 'BJP', 'VNP']);
  });
  it('typed errors for empty text, HTML and other scripts', () => {
    const code = (t: string) => {
      const r = decodeStationList(t);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('')).toBe('empty');
    expect(code('<html><title>铁路客户服务中心</title></html>')).toBe('html-page');
    expect(code('var other = 1;')).toBe('schema');
    expect(code("var station_names ='';")).toBe('schema');
    expect(code('var station_names = 42;')).toBe('schema');
  });
  it('replacement characters in a name are reported', () => {
    const r = decodeStationList(`var station_names ='@bji|北\uFFFD|BJP|beijing|bj|2';`);
    expect(r.ok && r.issues).toEqual([expect.objectContaining({ code: 'other', row: 0 })]);
  });
  it('decodes a generated list of 3,400 stations in both layouts', () => {
    const gen = generateStations(3400);
    const v11 = value(decodeStationList(buildStationNameJs(gen, '11-field')));
    expect(v11.stations).toEqual(gen);
    const v6 = value(decodeStationList(buildStationNameJs(gen, '6-field')));
    expect(v6.stations.map((s) => s.telecode)).toEqual(gen.map((s) => s.telecode));
  });
});

describe('stationCity', () => {
  const known = new Set(['北京', '北京南', '上海', '上海虹桥', '成都', '成都东', '济南', '北京大兴', '东方', '东方红']);
  const six = (name: string) => rec('x', name, 'XXX', 'x', 'x', 1);
  it('uses the city name of the 11-field list', () => {
    expect(stationCity(rec('bdl', '八达岭', 'ILP', 'badaling', 'bdl', 207, BJ))).toBe('北京');
  });
  it.each([
    ['北京南', '北京'],
    ['上海虹桥', '上海'],
    ['成都东', '成都'],
    ['济南', '济南'],
    ['北京', '北京'],
    ['北京大兴', '北京'],
    ['东方红', '东方红'],
  ])('6-field %s → %s', (name, city) => {
    expect(stationCity(six(name), known)).toBe(city);
  });
  it('without the list of names, strips only a direction suffix leaving two characters or more', () => {
    expect(stationCity(six('西安北'))).toBe('西安');
    expect(stationCity(six('湖东'))).toBe('湖东');
    expect(stationCity(six('北京大兴'))).toBe('北京大兴');
  });
});
