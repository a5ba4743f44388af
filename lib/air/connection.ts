// A connection (one ticket, two or more flights: Fliggy's transfer items) in words: where it
// changes planes. Screens list connections apart from direct flights and say this beside them.
import type { Bilingual } from '../i18n';
import type { AirOption } from '../model';

/** "经 武汉天河 中转" / "via WUH"; undefined for a direct flight. */
export function connectionVia(o: AirOption): Bilingual | undefined {
  if (!o.transfer) return undefined;
  const stops = (o.legs ?? []).slice(0, -1).map((l) => l.to);
  if (stops.length === 0) return { zh: '中转', en: 'connection' };
  return { zh: `经 ${stops.map((a) => a.name ?? a.code).join('、')} 中转`, en: `via ${stops.map((a) => a.code).join(', ')}` };
}

/** Direct flights first, then connections, each in the order given. */
export function directFirst<T>(items: readonly T[], isConnection: (t: T) => boolean): { direct: T[]; connections: T[] } {
  const direct: T[] = [];
  const connections: T[] = [];
  for (const t of items) (isConnection(t) ? connections : direct).push(t);
  return { direct, connections };
}
