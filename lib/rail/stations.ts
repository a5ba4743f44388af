// Decoder of 12306's station list (station_name.js): `var station_names ='@bjb|北京北|VAP|…@…';`.
// Two generations: 6 fields per record (abbr, name, telecode, pinyin, initials, index) and the
// current 11 (adding city code, city name and three rarely-filled fields). Never throws.
import type { StationList, StationRecord } from '../model';
import { excerpt, fail, guard, ok, type DecodeIssue, type DecodeResult } from '../result';

/** The string literal assigned to station_names, or the text itself when it is bare records. */
function recordsText(text: string): string | undefined {
  const at = text.indexOf('station_names');
  if (at < 0) {
    const t = text.trim();
    return t.startsWith('@') ? t : undefined;
  }
  const eq = text.indexOf('=', at);
  if (eq < 0) return undefined;
  let q = eq + 1;
  while (q < text.length && /\s/.test(text[q]!)) q++;
  const quote = text[q];
  if (quote !== "'" && quote !== '"') return undefined;
  const end = text.indexOf(quote, q + 1);
  // A list cut off before its closing quote still holds every record up to the cut.
  return end < 0 ? text.slice(q + 1) : text.slice(q + 1, end);
}

function decode(text: string, version?: string): DecodeResult<StationList> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('empty', 'station list: empty body', '车站列表：内容为空');
  if (/^\s*</.test(body)) {
    return fail('html-page', 'station list: got an HTML page instead of station_name.js', '车站列表：返回的是网页而不是车站数据', { sample: excerpt(body) });
  }
  const records = recordsText(body);
  if (records === undefined) {
    return fail('schema', 'station list: no station_names string found', '车站列表：找不到 station_names 数据', { sample: excerpt(body) });
  }
  const issues: DecodeIssue[] = [];
  const stations: StationRecord[] = [];
  let six = 0;
  let eleven = 0;
  let spaced = 0;
  /** Field counts other than 11 among records with city fields, counted (a layout change shows here). */
  const oddLengths: Record<number, number> = {};
  const chunks = records.split('@');
  for (let i = 1; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const row = i - 1;
    if (chunk.trim() === '') {
      if (i < chunks.length - 1) issues.push({ code: 'row-short', row, message: `record ${row}: empty` });
      continue;
    }
    const f = chunk.split('|');
    if (f.length < 6) {
      issues.push({ code: 'row-short', row, message: `record ${row}: ${f.length} fields, 6 needed`, sample: excerpt(chunk, 60) });
      continue;
    }
    const rawName = f[1]!;
    // The 2021 list writes some names with inner spaces ("成  都东"); 12306 shows them without.
    const name = rawName.replace(/\s+/g, '');
    if (name !== rawName) spaced++;
    const telecode = f[2]!.trim();
    if (!name || !/^[A-Z]{3}$/.test(telecode)) {
      issues.push({ code: 'row-bad-field', row, field: name ? 'telecode' : 'name', message: `record ${row}: bad ${name ? 'telecode' : 'name'}`, sample: excerpt(chunk, 60) });
      if (!name || !telecode) continue;
    }
    if (name.includes('\uFFFD')) {
      issues.push({ code: 'other', row, field: 'name', message: `record ${row}: replacement characters in the name (not UTF-8?)`, sample: excerpt(chunk, 60) });
    }
    const idxText = f[5]!.trim();
    let index = /^\d+$/.test(idxText) ? Number(idxText) : -1;
    if (index < 0) {
      issues.push({ code: 'row-bad-field', row, field: 'index', message: `record ${row} (${name}): bad index; position used`, sample: idxText });
      index = row;
    }
    const rec: StationRecord = {
      abbr: f[0]!.trim(),
      name,
      telecode,
      pinyin: f[3]!.trim().toLowerCase(),
      initials: f[4]!.trim().toLowerCase(),
      index,
    };
    if (f.length >= 8) {
      eleven++;
      if (f.length !== 11) (oddLengths[f.length] = (oddLengths[f.length] ?? 0) + 1);
      const cityCode = f[6]!.trim();
      const cityName = f[7]!.replace(/\s+/g, '');
      if (cityCode) rec.cityCode = cityCode;
      if (cityName) rec.cityName = cityName;
    } else {
      six++;
      if (f.length > 6) issues.push({ code: 'unknown-field', row, message: `record ${row} (${name}): ${f.length} fields (expected 6 or 11)`, sample: excerpt(chunk, 60) });
    }
    stations.push(rec);
  }
  if (stations.length === 0) {
    return fail('schema', 'station list: no records in station_names', '车站列表：没有车站记录', { sample: excerpt(body) });
  }
  const format: StationList['format'] = eleven >= six ? '11-field' : '6-field';
  if (six > 0 && eleven > 0) {
    issues.push({ code: 'unknown-field', message: `${Math.min(six, eleven)} records do not have the ${format} layout of the rest` });
  }
  for (const [len, n] of Object.entries(oddLengths)) {
    issues.push({ code: 'unknown-field', message: `${n} record(s) have ${len} fields (expected 6 or 11): the layout may have changed` });
  }
  if (spaced > 0) {
    issues.push({ code: 'other', field: 'name', message: `${spaced} station names had inner spaces (e.g. 成  都东); removed` });
  }
  const value: StationList = { format, stations };
  if (version) value.version = version;
  return ok(value, issues);
}

/** Decodes station_name.js (either generation). `version` is station_version from its URL. */
export function decodeStationList(text: string, version?: string): DecodeResult<StationList> {
  return guard('station list', () => decode(typeof text === 'string' ? text : String(text), version));
}

/** Suffixes that name one station of a city (北京南, 上海虹桥) rather than another place. */
const CITY_SUFFIXES = ['虹桥', '东', '南', '西', '北', '站'] as const;

/**
 * The city a station belongs to. The 11-field list says it (cityName). For the 6-field list it is
 * derived from the name, conservatively:
 *  - a trailing direction (东/南/西/北), 站 or 虹桥 is dropped when at least two characters remain
 *    (北京南 → 北京, 成都东 → 成都, 上海虹桥 → 上海; 济南 stays 济南);
 *  - when `known` (the names of all stations) is given, the rest must also be a station name,
 *    and a district station whose name starts with a station name (北京大兴 → 北京) is mapped too.
 * Otherwise the station is its own city.
 */
export function stationCity(rec: StationRecord, known?: ReadonlySet<string>): string {
  if (rec.cityName) return rec.cityName;
  const name = rec.name;
  for (const s of CITY_SUFFIXES) {
    if (name.length - s.length >= 2 && name.endsWith(s)) {
      const rest = name.slice(0, name.length - s.length);
      if (!known || known.has(rest)) return rest;
    }
  }
  if (known && name.length >= 4) {
    for (let n = name.length - 2; n >= 2; n--) {
      const head = name.slice(0, n);
      if (known.has(head)) return head;
    }
  }
  return name;
}
