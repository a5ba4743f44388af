// The latest answers the worker gave (session:recentAnswers): trains per route and date, flights
// per city pair and date, and the comparison of both, so the popup reopens on its last search
// with results at once (and their age) while it asks again. Session storage: gone with the
// browser session, never synced. Bounded (RECENT_MAX per kind, newest first) and read back
// entry by entry through the schemas, so a corrupt or foreign entry is dropped, never trusted,
// and never takes the others with it.
import * as z from 'zod/mini';
import '../zod-locale';
import { airAnswerSchema, comparisonSchema, compareFiltersSchema, railAnswerSchema, recentSearchReqSchema } from '../messages/search';
import type { AirAnswer, ComparisonView, RailAnswer } from '../messages/search';

/** Searches kept per kind: the popup needs only the last one; a few cover switching back and forth. */
export const RECENT_MAX = 5;

/** What the popup asks for: one search, both its keys (the search.recent request). */
export const recentQuerySchema = recentSearchReqSchema;
const q = recentQuerySchema.shape;
export const railKeySchema = z.object({ date: q.date, from: q.from, to: q.to, student: q.student });
export const airKeySchema = z.object({ date: q.date, fromCity: q.fromCity, toCity: q.toCity });

const okRail = railAnswerSchema.def.options[0];
const okAir = airAnswerSchema.def.options[0];

export const railEntrySchema = z.object({ ...railKeySchema.shape, at: z.number(), answer: okRail });
export const airEntrySchema = z.object({ ...airKeySchema.shape, at: z.number(), answer: okAir });
export const compareEntrySchema = z.object({
  ...recentQuerySchema.shape,
  at: z.number(),
  filters: z.optional(compareFiltersSchema),
  comparison: comparisonSchema,
});

export type RailKey = z.infer<typeof railKeySchema>;
export type AirKey = z.infer<typeof airKeySchema>;
export type RecentQuery = z.infer<typeof recentQuerySchema>;
export type RailEntry = RailKey & { at: number; answer: Extract<RailAnswer, { ok: true }> };
export type AirEntry = AirKey & { at: number; answer: Extract<AirAnswer, { ok: true }> };
export type CompareEntry = z.infer<typeof compareEntrySchema> & { comparison: ComparisonView };

export interface RecentAnswers {
  rail: RailEntry[];
  air: AirEntry[];
  compare: CompareEntry[];
}

export const EMPTY_RECENT: RecentAnswers = { rail: [], air: [], compare: [] };

/** Every entry that still reads as one, newest first, at most RECENT_MAX; anything else is dropped. */
function entries<T>(raw: unknown, schema: z.ZodMiniType<T>): T[] {
  if (!Array.isArray(raw)) return [];
  const out: T[] = [];
  for (const item of raw) {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    if (out.length >= RECENT_MAX) break;
  }
  return out;
}

/** Reads the stored value back (validated on read: a corrupt entry is ignored, the rest kept). */
export function parseRecent(raw: unknown): RecentAnswers {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    rail: entries(o.rail, railEntrySchema as z.ZodMiniType<RailEntry>),
    air: entries(o.air, airEntrySchema as z.ZodMiniType<AirEntry>),
    compare: entries(o.compare, compareEntrySchema as z.ZodMiniType<CompareEntry>),
  };
}

const sameRail = (a: RailKey, b: RailKey) => a.date === b.date && a.from === b.from && a.to === b.to && a.student === b.student;
const sameAir = (a: AirKey, b: AirKey) => a.date === b.date && a.fromCity === b.fromCity && a.toCity === b.toCity;
const sameSearch = (a: RecentQuery, b: RecentQuery) => sameRail(a, b) && sameAir(a, b);

/** The list with `entry` first, replacing the one for the same key, bounded. */
function put<T>(list: T[], entry: T, same: (a: T, b: T) => boolean): T[] {
  return [entry, ...list.filter((e) => !same(e, entry))].slice(0, RECENT_MAX);
}

export const rememberRail = (doc: RecentAnswers, e: RailEntry): RecentAnswers => ({ ...doc, rail: put(doc.rail, e, sameRail) });
export const rememberAir = (doc: RecentAnswers, e: AirEntry): RecentAnswers => ({ ...doc, air: put(doc.air, e, sameAir) });
export const rememberCompare = (doc: RecentAnswers, e: CompareEntry): RecentAnswers => ({
  ...doc,
  compare: put(doc.compare, e, sameSearch),
});

/** What is remembered for one search. */
export function findRecent(doc: RecentAnswers, q: RecentQuery): { rail?: RailEntry; air?: AirEntry; compare?: CompareEntry } {
  const rail = doc.rail.find((e) => sameRail(e, q));
  const air = doc.air.find((e) => sameAir(e, q));
  const compare = doc.compare.find((e) => sameSearch(e, q));
  return { ...(rail ? { rail } : {}), ...(air ? { air } : {}), ...(compare ? { compare } : {}) };
}
