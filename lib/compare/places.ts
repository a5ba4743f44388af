// The two ends of a query as places: every station and airport of a city, so 北京 → 上海 matches
// all Beijing stations and airports against all Shanghai ones. Cities follow 12306's grouping
// (the station list's city name), which lib/air/cities.ts mirrors for airports.
//
// Station telecodes and IATA codes are both three capital letters and do collide (HGH is 杭州东
// and Hangzhou airport; ENH is 合肥南 and 恩施 airport), so callers that know what a code is
// should say so with a PlaceQuery rather than a bare string.
import { cityByCode, cityByName, citiesByName, cityOfAirport } from '../air/cities';
import type { StationList, StationRecord, TravelOption } from '../model';
import { fail, ok, type DecodeIssue, type DecodeResult } from '../result';
import { stationCity } from '../rail/stations';

export interface Place {
  /** City name as 12306 writes it (北京, 延边). */
  city: string;
  /** IATA city code when the city has an airport (BJS). */
  cityCode?: string;
  /** Telecodes of the city's stations (empty when no station list was given). */
  stations: string[];
  /** IATA codes of the city's airports. */
  airports: string[];
}

export type PlaceQuery =
  | { name: string }
  | { telecode: string }
  | { cityCode: string }
  | { airport: string };

/** Station list lookups, built once per list. */
export interface StationCities {
  cityOfTelecode: Map<string, string>;
  stationsOfCity: Map<string, string[]>;
  cityOfName: Map<string, string>;
}

const cache = new WeakMap<object, StationCities>();

export function indexStations(list: StationList | readonly StationRecord[]): StationCities {
  const hit = cache.get(list);
  if (hit) return hit;
  const records = 'stations' in list ? list.stations : list;
  const known = new Set(records.map((r) => r.name));
  const idx: StationCities = { cityOfTelecode: new Map(), stationsOfCity: new Map(), cityOfName: new Map() };
  for (const rec of records) {
    const city = stationCity(rec, known);
    idx.cityOfTelecode.set(rec.telecode, city);
    idx.cityOfName.set(rec.name, city);
    const list = idx.stationsOfCity.get(city) ?? [];
    if (!list.includes(rec.telecode)) list.push(rec.telecode);
    idx.stationsOfCity.set(city, list);
  }
  cache.set(list, idx);
  return idx;
}

function placeOfCity(city: string, idx: StationCities | undefined, cityCode?: string): Place {
  const airports = citiesByName(city).flatMap((c) => c.airports.map((a) => a.code));
  const code = cityCode ?? cityByName(city)?.code;
  const place: Place = { city, stations: [...(idx?.stationsOfCity.get(city) ?? [])], airports: [...new Set(airports)] };
  if (code) place.cityCode = code;
  return place;
}

function parseQuery(q: string | PlaceQuery, idx: StationCities | undefined): PlaceQuery {
  if (typeof q !== 'string') return q;
  const s = q.trim();
  if (!/^[A-Za-z]{3}$/.test(s)) return { name: s };
  const code = s.toUpperCase();
  if (cityByCode(code)) return { cityCode: code };
  if (cityOfAirport(code)) return { airport: code };
  if (idx?.cityOfTelecode.has(code) || !idx) return { telecode: code };
  return { cityCode: code };
}

/**
 * Resolves one end of a query: a city or station name (北京, 北京南), a station telecode, an IATA
 * city code or an airport code. A bare three-letter string is tried as city code, airport code,
 * then telecode (an issue says so when it is more than one of them).
 */
