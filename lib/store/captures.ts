// The latest decoded capture per (source, date, from, to) (local:captureResults). What the
// background reads back is checked like anything else crossing a boundary: an older version, a
// half-written value or another build may have left something else there. Parsing is lenient
// per entry — a bad entry is dropped and counted, the good ones kept — so one corrupt result
// never hides the rest.
import * as z from 'zod/mini';
import '../zod-locale';
import type { FlightSearchResult, LeftTicketResult } from '../model';
import { airOptionSchema, chinaDateSchema, nameMapSchema, railOptionSchema } from '../model-schemas';

const names = nameMapSchema;
const count = z.number().check(z.int(), z.gte(0));

// Options keep fields this schema does not name (loose): storage must not strip the model.
const leftTicketResultSchema = z.looseObject({
  format: z.enum(['pipe', 'object']),
  fieldCounts: z.array(z.number()),
  date: z.optional(chinaDateSchema),
  stationNames: names,
  trains: z.array(z.looseObject(railOptionSchema.shape)),
});

const flightSearchResultSchema = z.looseObject({
  source: z.enum(['top', 'fliggy']),
  date: z.optional(chinaDateSchema),
  depCity: z.optional(z.string()),
  arrCity: z.optional(z.string()),
  airports: names,
  airlines: names,
  flights: z.array(z.looseObject(airOptionSchema.shape)),
});

export const storedResultSchema = z
  .object({
    key: z.string().check(z.minLength(1)),
    source: z.enum(['12306', 'fliggy', 'top']),
    date: chinaDateSchema,
    /** Rail: queried telecodes (BJP); air: IATA city codes (BJS). */
    from: z.string(),
    to: z.string(),
    /** City names as 12306's station list writes them (北京), the key overlays look results up by. */
    fromCity: z.optional(z.string()),
    toCity: z.optional(z.string()),
    /** When the capture arrived (background clock); zod numbers refuse NaN and ±Infinity. */
    at: z.number(),
    url: z.string(),
    /** Rows the decoder could not read fully (its issues). */
    issues: count,
    rail: z.optional(leftTicketResultSchema),
    air: z.optional(flightSearchResultSchema),
  })
  .check(z.refine((r) => (r.source === '12306' ? !!r.rail : !!r.air), 'a result without the data of its source'));

/**
 * One stored result: the latest decoded capture for its key, as the schema reads it back, with
 * `rail` / `air` typed as the model (the schema checks them and keeps their unnamed fields).
 */
export type StoredResult = Omit<z.output<typeof storedResultSchema>, 'rail' | 'air'> & {
  rail?: LeftTicketResult;
  air?: FlightSearchResult;
  /** Answered by a live query just now (an overlay's fallback), not captured from a page; never stored. */
  live?: boolean;
};

export type CaptureSource = StoredResult['source'];

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

const railRowSchema = z.looseObject(railOptionSchema.shape);
const airRowSchema = z.looseObject(airOptionSchema.shape);

/** What `checkForStore` made of a result about to be written. */
export type StoreCheck =
  | { ok: true; result: StoredResult; droppedRows: { index: number; why: string }[] }
  | { ok: false; why: string };

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const i = error.issues[0];
  return i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'invalid';
}

/**
 * A result is checked against the schema it will be read back with BEFORE it is written, so a
 * decode holding values storage would refuse (a stop of 0.5, a price of 1e308, a telecode
 * `__proto__`) never replaces the good entry for its route. A bad row is isolated: it is left out
 * and named, the other rows stand; a result with no good row left is refused as a whole.
 */
export function checkForStore(result: StoredResult): StoreCheck {
  const whole = storedResultSchema.safeParse(result);
  if (whole.success) return { ok: true, result, droppedRows: [] };
  const droppedRows: { index: number; why: string }[] = [];
  const keep = <T>(rows: T[], schema: typeof railRowSchema | typeof airRowSchema): T[] =>
    rows.filter((row, index) => {
      const r = schema.safeParse(row);
      if (!r.success) droppedRows.push({ index, why: firstIssue(r.error) });
      return r.success;
    });
  const rows = result.rail?.trains.length ?? result.air?.flights.length ?? 0;
  const trimmed: StoredResult = { ...result };
  if (result.rail) trimmed.rail = { ...result.rail, trains: keep(result.rail.trains, railRowSchema) };
  if (result.air) trimmed.air = { ...result.air, flights: keep(result.air.flights, airRowSchema) };
  if (droppedRows.length === 0 || droppedRows.length === rows) return { ok: false, why: firstIssue(whole.error) };
  const again = storedResultSchema.safeParse(trimmed);
  if (!again.success) return { ok: false, why: firstIssue(again.error) };
  return { ok: true, result: { ...trimmed, issues: trimmed.issues + droppedRows.length }, droppedRows };
}

/** Bytes a value takes in extension storage (its JSON, UTF-8), as the quota counts it. */
export function storedBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}
