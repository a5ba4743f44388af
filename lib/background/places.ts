// Where a captured or requested route is: a page's station or city resolved to a Place (all the
// stations and airports of the city), and the names the sites use for it. Shared by the capture
// service (filing results under 12306 city names) and the overlay (looking them up).
import type { FlightSearchResult, StationList } from '../model';
import { resolvePlace, type Place, type PlaceQuery } from '../compare/places';
import type { PlaceRef } from '../capture/view';
import type { StationRef } from '../sites/12306-page';
import type { FliggySearch } from '../sites/fliggy-page';
import { CITIES, cityByCode, cityOfAirport } from '../air/cities';

/** The city a station belongs to (北京南 → 北京), by telecode with the station list, else by name. */
export function railCityOf(ref: StationRef | undefined, list?: StationList): string | undefined {
  return placeOf(ref, list)?.city;
}

/** Resolves a page's end of the route to a Place (all stations and airports of the city). */
export function placeOf(ref: PlaceRef | undefined, list?: StationList): Place | undefined {
  if (!ref) return undefined;
  const tries: PlaceQuery[] = [];
  if (ref.cityCode) tries.push({ cityCode: ref.cityCode });
  if (ref.telecode && list) tries.push({ telecode: ref.telecode });
  if (ref.name) tries.push({ name: ref.name });
  for (const q of tries) {
    const r = resolvePlace(q, list);
    if (r.ok) return r.value;
  }
  return undefined;
}

/**
 * The IATA code of an airport as Fliggy's list names it ("首都机场", "浦东国际机场"): among the
 * search's two cities first, else any city with exactly one airport of that name.
 */
export function airportCodeResolver(search: Pick<FliggySearch, 'depCity' | 'arrCity'>): (name: string) => string | undefined {
  const near = [search.depCity, search.arrCity].flatMap((code) => (code ? (cityByCode(code)?.airports ?? []) : []));
  return (name) => {
    const n = name.replace(/\s+/g, '');
    const hit = near.find((a) => n.startsWith(a.name));
    if (hit) return hit.code;
    const all = CITIES.flatMap((city) => city.airports).filter((a) => n.startsWith(a.name));
    return all.length === 1 ? all[0]!.code : undefined;
  };
}

/** The 12306 city name for an IATA city code (BJS → 北京). */
export function airCityName(code: string | undefined): string | undefined {
  return code ? cityByCode(code)?.name : undefined;
}

/** The IATA city of the first flight's departure or arrival airport. */
export function firstCity(value: FlightSearchResult, side: 'from' | 'to'): string | undefined {
  const f = value.flights[0];
  if (!f) return undefined;
  return f[side].city ?? cityOfAirport(f[side].code)?.code;
}

/** The station of a city to search from on 12306: the one named like the city (北京), else the first. */
export function mainStation(place: Place, list: StationList | undefined): { name: string; telecode: string } | undefined {
  if (!list) return undefined;
  const same = list.stations.find((s) => s.name === place.city && place.stations.includes(s.telecode));
  const rec = same ?? list.stations.find((s) => s.telecode === place.stations[0]);
  return rec ? { name: rec.name, telecode: rec.telecode } : undefined;
}
