// What the background reads back from storage (captures filed earlier, diagnostics) is checked
// like anything else crossing a boundary: an older version, a half-written value or another
// extension build may have left something else there. Parsing is lenient per entry — a bad entry
// is dropped and counted, the good ones are kept — so one corrupt result never hides the rest.
import * as z from 'zod';
import type { ChinaDate } from '../model';
import { airOptionSchema, railOptionSchema } from '../messages/search';
import type { Diagnostics, DiagnosticEntry, StoredResult } from '../background/ingest';

const chinaDate = z.custom<ChinaDate>((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), 'yyyy-MM-dd');
const names = z.record(z.string(), z.string());
const count = z.number().int().min(0);

// Options keep fields this schema does not name (loose): storage must not strip the model.
const leftTicketResultSchema = z.looseObject({
  format: z.enum(['pipe', 'object']),
  fieldCounts: z.array(z.number()),
  date: chinaDate.optional(),
  stationNames: names,
  trains: z.array(railOptionSchema.loose()),
});

const flightSearchResultSchema = z.looseObject({
  source: z.enum(['top', 'fliggy']),
  date: chinaDate.optional(),
  depCity: z.string().optional(),
  arrCity: z.string().optional(),
  airports: names,
  airlines: names,
  flights: z.array(airOptionSchema.loose()),
});

export const storedResultSchema = z
  .object({
    key: z.string().min(1),
    source: z.enum(['12306', 'fliggy', 'top']),
    date: chinaDate,
    from: z.string(),
    to: z.string(),
    fromCity: z.string().optional(),
    toCity: z.string().optional(),
    at: z.number().finite(),
    url: z.string(),
    issues: count,
    rail: leftTicketResultSchema.optional(),
    air: flightSearchResultSchema.optional(),
  })
  .refine((r) => (r.source === '12306' ? !!r.rail : !!r.air), 'a result without the data of its source');

export const diagnosticEntrySchema = z.object({
  at: z.number().finite(),
  kind: z.enum(['left-ticket', 'station-list', 'fliggy-search', 'top-search', 'fliggy-dom']),
  url: z.string(),
  status: z.number(),
  code: z.string(),
  message: z.string(),
  sample: z.string(),
});

/** The stored results that are valid; `dropped` counts the entries that were not. */
export function parseStoredResults(raw: unknown): { results: StoredResult[]; dropped: number } {
  if (raw === null || raw === undefined) return { results: [], dropped: 0 };
  if (!Array.isArray(raw)) return { results: [], dropped: 1 };
  const results: StoredResult[] = [];
  for (const item of raw) {
    const r = storedResultSchema.safeParse(item);
    if (r.success) results.push(r.data as unknown as StoredResult);
  }
  return { results, dropped: raw.length - results.length };
}

/**
 * The stored diagnostics with their valid entries; counters that are not counts start again at
 * what the list holds. `dropped` counts entries (or a whole value) that were not valid.
 */
export function parseDiagnostics(raw: unknown): { diagnostics: Diagnostics; dropped: number } {
  if (raw === null || raw === undefined) return { diagnostics: { entries: [], undecodable: 0, unrecognised: 0 }, dropped: 0 };
  const obj = z.looseObject({}).safeParse(raw);
  if (!obj.success) return { diagnostics: { entries: [], undecodable: 0, unrecognised: 0 }, dropped: 1 };
  const v = obj.data as Record<string, unknown>;
  const list = Array.isArray(v.entries) ? v.entries : [];
  const entries: DiagnosticEntry[] = [];
  for (const item of list) {
    const e = diagnosticEntrySchema.safeParse(item);
    if (e.success) entries.push(e.data);
  }
  const dropped = list.length - entries.length + (Array.isArray(v.entries) ? 0 : 1);
  const num = (x: unknown, min: number) => {
    const n = count.safeParse(x);
    return n.success ? Math.max(n.data, min) : min;
  };
  const prior = count.safeParse(v.dropped);
  return {
    diagnostics: {
      entries,
      undecodable: num(v.undecodable, entries.length),
      unrecognised: num(v.unrecognised, 0),
      ...(prior.success && prior.data > 0 ? { dropped: prior.data } : {}),
    },
    dropped,
  };
}
