import { describe, expect, it } from 'vitest';
import { CITIES, airportName, citiesByName, cityByCode, cityByName, cityOfAirport } from '../../../lib/air/cities';

const airports = CITIES.flatMap((c) => c.airports.map((a) => ({ ...a, city: c.code })));

describe('CITIES', () => {
  it('has one entry per IATA city code and no airport twice', () => {
    const cityCodes = CITIES.map((c) => c.code);
    expect(new Set(cityCodes).size).toBe(cityCodes.length);
    const codes = airports.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('covers the mainland network (about 240 airports) with well-formed codes and Chinese names', () => {
    expect(airports.length).toBeGreaterThanOrEqual(230);
    expect(airports.length).toBeLessThanOrEqual(300);
    for (const c of CITIES) {
      expect(c.code).toMatch(/^[A-Z]{3}$/);
      expect(c.name).toMatch(/^[\u4e00-\u9fff]+$/);
      if (c.airName !== undefined) {
        expect(c.airName).toMatch(/^[\u4e00-\u9fff]+$/);
        expect(c.airName).not.toBe(c.name);
      }
      expect(c.airports.length).toBeGreaterThan(0);
    }
    for (const a of airports) {
      expect(a.code).toMatch(/^[A-Z]{3}$/);
      expect(a.name).toMatch(/^[\u4e00-\u9fff]+$/);
    }
  });

  it('resolves every airport to its city, and every city by code', () => {
    for (const a of airports) {
      expect(cityOfAirport(a.code)?.code).toBe(a.city);
      expect(airportName(a.code)).toBe(a.name);
    }
    for (const c of CITIES) {
      expect(cityByCode(c.code)).toBe(c);
      expect(citiesByName(c.name)).toContain(c);
    }
  });

  it('groups multi-airport cities under their city code', () => {
    const codes = (city: string) => cityByCode(city)?.airports.map((a) => a.code);
    expect(codes('BJS')).toEqual(['PEK', 'PKX']);
    expect(codes('SHA')).toEqual(['SHA', 'PVG']);
    expect(codes('CTU')).toEqual(['CTU', 'TFU']);
    expect(codes('SIA')).toEqual(['XIY']);
    expect(cityOfAirport('pkx')?.name).toBe('北京');
    expect(cityOfAirport('XIY')?.code).toBe('SIA');
    expect(airportName('PKX')).toBe('大兴');
    expect(airportName('SHA')).toBe('虹桥');
  });

  it('leaves out closed airports', () => {
    expect(cityOfAirport('NAY')).toBeUndefined(); // 北京南苑, closed 2019
    expect(cityOfAirport('DAX')).toBeUndefined(); // 达州河市, replaced by 金垭 DZH in 2022
    expect(cityOfAirport('DZH')?.name).toBe('达州');
  });

  it('finds cities by 12306 name and by the name airlines use', () => {
    expect(cityByName('北京')?.code).toBe('BJS');
    expect(cityByName('西安')?.code).toBe('SIA');
    expect(cityByName('延吉')?.code).toBe('YNJ');
    expect(cityByName('延边')?.code).toBe('YNJ');
    expect(citiesByName('兴安').map((c) => c.code).sort()).toEqual(['HLH', 'YIE']);
    expect(cityByName('阿尔山')?.code).toBe('YIE');
    expect(cityByName(' 上海 ')?.code).toBe('SHA');
    expect(cityByName('苏州')).toBeUndefined(); // no airport of its own
    expect(cityByCode('XXX')).toBeUndefined();
  });
});
