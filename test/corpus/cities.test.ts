// lib/air/cities.ts against real data: 12306's station list (city names, field 8) and a 2020 OTA
// city picker (IATA city codes and their airports). Skips when ../shared/fixtures is absent.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITIES, cityByCode, cityOfAirport } from '../../lib/air/cities';

const dir = resolve(import.meta.dirname, '../../../shared/fixtures');
const stationFile = join(dir, 'station_name.2026-03-03.js');
const otaFile = join(dir, 'airport-city-codes.ota-citylist.2020-09.json');

/** Cities with airports but no station in 12306's list (no railway reaches them yet). */
const NO_RAIL = ['舟山', '稻城', '康定', '甘孜', '芒市', '昌都', '阿里', '甘南', '果洛', '玉树'];

describe.skipIf(!existsSync(stationFile))('cities vs 12306 station list (2026-03-03)', () => {
  const records = readFileSync(stationFile, 'utf8').split('@').slice(1).map((r) => r.split('|'));
  const cityNames = new Set(records.map((r) => r[7]!));
  const cityOfStation = new Map(records.map((r) => [r[1]!, r[7]!]));

  it('writes every city name exactly as 12306 does, except cities without a railway', () => {
    const missing = CITIES.filter((c) => !cityNames.has(c.name)).map((c) => c.name);
    expect([...new Set(missing)].sort()).toEqual([...NO_RAIL].sort());
  });

  it('files each airport city under the 12306 city of the station of the same name', () => {
    // 12306 files 长白山 station (安图, 延边) apart from 长白山 airport, which is in 抚松 (白山).
    const differs = CITIES.filter((c) => c.airName && cityOfStation.has(c.airName) && cityOfStation.get(c.airName) !== c.name);
    expect(differs.map((c) => c.code)).toEqual(['NBS']);
    expect(cityOfStation.get('长白山西')).toBe('白山');
  });

  it('writes the big cities as the station list does', () => {
    for (const [code, name] of [['BJS', '北京'], ['SHA', '上海'], ['SIA', '西安'], ['CTU', '成都'], ['CKG', '重庆'], ['YNJ', '延边']] as const) {
      expect(cityByCode(code)?.name).toBe(name);
      expect(cityNames.has(name)).toBe(true);
    }
  });
});

interface OtaCity {
  code: string;
  title: string;
  country: string;
  airport: { code: string; title: string }[];
}

describe.skipIf(!existsSync(otaFile))('cities vs the OTA city list (2020-09)', () => {
  const cn = (JSON.parse(readFileSync(otaFile, 'utf8')) as OtaCity[]).filter((c) => c.country === 'CN');
  const otaAirports = cn.flatMap((c) => c.airport.map((a) => ({ code: a.code, city: c.code })));

  it('has every OTA city, except railway stations sold as flights, airport-less towns and a replaced airport', () => {
    const missing = cn.filter((c) => !cityByCode(c.code)).map((c) => c.code);
    expect(missing.sort()).toEqual([
      'DAX', // 达州: the city code followed its new airport 金垭 DZH (2022); 河市 DAX closed
      'DYN', // 丹阳火车站: a railway station sold as an air-rail leg
      'JXS', // 嘉兴火车站: idem (嘉兴's own airport is JNH, in our table)
      'KVN', // 昆山: no airport
      'SZV', // 苏州: no civil airport (光福 is military)
      'TVX', // 桐乡: no airport
      'ZUJ', // 镇江站: a railway station
    ]);
  });

  it('has every OTA airport under the same city code, except closed ones and railway stations', () => {
    const missing = otaAirports.filter((a) => !cityOfAirport(a.code)).map((a) => a.code);
    expect(missing.sort()).toEqual(['DAX', 'DYN', 'JXS', 'NAY', 'ZUJ']); // NAY: 南苑, closed 2019
    for (const a of otaAirports.filter((x) => cityOfAirport(x.code))) expect(cityOfAirport(a.code)!.code, a.code).toBe(a.city);
  });

  it('names each city as the OTA does (airName when 12306 files it under another city)', () => {
    for (const c of cn.filter((x) => cityByCode(x.code))) {
      const ours = cityByCode(c.code)!;
      expect(ours.airName ?? ours.name, c.code).toBe(c.title);
    }
  });

  it('adds the airports the 2020 list lacks: newer ones and smaller ones it never carried', () => {
    const ota = new Set(otaAirports.map((a) => a.code));
    const added = CITIES.flatMap((c) => c.airports.map((a) => a.code)).filter((code) => !ota.has(code));
    expect(added.sort()).toEqual(
      [
        // Opened since (or just before) the snapshot: 天府, 达州金垭, 鄂州花湖, 荆州, 郴州, 韶关, 湘西, 芜湖宣州,
        // 菏泽, 安阳, 邢台, 朔州, 玉林, 阆中, 荔波, 隆子, 定日, 武隆, 嘉兴, 丽水, 蚌埠, 亳州, 瑞金, 巴里坤,
        // 安康富强, and Xinjiang's new county airports.
        'TFU', 'DZH', 'EHU', 'SHS', 'HCZ', 'HSC', 'DXJ', 'WHA', 'HZA', 'HQQ', 'XNT', 'SZH', 'YLX', 'LZG', 'LLB',
        'LGZ', 'DDR', 'CQW', 'JNH', 'LIJ', 'BFY', 'BZJ', 'JRJ', 'DHH', 'AKA', 'TWC', 'HQL', 'ZFL', 'HJB', 'JBK',
        'YTW', 'ACF',
        // Older airports with scheduled flights that the OTA list simply does not carry.
        'CDE', 'CIH', 'HUO', 'NZL', 'AXF', 'RHT', 'EJN', 'CNI', 'DBC', 'FYJ', 'DTU', 'JSJ', 'YIC', 'WEF', 'HJJ',
        'YYA', 'MXZ', 'HCJ', 'GZG', 'AHJ', 'BPX', 'THQ', 'GXH', 'IQM', 'RQA', 'FYN', 'KJI', 'NLT', 'TCG',
      ].sort(),
    );
  });
});
