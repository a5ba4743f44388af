// What a traveller may type for a flight's city: the city (北京), an airport's short name with or
// without the city or 机场 (大兴, 北京大兴, 虹桥机场), an IATA city code (BJS) or airport code (PKX).
// Every form resolves to the IATA city code fares are searched by, since Fliggy compares cities.
import { CITIES, cityByCode, cityByName, cityOfAirport, type AirCity } from './cities';

let byAirportName: Map<string, AirCity> | undefined;

function airportNames(): Map<string, AirCity> {
  if (byAirportName) return byAirportName;
  byAirportName = new Map();
  for (const city of CITIES) {
    for (const a of city.airports) {
      for (const key of [a.name, `${city.name}${a.name}`, `${city.airName ?? city.name}${a.name}`]) if (!byAirportName.has(key)) byAirportName.set(key, city);
    }
  }
  return byAirportName;
}

export function resolveAirCity(input: string): { code: string; name: string } | undefined {
  const q = input.trim().replace(/\s+/g, '');
  if (!q || q.length > 20) return undefined;
  const upper = q.toUpperCase();
  const city =
    (/^[A-Z]{3}$/.test(upper) ? (cityByCode(upper) ?? cityOfAirport(upper)) : undefined) ??
    cityByName(q) ??
    cityByName(q.replace(/(国际)?机场$/, '')) ??
    airportNames().get(q.replace(/(国际)?机场$/, ''));
  return city ? { code: city.code, name: city.airName ?? city.name } : undefined;
}
