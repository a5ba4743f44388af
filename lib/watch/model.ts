// What a watch is, as data: zod schemas for the stored document (definitions plus the runtime
// state the scheduler keeps per watch and per route), shared by the background, the popup and
// export/import. Everything that crosses a context or comes back from storage is parsed here.
import * as z from 'zod/mini';
import '../zod-locale';
import type { ChinaDate, EpochMs, SeatClassId, TrainType } from '../model';
import { isChinaDate } from '../time';
import { SEAT_CLASS_BY_ID } from '../rail/seats';
import { SEAT_CLASS_IDS, seatClassSchema } from '../seat-class-schema';
import type { Bilingual } from '../i18n';
import { upgradeStoredErrors } from './migrate';

/** Classes in the order the popup's watch editor offers them. */
export const SEAT_CLASSES = SEAT_CLASS_IDS;
export const TRAIN_TYPES = ['G', 'D', 'C', 'Z', 'T', 'K', 'S', 'Y', 'L', 'number', 'other'] as const satisfies readonly TrainType[];

/** zh-CN / en names of the classes, for the popup's editor (decoded rows carry their own names). */
export const CLASS_NAMES = Object.fromEntries(
  SEAT_CLASS_IDS.map((c) => [c, { zh: SEAT_CLASS_BY_ID[c].name, en: SEAT_CLASS_BY_ID[c].nameEn }]),
) as Record<SeatClassId, Bilingual>;

export const chinaDateSchema = z.pipe(
  z.string().check(z.refine(isChinaDate, 'a real date written yyyy-MM-dd')),
  z.transform((s: string) => s as ChinaDate),
);
const hm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:mm'));
const str = (max: number) => z.string().check(z.maxLength(max));
const count = () => z.number().check(z.int(), z.gte(0));
const code3 = () => z.string().check(z.regex(/^[A-Z]{3}$/));
export const stationSchema = z.object({
  telecode: code3(),
  name: z.optional(str(32)),
});
export { seatClassSchema };
export const trainTypeSchema = z.enum(TRAIN_TYPES);
/** Caps of the stored document. Values are clipped where they are made (clip, errorInfoOf,
 *  AVAILABLE_MAX in match.ts) and repaired on load, so an over-long value never costs a watch. */
export const ERROR_CODE_MAX = 32;
export const ERROR_TEXT_MAX = 300;
export const AVAILABLE_MAX = 200;

const errorInfo = z.object({ code: str(ERROR_CODE_MAX), message: z.object({ zh: str(ERROR_TEXT_MAX), en: str(ERROR_TEXT_MAX) }) });
export type ErrorInfo = z.infer<typeof errorInfo>;

/** `s` cut to at most `max` UTF-16 units, ending in … when cut (never half a surrogate pair). */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, Math.max(0, max - 1));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** An error as stored: 12306's text can be any length, the stored one is clipped to the caps. */
export function errorInfoOf(e: { code: string; message: Bilingual }): ErrorInfo {
  return { code: clip(e.code, ERROR_CODE_MAX), message: { zh: clip(e.message.zh, ERROR_TEXT_MAX), en: clip(e.message.en, ERROR_TEXT_MAX) } };
}

/** Used when no specific train is named: which trains of the route count. */
export const trainFilterSchema = z.object({
  types: z.optional(z.array(trainTypeSchema).check(z.maxLength(TRAIN_TYPES.length))),
  /** Departure window, China time, inclusive. */
  departFrom: z.optional(hm),
  departTo: z.optional(hm),
});
export type TrainFilter = z.infer<typeof trainFilterSchema>;

/** One train × class that satisfies the watch right now (what the user was told about). */
export const sightingSchema = z.object({
  trainNo: str(16),
  code: str(8),
  cls: seatClassSchema,
  name: str(16),
  nameEn: str(32),
  /** Seats left; null for 有 (plenty, count not shown). */
  n: z.nullable(count()),
  price: z.optional(count()),
  depart: z.optional(z.number()),
  /** The train's date (a watch may cover neighbouring days); absent in older stored sightings: the watch's date. */
  date: z.optional(chinaDateSchema),
});
export type Sighting = z.infer<typeof sightingSchema>;

/** [instant, seats left] — one point of the sparkline. */
export const historyPointSchema = z.tuple([z.number(), count()]);
export type HistoryPoint = z.infer<typeof historyPointSchema>;

