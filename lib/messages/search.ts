// Messages of the quick search, live clients and options: popup/options → background.
// The response schemas mirror lib/model.ts so that everything the popup renders was checked at
// the boundary.
import * as z from 'zod/mini';
import '../zod-locale';
import { airOptionSchema, railOptionSchema } from '../model-schemas';
import { seatClassSchema } from '../seat-class-schema';
import { popupFiltersSchema } from '../store/last-search';
import { section, type MessageDef, type ReqOf, type ResOf } from '../messaging';
import type { ChinaDate } from '../model';
import { airCityMessages } from './air-city';

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** Dates inside model objects keep the model's ChinaDate type. */
const chinaDate = z.custom<ChinaDate>((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), 'yyyy-MM-dd');
const telecode = z.string().check(z.regex(/^[A-Z]{3}$/));
const int = z.number().check(z.int());
const name32 = () => z.string().check(z.maxLength(32));
const cityName = () => z.string().check(z.minLength(1), z.maxLength(32));

export const errorCodeSchema = z.enum([
  'not-json', 'html-page', 'schema', 'endpoint-moved', 'rejected', 'maintenance', 'rate-limited',
  'blocked', 'timeout', 'network', 'empty', 'unknown-format', 'different-dates', 'bad-input',
  'offline', 'challenge', 'not-on-sale',
]);
export const decodeErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.object({ zh: z.string(), en: z.string() }),
  endpoint: z.optional(z.string()),
  retryAt: z.optional(z.number()),
  sample: z.optional(z.string()),
});
const issueSchema = z.object({
  code: z.string(),
  message: z.string(),
  row: z.optional(int),
  field: z.optional(z.string()),
  sample: z.optional(z.string()),
});

// Trains and flights are model shapes: their schemas live beside lib/model.ts.
export { airOptionSchema, railOptionSchema };

// The popup's remembered search is a stored shape (lib/store/last-search.ts).
export { lastSearchSchema, placeSchema, popupFiltersSchema, type LastSearch, type Place } from '../store/last-search';

const stationHit = z.object({
  kind: z.enum(['city', 'station']),
  name: z.string(),
  telecode: z.string(),
  city: z.string(),
  stations: z.optional(z.array(z.looseObject({ name: z.string(), telecode: z.string() }))),
  score: z.number(),
});

export const railAnswerSchema = z.union([
  z.object({
    ok: z.literal(true),
    trains: z.array(railOptionSchema),
    stationNames: z.record(z.string(), z.string()),
    issues: z.array(issueSchema),
    fetchedAt: z.number(),
    fromCache: z.boolean(),
    buyUrl: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    error: decodeErrorSchema,
    fetchedAt: z.number(),
    buyUrl: z.string(),
    /** not-on-sale: the day 12306 opens the sale, and the instant when the station's time is known. */
    saleOpens: z.optional(z.object({ day: z.string(), at: z.optional(z.number()) })),
  }),
]);
export type RailAnswer = z.infer<typeof railAnswerSchema>;

/**
 * Why no flights came back. Besides the decode errors, two answers that are not faults: no flight
 * source for this search (no Fliggy capture and no Taobao key; the user can open Fliggy's search)
 * and cities without airports to compare. Screens tell these apart by code, never by text.
 */
export const airErrorSchema = z.extend(decodeErrorSchema, {
  code: z.enum([...errorCodeSchema.options, 'no-source', 'no-city']),
});
export type AirError = z.infer<typeof airErrorSchema>;

export const airAnswerSchema = z.union([
  z.object({
    ok: z.literal(true),
    source: z.enum(['top', 'fliggy']),
    flights: z.array(airOptionSchema),
    issues: z.array(issueSchema),
    /** When the data was fetched or captured. */
    fetchedAt: z.number(),
    fliggyUrl: z.string(),
    /** Which path answered: Fliggy's live search, a page's capture, or the Taobao Open Platform. */
    via: z.optional(z.enum(['live', 'capture', 'top'])),
  }),
  /** fliggyUrl: Fliggy's search for the same trip; absent when the cities have no airports. */
  z.object({ ok: z.literal(false), error: airErrorSchema, fliggyUrl: z.optional(z.string()) }),
]);
export type AirAnswer = z.infer<typeof airAnswerSchema>;

const railReq = z.object({
  date,
  from: telecode,
  to: telecode,
  student: z._default(z.boolean(), false),
  fromName: z.optional(name32()),
  toName: z.optional(name32()),
});
const airReq = z.object({
  date,
  /** 12306 city names (北京, 上海): the background maps them to IATA city codes. */
  fromCity: cityName(),
  toCity: cityName(),
});

/** A fare's condition (限16–25周岁, 会员价…), as the model's fares carry it. */
const fareConditionSchema = airOptionSchema.shape.fares.def.element.shape.condition;
const bilingual = z.object({ zh: z.string(), en: z.string() });

/** The popup's filters that change what is best (its sort order does not): see lib/compare/filter.ts. */
export const compareFiltersSchema = z.partial(z.omit(popupFiltersSchema, { sort: true }));

