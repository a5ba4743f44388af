// Each station's daily opening time for 12306 sales (HHmm, e.g. "1230"), as its rows say
// (sale_time): the popup tells when a date past the presale window goes on sale, and reminders
// fire before it. Bounded, and read back through the schema (a corrupt entry is dropped).
import * as z from 'zod/mini';
import '../zod-locale';
import type { RailOption } from '../model';

export const SALE_TIMES_MAX = 800;
const telecode = z.string().check(z.regex(/^[A-Z]{3}$/));
const hm = z.string().check(z.regex(/^([01]\d|2[0-3])[0-5]\d$/));
export const saleTimesSchema = z.record(telecode, hm);
export type SaleTimes = z.infer<typeof saleTimesSchema>;

/** The stored map without anything the schema refuses. */
export function parseSaleTimes(v: unknown): SaleTimes {
  const out: SaleTimes = {};
  if (!v || typeof v !== 'object') return out;
  for (const [k, x] of Object.entries(v)) if (telecode.safeParse(k).success && hm.safeParse(x).success) out[k] = x as string;
  return out;
}

/** `times` with what `trains` say of their from stations; undefined when nothing changed. */
export function withSaleTimes(times: SaleTimes, trains: readonly RailOption[]): SaleTimes | undefined {
  let next: SaleTimes | undefined;
  for (const t of trains) {
    const code = t.from.telecode;
    if (!t.saleTime || !hm.safeParse(t.saleTime).success || !telecode.safeParse(code).success || times[code] === t.saleTime) continue;
    next ??= { ...times };
    // Re-inserted last: the oldest entries go first when the map is full.
    delete next[code];
    next[code] = t.saleTime;
  }
  if (!next) return undefined;
  const keys = Object.keys(next);
  for (const k of keys.slice(0, Math.max(0, keys.length - SALE_TIMES_MAX))) delete next[k];
  return next;
}
