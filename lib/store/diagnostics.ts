// Captures that could not be decoded (a bounded list) and counters (local:captureDiagnostics),
// so a format change on a site is visible, never silent. Read back leniently, like the results.
import * as z from 'zod/mini';
import '../zod-locale';

const count = z.number().check(z.int(), z.gte(0));

export const CAPTURE_KINDS = ['left-ticket', 'station-list', 'fliggy-search', 'top-search', 'fliggy-dom'] as const;

export const diagnosticEntrySchema = z.object({
  /** zod numbers refuse NaN and ±Infinity. */
  at: z.number(),
  kind: z.enum(CAPTURE_KINDS),
  url: z.string(),
  status: z.number(),
  code: z.string(),
  message: z.string(),
  /** First bytes of the body, one line. */
  sample: z.string(),
});
export type DiagnosticEntry = z.infer<typeof diagnosticEntrySchema>;

export const diagnosticsSchema = z.object({
  entries: z.array(diagnosticEntrySchema),
  /** Captures that could not be decoded, ever (the list keeps only the latest). */
  undecodable: count,
  /** Rows or entries the decoders reported as unrecognised in captures that did decode. */
  unrecognised: count,
  /** Stored results or diagnostic entries found invalid when read back (dropped, not shown). */
  dropped: z.optional(count),
});
export type Diagnostics = z.infer<typeof diagnosticsSchema>;

export const EMPTY_DIAGNOSTICS: Diagnostics = { entries: [], undecodable: 0, unrecognised: 0 };

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