/** The comparison as the popup needs it: options by id (the popup has the options themselves). */
export const comparisonSchema = z.object({
  date: chinaDate,
  options: z.array(
    z.object({
      id: z.string(),
      mode: z.enum(['rail', 'air']),
      doorToDoorMin: z.number(),
      leaveHome: z.number(),
      reachDoor: z.number(),
      price: z.optional(int),
      priceIncludesTaxes: z.boolean(),
      priceNote: z.optional(z.string()),
      /** The class the price is for (二等座, 经济舱). */
      priceClass: z.optional(z.extend(bilingual, { id: z.string() })),
      /** Set when the price is a conditional fare the traveller said fits them. */
      priceCondition: fareConditionSchema,
      /** Fares only others may buy: shown with their condition, never compared. */
      conditionalFares: z.optional(z.array(z.object({ price: int, priceIncludesTaxes: z.boolean(), condition: fareConditionSchema.def.innerType }))),
      /** Classes with only 候补 open. */
      waitlist: z.optional(z.array(z.object({ cls: seatClassSchema, name: z.string(), nameEn: z.string(), price: z.optional(int) }))),
      soldOut: z.boolean(),
      departed: z.boolean(),
      /** "HH:mm" when 12306 opens the sale later. */
      saleOpens: z.optional(z.string()),
      excluded: z.optional(z.enum(['departed', 'not-on-sale', 'conditional-only', 'filtered'])),
      /** Clock time at the door: "13:40", "01:10+1". */
      reachDoorAt: z.object({ hm: z.string(), dayOffset: int, text: z.string() }),
      tops: z.array(z.enum(['cheapest', 'fastest', 'earliest', 'pareto'])),
    }),
  ),
  rankings: z.object({
    cheapest: z.optional(z.string()),
    fastest: z.optional(z.string()),
    earliestArrival: z.optional(z.string()),
    pareto: z.array(z.string()),
  }),
  verdict: z.object({ zh: z.string(), en: z.string() }),
  sources: z.object({
    rail: z.optional(z.object({ count: int, ageMin: z.number(), stale: z.boolean() })),
    air: z.optional(z.object({ count: int, ageMin: z.number(), stale: z.boolean() })),
  }),
  partial: z.nullable(z.enum(['rail-only', 'air-only'])),
});
export type ComparisonView = z.infer<typeof comparisonSchema>;

/** One popup search, both its keys: the trains' route and the flights' cities (search.recent). */
export const recentSearchReqSchema = z.object({
  date,
  from: telecode,
  to: telecode,
  student: z.boolean(),
  fromCity: cityName(),
  toCity: cityName(),
});

export const searchMessages = {
  /** Autocomplete over the station list: cities first, then stations. */
  'search.stations': {
    req: z.object({ q: z.string().check(z.maxLength(40)), limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(30)), 10) }),
    res: z.object({ hits: z.array(stationHit), count: int }),
  },
  ...airCityMessages,
  /** Trains for a date and route from the live 12306 client (cached 60 s, shared back-off). */
  'search.rail': { req: railReq, res: railAnswerSchema },
  /** Flights: Taobao Open Platform when configured, else the latest Fliggy capture. */
  'search.air': { req: airReq, res: airAnswerSchema },
  /**
   * The comparison of what search.rail / search.air answered (served from their caches; `rail` /
   * `air` false leave a side out, e.g. after it failed). Runs in the background so the popup
   * does not carry the comparison code and the city tables.
   */
  'search.compare': {
    req: z.extend(railReq, {
      fromCity: cityName(),
      toCity: cityName(),
      rail: z.boolean(),
      air: z.boolean(),
      /** The popup's filters: rankings and the verdict follow them (default: none). */
      filters: z.optional(compareFiltersSchema),
    }),
    res: z.union([
      z.object({ ok: z.literal(true), comparison: comparisonSchema }),
      z.object({ ok: z.literal(false), error: decodeErrorSchema }),
    ]),
  },
  // ── popup ──
  /**
   * What the worker last answered for this search (session storage, lib/store/recent-answers.ts):
   * the popup shows it at once when it opens, with its age, while it asks again.
   */
  'search.recent': {
    req: recentSearchReqSchema,
    res: z.object({
      rail: z.optional(z.object({ at: z.number(), answer: railAnswerSchema })),
      air: z.optional(z.object({ at: z.number(), answer: airAnswerSchema })),
      comparison: z.optional(z.object({ at: z.number(), filters: z.optional(compareFiltersSchema), view: comparisonSchema })),
    }),
  },
  /** What the options page shows about the live clients. */
  'search.status': {
    req: z.object({}),
    res: z.object({
      endpoint: z.object({
        name: z.string(),
        source: z.string(),
        at: z.number(),
        /** Which path answered the last 12306 query: the worker's own, or a search tab's (the relay). */
        lastPath: z.optional(z.object({ via: z.enum(['worker', 'tab']), at: z.number() })),
      }),
      blockedUntil: z.optional(z.number()),
      /** Until when the live Fliggy search is held (its verification page, a limit). */
      fliggyBlockedUntil: z.optional(z.number()),
      stations: z.object({
        count: int,
        version: z.optional(z.string()),
        fetchedAt: z.optional(z.number()),
        lastError: z.optional(z.string()),
      }),
      top: z.object({ configured: z.boolean(), enabled: z.boolean() }),
    }),
  },
} satisfies Record<string, MessageDef>;

export type Name = keyof typeof searchMessages;
export type Req<N extends Name> = ReqOf<typeof searchMessages, N>;
export type Res<N extends Name> = ResOf<typeof searchMessages, N>;
export const { send, on } = section(searchMessages);
