// The trains and classes a route's active train watches name, for the 12306 bells: a bell on a
// watched class shows it, and a second click removes that watch.
import type { SeatClassId } from '../model';
import type { Watch } from './model';

export function watchedItems(watches: readonly Watch[], q: { date: string; from: string; to: string }): { id: string; train: string; cls: SeatClassId }[] {
  const out: { id: string; train: string; cls: SeatClassId }[] = [];
  for (const w of watches) {
    if (w.kind !== 'rail' || w.status === 'expired' || w.date !== q.date || w.from.telecode !== q.from || w.to.telecode !== q.to) continue;
    for (const train of w.trains) for (const cls of w.classes) out.push({ id: w.id, train, cls });
  }
  return out;
}