export function resolvePlace(
  query: string | PlaceQuery,
  stations?: StationList | readonly StationRecord[],
): DecodeResult<Place> {
  const idx = stations ? indexStations(stations) : undefined;
  const q = parseQuery(query, idx);
  const issues: DecodeIssue[] = [];
  if (typeof query === 'string' && !('name' in q)) {
    const code = query.trim().toUpperCase();
    const kinds = [
      cityByCode(code) && 'an IATA city code',
      cityOfAirport(code) && 'an airport code',
      idx?.cityOfTelecode.has(code) && 'a station telecode',
    ].filter(Boolean);
    if (kinds.length > 1) {
      issues.push({ code: 'other', field: 'place', message: `${code} is ${kinds.join(', ')}; read as ${kinds[0]}`, sample: code });
    }
  }
  if ('name' in q) {
    const name = q.name.trim();
    if (!name) return fail('bad-input', 'place: empty name', '地点：名称为空');
    const city = idx?.stationsOfCity.has(name) ? name : (idx?.cityOfName.get(name) ?? cityByName(name)?.name ?? name);
    const place = placeOfCity(city, idx);
    if (place.stations.length === 0 && place.airports.length === 0) {
      if (!idx) {
        // Without a station list an unknown name may still be a railway city: keep it, matched by name.
        issues.push({ code: 'other', field: 'place', message: `${name}: no station list, and no airport in this city`, sample: name });
        return ok(place, issues);
      }
      return fail('bad-input', `place: no station or airport called ${name}`, `地点：找不到名为「${name}」的车站或机场`);
    }
    return ok(place, issues);
  }
  if ('telecode' in q) {
    const code = q.telecode.trim().toUpperCase();
    const city = idx?.cityOfTelecode.get(code);
    if (city) return ok(placeOfCity(city, idx), issues);
    if (idx) return fail('bad-input', `place: unknown station telecode ${code}`, `地点：未知的车站电报码 ${code}`);
    issues.push({ code: 'other', field: 'place', message: `${code}: no station list, so only this station and no airports`, sample: code });
    return ok({ city: code, stations: [code], airports: [] }, issues);
  }
  if ('cityCode' in q) {
    const c = cityByCode(q.cityCode);
    if (!c) return fail('bad-input', `place: unknown IATA city code ${q.cityCode}`, `地点：未知的城市代码 ${q.cityCode}`);
    return ok(placeOfCity(c.name, idx, c.code), issues);
  }
  const c = cityOfAirport(q.airport);
  if (!c) return fail('bad-input', `place: unknown airport code ${q.airport}`, `地点：未知的机场代码 ${q.airport}`);
  return ok(placeOfCity(c.name, idx, c.code), issues);
}

/** The city a station belongs to, from its name, when the place carries no station list. */
function cityOfStationName(name: string): string {
  return stationCity({ abbr: '', name, telecode: '', pinyin: '', initials: '', index: 0 });
}

function railEndIn(end: { telecode: string; name?: string }, place: Place): boolean | undefined {
  if (place.stations.length > 0) return place.stations.includes(end.telecode);
  if (!end.name) return undefined;
  const city = cityOfStationName(end.name);
  if (city === place.city) return true;
  // Newer stations carry a district after the city (北京丰台, 北京朝阳, 上海松江): without the
  // station list's city field, a name that starts with the city's name is that city's.
  if (end.name.startsWith(place.city)) return true;
  // Without the station list's city names, 延吉西 → 延吉 cannot be seen to be 12306's 延边; the
  // airport cities named 延吉 can (YNJ is one of 延边's airports).
  return citiesByName(city).some((c) => c.airports.some((a) => place.airports.includes(a.code)));
}

/**
 * Whether an option really goes from `from` to `to`. Undefined when it cannot be told (a train
 * whose stations have no name, with places resolved without a station list).
 */
export function goesBetween(option: TravelOption, from: Place, to: Place): boolean | undefined {
  if (option.mode === 'air') return from.airports.includes(option.from.code) && to.airports.includes(option.to.code);
  const a = railEndIn(option.from, from);
  const b = railEndIn(option.to, to);
  if (a === false || b === false) return false;
  return a === undefined || b === undefined ? undefined : true;
}

/** Keeps the options that go between the places; the rest are counted, never silently dropped. */
export function filterToPlaces<T extends TravelOption>(
  options: readonly T[],
  from: Place,
  to: Place,
): { kept: T[]; dropped: T[]; unchecked: number } {
  const kept: T[] = [];
  const dropped: T[] = [];
  let unchecked = 0;
  for (const o of options) {
    const v = goesBetween(o, from, to);
    if (v === false) dropped.push(o);
    else {
      if (v === undefined) unchecked++;
      kept.push(o);
    }
  }
  return { kept, dropped, unchecked };
}