/** The same rule as historyPointSchema, in a loop: a heavy user has 150,000 points, too many for zod's per-item parse. */
function isHistory(v: unknown): v is HistoryPoint[] {
  if (!Array.isArray(v)) return false;
  for (const p of v) {
    if (!Array.isArray(p) || p.length !== 2) return false;
    if (typeof p[0] !== 'number' || !Number.isFinite(p[0]) || !Number.isSafeInteger(p[1]) || p[1] < 0) return false;
  }
  return true;
}
/** A seat (or fare) history: [instant, count] pairs, oldest first. */
export const historySchema = z.custom<HistoryPoint[]>(isHistory, 'a list of [instant, count] points').check(z.maxLength(1000));

const common = {
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  createdAt: z.number(),
  date: chinaDateSchema,
  /** Paused by the user (not polled, kept). */
  paused: z._default(z.boolean(), false),
  status: z._default(z.enum(['active', 'expired']), 'active'),
  expiredReason: z.optional(z.enum(['departed', 'date-passed'])),
  lastCheckedAt: z.optional(z.number()),
  lastError: z.optional(z.extend(errorInfo, { at: z.number() })),
  history: z._default(historySchema, []),
  notifiedAt: z.optional(z.number()),
};

/** A train code as people type it (g101 → G101), checked after trimming and upper-casing. */
export const trainCodeSchema = z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9]{1,8}$/));
/** Seats wanted by a watch. */
export const seatsSchema = z.number().check(z.int(), z.gte(1), z.lte(9));
/** How many days either side of the chosen one a train watch covers. */
export const flexDaysSchema = z.union([z.literal(0), z.literal(1)]);
/** A fare watch's threshold, fen. */
export const maxFenSchema = z.number().check(z.int(), z.gte(1), z.lte(10_000_000));

/** The fields a person chooses (what export/import carries and the editor changes). */
export const railDefinitionSchema = z.object({
  date: chinaDateSchema,
  from: stationSchema,
  to: stationSchema,
  /** Train codes people use (G101); empty = any train matching the filter. */
  trains: z._default(z.array(trainCodeSchema).check(z.maxLength(50)), []),
  /** 12306 internal train numbers, when known (more exact than the code). */
  trainNos: z._default(z.array(str(16)).check(z.maxLength(50)), []),
  filter: z.optional(trainFilterSchema),
  /** In order of preference (二等座, else 一等座): the alert names the best class that has seats. */
  classes: z.array(seatClassSchema).check(z.minLength(1), z.maxLength(SEAT_CLASSES.length)),
  seats: z._default(seatsSchema, 1),
  /** 1: the day before and the day after count too. Absent (older watches) means the chosen day only. */
  flexDays: z.optional(flexDaysSchema),
  origin: z.optional(z.enum(['overlay', 'popup', 'import'])),
});
export type RailDefinition = z.infer<typeof railDefinitionSchema>;

export const railWatchSchema = z.extend(railDefinitionSchema, {
  kind: z.literal('rail'),
  ...common,
  /** Train × class pairs that satisfy the watch at the last check (notified once each). */
  available: z._default(z.array(sightingSchema).check(z.maxLength(AVAILABLE_MAX)), []),
  /** Seats left over all wanted classes of wanted trains at the last check (有 counted as 20). */
  /** Train × class pairs that show only 候补 (the waiting list) at the last checks: often the only way to a seat. */
  waitlist: z.optional(z.array(sightingSchema).check(z.maxLength(AVAILABLE_MAX))),
  /** Seats left over all wanted classes of wanted trains on the chosen day at the last check (有 counted as 20). */
  seatsLeft: z._default(count(), 0),
  /** Latest departure seen among the watched trains: the watch expires after it. */
  lastDepartAt: z.optional(z.number()),
});
export type RailWatch = z.infer<typeof railWatchSchema>;

export const fareDefinitionSchema = z.object({
  date: chinaDateSchema,
  /** IATA city codes (BJS, SHA). */
  fromCity: code3(),
  toCity: code3(),
  /** Notify when the lowest fare the traveller may buy, taxes in, is at or below this, fen. */
  maxFen: maxFenSchema,
});
export type FareDefinition = z.infer<typeof fareDefinitionSchema>;

export const fareWatchSchema = z.extend(fareDefinitionSchema, {
  kind: z.literal('fare'),
  ...common,
  lowestFen: z.optional(count()),
  lowestFlight: z.optional(str(16)),
  /** The lowest fare was at or below maxFen at the last check. */
  below: z._default(z.boolean(), false),
});
export type FareWatch = z.infer<typeof fareWatchSchema>;

