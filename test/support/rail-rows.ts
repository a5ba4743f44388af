// Builds 12306 left-ticket rows and responses in the documented wire layout (issue 2), for the
// tests, the replay server, the demo and the benchmarks. Three generations of rows:
//   '2018'   37 fields, ends at exchange_train_flag; prices (if any) in yp_info (12)
//   '2025'   58 fields as 12306 sends them now (…|sale_time|Y|), prices in yp_info_new (39),
//            an opaque token in yp_info (12)
//   'future' the 2025 row with fields appended, as 12306 has done before
import type { ChinaDate, Fen, SeatClassId, StationRecord } from '../../lib/model';
import { DEFAULT_CODE, SEAT_CLASSES, formatPriceGroup, type PriceGroup } from '../../lib/rail/seats';

export type RailLayout = '2018' | '2025' | 'future';

export interface RailSeatSpec {
  /** The count cell as 12306 writes it: digits, 有, 无, 候补, *, -- or ''. */
  cell: string;
  /** Adult price in fen (a multiple of 10: the wire carries tenths of a yuan). */
  price?: Fen;
  /** Seat code letter when not the class's usual one (I 一等卧, J 二等卧, A 高级动卧, S 二等包座). */
  code?: string;
}

export interface RailRowSpec {
  /** Train code people use: G101. */
  code: string;
  /** 12306's internal number; derived from the code when omitted (240000G1010D-like). */
  trainNo?: string;
  /** From / to telecodes of the query. */
  from: string;
  to: string;
  /** Origin / terminus of the whole train; default from / to. */
  origin?: string;
  terminus?: string;
  /** "HH:mm", China time at the from / to station. */
  depart: string;
  arrive: string;
  /** Minutes; default from the clock times (+ arriveDayOffset days). */
  durationMin?: number;
  /** Default: 1 when arrive < depart, else 0. */
  arriveDayOffset?: number;
  /** start_train_date, yyyy-MM-dd. */
  date: ChinaDate;
  /** buttonTextInfo; default 预订. */
  button?: string;
  /** Default Y. */
  canWebBuy?: string;
  seats: Partial<Record<SeatClassId, RailSeatSpec>>;
  fromNo?: string;
  toNo?: string;
  /** sale_time as the 2025 row writes it (yyyyMMddHHmm) or HHmm. */
  saleTime?: string;
  /** secretStr; default a deterministic token of realistic length. */
  secret?: string;
  /** 2018 rows only: write prices into yp_info (older rows) instead of an opaque token. */
  pricesInYpInfo?: boolean;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const hmToMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

import { rng } from './rng';

export { rng };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function token(seed: string, len: number): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  const r = rng(h);
  let s = '';
  while (s.length < len) {
    const x = r();
    s += x < 0.04 ? '%2B' : x < 0.07 ? '%2F' : B64[Math.floor(r() * B64.length)];
  }
  return s;
}

function trainNoOf(code: string): string {
  return `24000${code}`.padEnd(12, '0').slice(0, 12);
}

function countForGroup(cell: string): number {
  if (/^\d+$/.test(cell)) return Math.min(Number(cell), 2999);
  return cell === '有' ? 21 : 0;
}

/** yp_info_new-style price groups for the seats that have a price (无座 as count + 3000). */
export function priceGroupsOf(seats: RailRowSpec['seats']): string {
  const groups: PriceGroup[] = [];
  const standingCode = seats.ze ? 'O' : seats.yz ? '1' : 'W';
  for (const c of SEAT_CLASSES) {
    const s = seats[c.id];
    if (!s || s.price === undefined) continue;
    if (c.id === 'wz') groups.push({ code: s.code ?? standingCode, price: s.price, count: countForGroup(s.cell), standing: true });
    else groups.push({ code: s.code ?? DEFAULT_CODE[c.id], price: s.price, count: countForGroup(s.cell), standing: false });
  }
  return groups.map(formatPriceGroup).join('');
}

