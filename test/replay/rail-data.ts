// The trains the replay serves, generated with test/support/rail-rows.ts. Like 12306, a query is
// answered per city pair: 北京 (BJP) → 上海 (SHH) lists trains from every Beijing station to every
// Shanghai station — high-speed trains at the high-speed stations (北京南 → 上海虹桥), others at the
// classic ones. Deterministic per (date, from city, to city); a test computes what a page must show
// with trainsFor(). The Beijing–Shanghai day always holds G101 with 二等座 sold out (无), for the
// watch test's "无 → 5" through scenario.rail.seats.

import { buildLeftTicketBody, buildRailRow, generateTrains, type RailRowSpec } from '../support/rail-rows';
import { isChinaDate } from '../../lib/time';
import type { ChinaDate, SeatClassId } from '../../lib/model';
import { REPLAY_STATIONS, stationByTelecode } from './stations';
import type { RailRoute, RailScenario } from './scenario';
import { seedOf } from './air-data';

export const TRAINS_PER_DAY = 30;

/** The notice 12306 writes into buttonTextInfo during its nightly service window. */
export const MAINTENANCE_NOTICE = '23:00-06:00系统维护时间';

/** City code → [classic station, high-speed station] telecodes. */
const CITY_STATIONS: Record<string, [classic: string, highSpeed: string]> = {
  '0357': ['BJP', 'VNP'],
  '0712': ['SHH', 'AOH'],
  '0359': ['TJP', 'TJP'],
  '0705': ['NJH', 'NKH'],
  '0904': ['HZH', 'HGH'],
  '1010': ['XMS', 'XKS'],
  '1222': ['ZZF', 'ZAF'],
  '1314': ['WCN', 'WHN'],
  '1407': ['CSQ', 'CWQ'],
  '1502': ['GZQ', 'IZQ'],
  '1505': ['SZQ', 'IOQ'],
  '1707': ['CDW', 'ICW'],
  '1717': ['CQW', 'CUW'],
  '1902': ['KMM', 'KOM'],
  '2003': ['XAY', 'EAY'],
};

/** Rail km between city codes (either direction), for durations and prices. */
const CITY_KM: Record<string, number> = {
  '0357-0712': 1318, '0357-1502': 2298, '0357-1505': 2400, '0357-2003': 1216, '0357-1707': 1850,
  '0357-0904': 1279, '0357-0705': 1023, '0357-0359': 137, '0357-1222': 693, '0357-1314': 1229,
  '0712-1502': 1790, '0712-1505': 1850, '0712-2003': 1511, '0712-0904': 169, '0712-0705': 301,
  '1505-2003': 1900, '1502-2003': 1780, '1707-2003': 658, '1505-1502': 102,
  '0357-1902': 2760, '0712-1902': 2250, '0357-1010': 2000, '0712-1010': 1100, '0357-1717': 1900,
  '0712-1717': 1700, '1707-1717': 300, '1502-1707': 1600,
};

function cityOf(telecode: string): string {
  return stationByTelecode(telecode)?.cityCode ?? `?${telecode}`;
}

function stationsOf(city: string, telecode: string): [string, string] {
  return CITY_STATIONS[city] ?? [telecode, telecode];
}

function kmBetween(a: string, b: string): number | undefined {
  return CITY_KM[`${a}-${b}`] ?? CITY_KM[`${b}-${a}`];
}

/** Fixed trains some routes always carry (before the generated ones). */
function fixedTrains(fromCity: string, toCity: string, date: ChinaDate): RailRowSpec[] {
  if (fromCity === '0357' && toCity === '0712') {
    return [
      {
        code: 'G101', trainNo: '240000G1010N', from: 'VNP', to: 'AOH', depart: '06:45', arrive: '12:29', date,
        fromNo: '01', toNo: '10',
        seats: { swz: { cell: '2', price: 176200 }, zy: { cell: '无', price: 93300 }, ze: { cell: '无', price: 55300 } },
      },
    ];
  }
  return [];
}

/** The trains of a route and date as the replay answers them (before scenario overrides). */
export function trainsFor(route: RailRoute): RailRowSpec[] {
  if (!isChinaDate(route.date)) return [];
  const date = route.date;
  const fromCity = cityOf(route.from);
  const toCity = cityOf(route.to);
  if (fromCity === toCity) return [];
  const [fromClassic, fromFast] = stationsOf(fromCity, route.from);
  const [toClassic, toFast] = stationsOf(toCity, route.to);
  const km = kmBetween(fromCity, toCity);
  const generated = generateTrains(
    TRAINS_PER_DAY,
    { from: fromClassic, to: toClassic, ...(km ? { km } : {}) },
    date,
    seedOf(`${fromCity}-${toCity}-${date}`),
  ).map((t): RailRowSpec => {
    const fast = /^[GDC]/.test(t.code);
    const from = fast ? fromFast : fromClassic;
    const to = fast ? toFast : toClassic;
    return { ...t, from, to, origin: from, terminus: to };
  });
  const fixed = fixedTrains(fromCity, toCity, date);
  const taken = new Set(fixed.map((t) => t.code));
  return [...fixed, ...generated.filter((t) => !taken.has(t.code))].sort((a, b) => a.depart.localeCompare(b.depart));
}

function withOverrides(spec: RailRowSpec, seats: Partial<Record<SeatClassId, string>> | undefined, maintenance: boolean): RailRowSpec {
  let out = spec;
  if (seats) {
    const next = { ...spec.seats };
    for (const [cls, cell] of Object.entries(seats) as [SeatClassId, string][]) {
      next[cls] = { ...next[cls], cell };
    }
    const buyable = Object.values(next).some((s) => s && (s.cell === '有' || /^[1-9]\d*$/.test(s.cell)));
    out = { ...spec, seats: next, canWebBuy: buyable ? 'Y' : 'N' };
  }
  if (maintenance) out = { ...out, button: MAINTENANCE_NOTICE, canWebBuy: 'N' };
  return out;
}

/** The JSON body of a left-ticket query for a route under the scenario. */
export function leftTicketBodyFor(route: RailRoute, s: RailScenario, opts: { maintenance?: boolean } = {}): string {
  const map: Record<string, string> = {};
  const custom = s.rows?.(route);
  const rows =
    custom ??
    trainsFor(route).map((spec) => {
      // A day's own override (G101@2026-11-24) over the train's every-day one.
      const day = s.seats[`${spec.code}@${route.date}`];
      const seats = day ? { ...s.seats[spec.code], ...day } : s.seats[spec.code];
      const t = withOverrides(spec, seats, opts.maintenance === true);
      return buildRailRow(t, '2025');
    });
  for (const row of rows) {
    const f = row.split('|');
    for (const code of [f[6], f[7]]) {
      if (code && !map[code]) map[code] = stationByTelecode(code)?.name ?? code;
    }
  }
  return buildLeftTicketBody(rows, map);
}

export { REPLAY_STATIONS };