export const watchSchema = z.discriminatedUnion('kind', [railWatchSchema, fareWatchSchema]);
export type Watch = z.infer<typeof watchSchema>;

/** Per (date, from, to): when it is next due, and how its last queries went. */
export const routeStateSchema = z.object({
  nextAt: z.number(),
  lastQueryAt: z.optional(z.number()),
  /** Consecutive failed queries (other than back-off answers): stretches the interval. */
  failures: z._default(count(), 0),
  lastError: z.optional(errorInfo),
});
export type RouteState = z.infer<typeof routeStateSchema>;

/** 12306 said stop (rate-limited, blocked, maintenance): nothing is sent before `until`. */
export const backoffSchema = z.extend(errorInfo, {
  code: z.enum(['rate-limited', 'blocked', 'maintenance']),
  until: z.number(),
  since: z.number(),
  /** How many back-offs in a row (grows the default wait when 12306 gives no retry time). */
  streak: z._default(z.number().check(z.int(), z.gte(1)), 1),
});
export type Backoff = z.infer<typeof backoffSchema>;

/** The whole persisted scheduler state (one storage item). */
export const watchesDocSchema = z.object({
  watches: z._default(z.array(watchSchema).check(z.maxLength(1000)), []),
  routes: z._default(z.record(z.string(), routeStateSchema), {}),
  backoff: z.optional(backoffSchema),
  lastCycleAt: z.optional(z.number()),
  /** When the fare watches last asked Fliggy (lib/watch/fare-poll.ts): a restarted worker does not ask early. */
  farePollAt: z.optional(z.number()),
  /**
   * Stored watches that could not be read (e.g. written by a newer version): all kept, however
   * many, and tried again on every read (an update may read them).
   */
  unreadable: z.optional(z.array(z.unknown())),
});
export type WatchesDoc = z.infer<typeof watchesDocSchema>;

export const EMPTY_DOC: WatchesDoc = { watches: [], routes: {} };

export interface ParsedDoc {
  doc: WatchesDoc;
  /** Watches read after clipping over-long fields (text cut, lists capped). */
  repaired: number;
  /** Watches that could not be read even so: set aside in doc.unreadable, not deleted. */
  unreadable: number;
  /** Watches set aside earlier that this build reads: back among the watches. */
  revived: number;
  /**
   * The stored value when it was not a watches document at all (a string, a list…): the caller
   * keeps it as a backup before anything is written over it, and tells the user.
   */
  corrupt?: unknown;
  /** Why each unreadable watch failed (index in the stored list, zod's first complaint). */
  issues: string[];
}

/** Lists whose newest entries are at the end (kept when capped); other lists keep their first. */
const NEWEST_LAST = new Set(['history']);

/**
 * Parses `raw`, clipping strings and capping lists that zod finds too big (the only damage a
 * cap can do), until it parses or nothing more can be repaired. Never throws.
 */
function parseRepairing<T>(schema: z.ZodMiniType<T>, raw: unknown): { ok: true; value: T; repaired: boolean } | { ok: false; error: z.core.$ZodError } {
  let r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data, repaired: false };
  let v: unknown;
  try {
    v = structuredClone(raw);
  } catch {
    return { ok: false, error: r.error };
  }
  for (let pass = 0; pass < 8; pass++) {
    let fixed = 0;
    for (const issue of r.error.issues) {
      if (issue.code !== 'too_big' || typeof issue.maximum !== 'number' || issue.path.length === 0) continue;
      const max = Number(issue.maximum);
      let parent: unknown = v;
      for (const k of issue.path.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey];
      if (typeof parent !== 'object' || parent === null) continue;
      const key = issue.path[issue.path.length - 1]! as PropertyKey;
      const p = parent as Record<PropertyKey, unknown>;
      const val = p[key];
      if (issue.origin === 'string' && typeof val === 'string') p[key] = clip(val, max);
      else if (issue.origin === 'array' && Array.isArray(val)) p[key] = NEWEST_LAST.has(String(key)) ? val.slice(val.length - max) : val.slice(0, max);
      else continue;
      fixed++;
    }
    if (fixed === 0) break;
    r = schema.safeParse(v);
    if (r.success) return { ok: true, value: r.data, repaired: true };
  }
  return { ok: false, error: r.error };
}