/** One `|`-separated row in the given layout. */
export function buildRailRow(spec: RailRowSpec, layout: RailLayout): string {
  const depart = hmToMin(spec.depart);
  const arrive = hmToMin(spec.arrive);
  const offset = spec.arriveDayOffset ?? (arrive < depart ? 1 : 0);
  const dur = spec.durationMin ?? arrive + offset * 1440 - depart;
  const lishi = `${pad2(Math.floor(dur / 60))}:${pad2(dur % 60)}`;
  const compactDate = spec.date.replaceAll('-', '');
  const prices = priceGroupsOf(spec.seats);
  const present = SEAT_CLASSES.filter((c) => spec.seats[c.id] && spec.seats[c.id]!.cell !== '--' && spec.seats[c.id]!.cell !== '');
  const codes = present.map((c) => spec.seats[c.id]!.code ?? (c.id === 'wz' ? 'W' : DEFAULT_CODE[c.id]));
  const f: string[] = new Array(layout === '2018' ? 37 : 58).fill('');
  f[0] = spec.secret ?? token(`${spec.code}${spec.date}${spec.from}`, layout === '2018' ? 300 : 560);
  f[1] = spec.button ?? '预订';
  f[2] = spec.trainNo ?? trainNoOf(spec.code);
  f[3] = spec.code;
  f[4] = spec.origin ?? spec.from;
  f[5] = spec.terminus ?? spec.to;
  f[6] = spec.from;
  f[7] = spec.to;
  f[8] = spec.depart;
  f[9] = spec.arrive;
  f[10] = lishi;
  f[11] = spec.canWebBuy ?? 'Y';
  f[12] = layout === '2018' && spec.pricesInYpInfo && prices ? prices : token(`yp${spec.code}`, 48);
  f[13] = compactDate;
  f[14] = '3';
  f[15] = 'P2';
  f[16] = spec.fromNo ?? '01';
  f[17] = spec.toNo ?? '05';
  f[18] = '1';
  f[19] = '0';
  for (const c of SEAT_CLASSES) {
    const s = spec.seats[c.id];
    f[c.index] = s ? s.cell : '';
  }
  f[34] = codes.map((c) => `${c}0`).join('');
  f[35] = codes.join('');
  f[36] = '0';
  if (layout !== '2018') {
    f[37] = '1';
    f[39] = prices;
    f[40] = '0';
    f[45] = '1';
    f[46] = '0#1#0#S#z#0#z#z';
    f[49] = 'CHN,CHN';
    f[52] = 'N#N#';
    f[55] = spec.saleTime ?? `${compactDate}1230`;
    f[56] = 'Y';
  } else if (spec.saleTime) {
    // 2018 rows had no sale_time field; nothing to write.
  }
  if (layout === 'future') f.push('X2', '', '1#2#3', '', 'N', '');
  return f.join('|');
}

/** The JSON envelope 12306 wraps rows in. `map`: telecode → station name. */
export function buildLeftTicketBody(rows: string[], map: Record<string, string> = {}): string {
  return JSON.stringify({ httpstatus: 200, data: { result: rows, flag: '1', level: '', sametlc: 'N', map }, messages: '', status: true });
}

/** The pre-2017 object format (data[].queryLeftNewDTO) for the same specs. */
export function buildObjectFormatBody(specs: RailRowSpec[], names: Record<string, string> = {}): string {
  const data = specs.map((spec) => {
    const depart = hmToMin(spec.depart);
    const arrive = hmToMin(spec.arrive);
    const offset = spec.arriveDayOffset ?? (arrive < depart ? 1 : 0);
    const dur = spec.durationMin ?? arrive + offset * 1440 - depart;
    const dto: Record<string, string | number> = {
      train_no: spec.trainNo ?? trainNoOf(spec.code),
      station_train_code: spec.code,
      start_station_telecode: spec.origin ?? spec.from,
      start_station_name: names[spec.origin ?? spec.from] ?? '',
      end_station_telecode: spec.terminus ?? spec.to,
      end_station_name: names[spec.terminus ?? spec.to] ?? '',
      from_station_telecode: spec.from,
      from_station_name: names[spec.from] ?? '',
      to_station_telecode: spec.to,
      to_station_name: names[spec.to] ?? '',
      start_time: spec.depart,
      arrive_time: spec.arrive,
      day_difference: String(offset),
      lishi: `${pad2(Math.floor(dur / 60))}:${pad2(dur % 60)}`,
      canWebBuy: spec.canWebBuy ?? 'Y',
      lishiValue: String(dur),
      yp_info: token(`yp${spec.code}`, 48),
      start_train_date: spec.date.replaceAll('-', ''),
      seat_types: '',
      from_station_no: spec.fromNo ?? '01',
      to_station_no: spec.toNo ?? '05',
      sale_time: spec.saleTime ?? '1330',
      control_day: 29,
      yb_num: '--',
    };
    for (const c of SEAT_CLASSES) dto[c.field] = spec.seats[c.id]?.cell ?? '--';
    return { queryLeftNewDTO: dto, secretStr: '', buttonTextInfo: spec.button ?? '预订' };
  });
  return JSON.stringify({ validateMessagesShowId: '_validatorMessage', status: true, httpstatus: 200, data, messages: [], validateMessages: {} }, null, 2);
}

