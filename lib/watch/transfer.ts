// Export and import of watches as a JSON file. Only what a person chose travels (the definition);
// the runtime state (history, sightings, errors) starts afresh on import. Imports are validated
// with zod watch by watch: a bad entry is reported by index, never silently dropped.
import * as z from 'zod/mini';
import '../zod-locale';
import type { EpochMs } from '../model';
import {
  fareDefinitionSchema,
  newFareWatch,
  newRailWatch,
  railDefinitionSchema,
  sameRailDefinition,
  type Watch,
} from './model';

export const EXPORT_FORMAT = 'railair-watches';

const exportedSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.optional(z.number()),
  watches: z.array(z.unknown()).check(z.maxLength(1000)),
});

const entrySchema = z.discriminatedUnion('kind', [
  z.extend(railDefinitionSchema, { kind: z.literal('rail'), paused: z.optional(z.boolean()) }),
  z.extend(fareDefinitionSchema, { kind: z.literal('fare'), paused: z.optional(z.boolean()) }),
]);

/**
 * The export file. Watches this build cannot read go with it as they were stored (`unreadable`),
 * so the user can keep them, or hand them to a build that reads them; import ignores them.
 */
export function exportWatches(watches: readonly Watch[], now: EpochMs, unreadable: readonly unknown[] = []): string {
  const out = watches.map((w) =>
    w.kind === 'rail'
      ? {
          kind: 'rail' as const,
          date: w.date,
          from: w.from,
          to: w.to,
          trains: w.trains,
          trainNos: w.trainNos,
          ...(w.filter ? { filter: w.filter } : {}),
          classes: w.classes,
          seats: w.seats,
          ...(w.flexDays ? { flexDays: w.flexDays } : {}),
          paused: w.paused,
        }
      : { kind: 'fare' as const, date: w.date, fromCity: w.fromCity, toCity: w.toCity, maxFen: w.maxFen, paused: w.paused },
  );
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: now, watches: out, ...(unreadable.length ? { unreadable } : {}) }, null, 2);
}

export interface ImportResult {
  /** The full list after the import (existing first). */
  watches: Watch[];
  added: number;
  /** Entries identical to a watch already there. */
  duplicates: number;
  /** Entries that did not validate: index and why. */
  errors: { index: number; message: string }[];
}

export function importWatches(text: string, existing: readonly Watch[], now: EpochMs, newId: () => string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { watches: [...existing], added: 0, duplicates: 0, errors: [{ index: -1, message: 'not JSON' }] };
  }
  const file = exportedSchema.safeParse(raw);
  if (!file.success) {
    return { watches: [...existing], added: 0, duplicates: 0, errors: [{ index: -1, message: `not a RailAir watch file: ${file.error.issues[0]?.message ?? ''}` }] };
  }
  const watches = [...existing];
  let added = 0;
  let duplicates = 0;
  const errors: ImportResult['errors'] = [];
  file.data.watches.forEach((entry, index) => {
    const p = entrySchema.safeParse(entry);
    if (!p.success) {
      const issue = p.error.issues[0];
      errors.push({ index, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
      return;
    }
    const e = p.data;
    if (e.kind === 'rail') {
      const { kind: _k, paused, ...def } = e;
      if (watches.some((w) => w.kind === 'rail' && sameRailDefinition(w, def))) return void duplicates++;
      watches.push({ ...newRailWatch({ ...def, origin: 'import' }, newId(), now), paused: paused ?? false });
    } else {
      const { kind: _k, paused, ...def } = e;
      const same = (w: Watch) =>
        w.kind === 'fare' && w.date === def.date && w.fromCity === def.fromCity && w.toCity === def.toCity && w.maxFen === def.maxFen;
      if (watches.some(same)) return void duplicates++;
      watches.push({ ...newFareWatch(def, newId(), now), paused: paused ?? false });
    }
    added++;
  });
  return { watches, added, duplicates, errors };
}