/**
 * Reads a stored document. A watch with an over-long field is repaired, not dropped; one that
 * cannot be read at all is set aside in `unreadable` (written back with the rest) and counted.
 */
export function parseDoc(stored: unknown): ParsedDoc {
  const raw = upgradeStoredErrors(stored);
  const corrupt = raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw)) ? { corrupt: stored } : {};
  const whole = watchesDocSchema.safeParse(raw ?? {});
  if (whole.success && !whole.data.unreadable?.length) return { doc: whole.data, repaired: 0, unreadable: 0, revived: 0, issues: [] };
  const obj = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const list = Array.isArray(obj.watches) ? obj.watches : [];
  const watches: Watch[] = [];
  const aside: unknown[] = [];
  const issues: string[] = [];
  let repaired = 0;
  let unreadable = 0;
  let revived = 0;
  const read = (w: unknown, where: string): boolean => {
    const p = parseRepairing(watchSchema, w);
    if (p.ok) {
      watches.push(p.value);
      if (p.repaired) repaired++;
      return true;
    }
    aside.push(w);
    const first = p.error.issues[0];
    issues.push(`${where}: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}`);
    return false;
  };
  list.forEach((w, i) => {
    if (!read(w, `watch ${i}`)) unreadable++;
  });
  // Watches set aside by an earlier read are tried again: this build may read them now.
  (Array.isArray(obj.unreadable) ? obj.unreadable : []).forEach((w, i) => {
    if (read(w, `set-aside watch ${i}`)) revived++;
  });
  const routes: Record<string, RouteState> = {};
  if (typeof obj.routes === 'object' && obj.routes !== null) {
    for (const [k, rs] of Object.entries(obj.routes)) {
      const p = parseRepairing(routeStateSchema, rs);
      if (p.ok) routes[k] = p.value;
    }
  }
  const backoff = obj.backoff === undefined ? undefined : parseRepairing(backoffSchema, obj.backoff);
  return {
    doc: {
      watches,
      routes,
      ...(backoff?.ok ? { backoff: backoff.value } : {}),
      ...(typeof obj.lastCycleAt === 'number' ? { lastCycleAt: obj.lastCycleAt } : {}),
      ...(typeof obj.farePollAt === 'number' ? { farePollAt: obj.farePollAt } : {}),
      ...(aside.length > 0 ? { unreadable: aside } : {}),
    },
    repaired,
    unreadable,
    revived,
    issues,
    ...corrupt,
  };
}

/** Batching key: every watch on the same (date, from, to) shares one query. */
export type RouteKey = string;
export function routeKeyOf(w: { date: string; from: { telecode: string }; to: { telecode: string } }): RouteKey {
  return `${w.date}|${w.from.telecode}|${w.to.telecode}`;
}

/** A watch that the scheduler polls: rail, active, not paused by the user. */
export function isPolled(w: Watch): w is RailWatch {
  return w.kind === 'rail' && w.status === 'active' && !w.paused;
}

/** Same definition (used to make a second click on the same bell a no-op). */
export function sameRailDefinition(a: RailDefinition, b: RailDefinition): boolean {
  const set = (xs: readonly string[]) => [...xs].sort().join(',');
  return (
    routeKeyOf(a) === routeKeyOf(b) &&
    set(a.trains) === set(b.trains) &&
    set(a.trainNos) === set(b.trainNos) &&
    // Classes are a preference: the same classes in another order are another watch.
    a.classes.join(',') === b.classes.join(',') &&
    a.seats === b.seats &&
    (a.flexDays ?? 0) === (b.flexDays ?? 0) &&
    JSON.stringify(a.filter ?? {}) === JSON.stringify(b.filter ?? {})
  );
}

export function newRailWatch(def: RailDefinition, id: string, now: EpochMs): RailWatch {
  return railWatchSchema.parse({ ...def, kind: 'rail', id, createdAt: now });
}

export function newFareWatch(def: FareDefinition, id: string, now: EpochMs): FareWatch {
  return fareWatchSchema.parse({ ...def, kind: 'fare', id, createdAt: now });
}

/** A short unique id; `rand` is injectable so tests are deterministic. */
export function newWatchId(now: EpochMs, rand: () => number = Math.random): string {
  return `w${now.toString(36)}${Math.floor(rand() * 36 ** 5).toString(36).padStart(5, '0')}`;
}