// ───────────────────────────── realistic generated trains ─────────────────────────────

export interface RailRoute {
  from: string;
  to: string;
  /** Rail distance in km; sets durations and prices. Default 1300 (Beijing–Shanghai). */
  km?: number;
}

const CELL_POOL = ['有', '有', '有', '无', '无', '候补', '*', '1', '2', '5', '9', '12', '17', '20', '3'];

interface TypeProfile {
  letter: string;
  share: number;
  kmh: number;
  /** Seat classes and fen per km. */
  classes: [SeatClassId, number, string?][];
  overnight: boolean;
}

const PROFILES: TypeProfile[] = [
  { letter: 'G', share: 0.45, kmh: 290, classes: [['swz', 140], ['zy', 68], ['ze', 43], ['wz', 43]], overnight: false },
  { letter: 'D', share: 0.15, kmh: 200, classes: [['zy', 45], ['ze', 30], ['srrb', 55], ['rw', 70, 'I'], ['yw', 50, 'J'], ['wz', 30]], overnight: true },
  { letter: 'C', share: 0.05, kmh: 180, classes: [['zy', 40], ['ze', 25], ['wz', 25]], overnight: false },
  { letter: 'Z', share: 0.1, kmh: 110, classes: [['gr', 60], ['rw', 38], ['yw', 25], ['yz', 14], ['wz', 14]], overnight: true },
  { letter: 'T', share: 0.1, kmh: 95, classes: [['rw', 36], ['yw', 24], ['yz', 13], ['wz', 13]], overnight: true },
  { letter: 'K', share: 0.15, kmh: 80, classes: [['rw', 34], ['yw', 22], ['rz', 18], ['yz', 12], ['wz', 12]], overnight: true },
];

/**
 * `n` varied trains for one route and date: G/D/C/Z/T/K, overnight sleepers, sold-out and
 * waitlist-only classes, every kind of count cell, and yp_info_new prices. Deterministic per seed.
 */
export function generateTrains(n: number, route: RailRoute, date: ChinaDate, seed = 1): RailRowSpec[] {
  const r = rng(seed);
  const km = route.km ?? 1300;
  const used = new Set<string>();
  const out: RailRowSpec[] = [];
  for (let i = 0; i < n; i++) {
    let pick = r();
    const p = PROFILES.find((x) => (pick -= x.share) < 0) ?? PROFILES[0]!;
    let code = '';
    do code = `${p.letter}${1 + Math.floor(r() * 9998)}`;
    while (used.has(code));
    used.add(code);
    const dur = Math.round((km / p.kmh) * 60 + r() * 40);
    // Overnight types leave in the evening; others through the day.
    const dep = p.overnight && r() < 0.6 ? 17 * 60 + Math.floor(r() * 420) : 6 * 60 + Math.floor(r() * 900);
    const depMin = dep % 1440;
    const arrAbs = depMin + dur;
    const seats: RailRowSpec['seats'] = {};
    const soldOut = r() < 0.15;
    for (const [cls, perKm, seatCode] of p.classes) {
      if (cls === 'srrb' && r() < 0.7) continue;
      if ((cls === 'rw' || cls === 'yw') && p.letter === 'D' && !seats.srrb && r() < 0.8) continue;
      if (cls === 'swz' && r() < 0.2) continue;
      const cell = soldOut ? (r() < 0.5 ? '无' : '候补') : CELL_POOL[Math.floor(r() * CELL_POOL.length)]!;
      const price = Math.round((km * perKm) / 10 / 5) * 50; // fen, whole half-yuan
      seats[cls] = seatCode ? { cell, price, code: seatCode } : { cell, price };
    }
    out.push({
      code,
      from: route.from,
      to: route.to,
      depart: `${pad2(Math.floor(depMin / 60))}:${pad2(depMin % 60)}`,
      arrive: `${pad2(Math.floor((arrAbs % 1440) / 60))}:${pad2(arrAbs % 60)}`,
      durationMin: dur,
      arriveDayOffset: Math.floor(arrAbs / 1440),
      date,
      canWebBuy: Object.values(seats).some((s) => s.cell === '有' || /^[1-9]\d*$/.test(s.cell)) ? 'Y' : 'N',
      seats,
      fromNo: '01',
      toNo: pad2(2 + Math.floor(r() * 12)),
    });
  }
  return out.sort((a, b) => a.depart.localeCompare(b.depart));
}

// ───────────────────────────── station lists ─────────────────────────────

/** station_name.js text for records, in the 6-field or the current 11-field layout. */
export function buildStationNameJs(stations: StationRecord[], format: '6-field' | '11-field'): string {
  const recs = stations.map((s) =>
    format === '6-field'
      ? `@${s.abbr}|${s.name}|${s.telecode}|${s.pinyin}|${s.initials}|${s.index}`
      : `@${s.abbr}|${s.name}|${s.telecode}|${s.pinyin}|${s.initials}|${s.index}|${s.cityCode ?? ''}|${s.cityName ?? ''}|||`,
  );
  return `var station_names ='${recs.join('')}';`;
}

const SYLLABLES: [string, string][] = [
  ['安', 'an'], ['宝', 'bao'], ['长', 'chang'], ['大', 'da'], ['峨', 'e'], ['丰', 'feng'], ['广', 'guang'], ['海', 'hai'],
  ['吉', 'ji'], ['开', 'kai'], ['兰', 'lan'], ['明', 'ming'], ['宁', 'ning'], ['平', 'ping'], ['青', 'qing'], ['瑞', 'rui'],
  ['山', 'shan'], ['泰', 'tai'], ['武', 'wu'], ['新', 'xin'], ['阳', 'yang'], ['州', 'zhou'], ['庄', 'zhuang'], ['城', 'cheng'],
  ['河', 'he'], ['江', 'jiang'], ['林', 'lin'], ['水', 'shui'], ['德', 'de'], ['云', 'yun'], ['昌', 'chang'], ['福', 'fu'],
];
const DIRECTIONS: [string, string][] = [['东', 'dong'], ['南', 'nan'], ['西', 'xi'], ['北', 'bei']];

/**
 * `n` made-up stations in 11-field shape: cities of 2–3 syllables, each with a main station and
 * sometimes 东/南/西/北 stations, unique telecodes, 12306-like indices.
 */
export function generateStations(n: number, seed = 7): StationRecord[] {
  const r = rng(seed);
  const out: StationRecord[] = [];
  const names = new Set<string>();
  const codes = new Set<string>();
  const telecode = () => {
    let c: string;
    do c = Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(r() * 26))).join('');
    while (codes.has(c));
    codes.add(c);
    return c;
  };
  let cityNo = 0;
  while (out.length < n) {
    const parts = Array.from({ length: 2 + (r() < 0.3 ? 1 : 0) }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]!);
    const city = parts.map((p) => p[0]).join('');
    if (names.has(city)) continue;
    const cityCode = String(1000 + cityNo++);
    const variants: [string, string][] = [['', '']];
    for (const d of DIRECTIONS) if (r() < 0.25) variants.push(d);
    for (const [zh, py] of variants) {
      if (out.length >= n) break;
      const name = city + zh;
      names.add(name);
      const pinyin = parts.map((p) => p[1]).join('') + py;
      const initials = parts.map((p) => p[1][0]).join('') + (py ? py[0] : '');
      out.push({ abbr: initials.slice(0, 3), name, telecode: telecode(), pinyin, initials, index: out.length, cityCode, cityName: city });
    }
  }
  return out;
}
