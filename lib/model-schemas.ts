// The zod schemas of the model shapes that cross a boundary (messages, storage), beside the types
// of lib/model.ts they check: a compile-time check below compares each schema's output with its
// type, so the two cannot drift apart. lib/model.ts stays type-only: code that needs only the types
// (content scripts, decoders) carries no zod for them.
import * as z from 'zod/mini';
import './zod-locale';
import { seatClassSchema as seatClass } from './seat-class-schema';
import type { AirOption, ChinaDate, Fare, RailOption } from './model';

const int = z.number().check(z.int());
/**
 * Bounds that keep a forged or garbled value out of storage and comparisons: money is integer fen
 * below ¥1,000,000 (no ticket costs more), counts and instants are safe integers.
 */
export const MAX_FEN = 100_000_000;
const fen = z.number().check(z.int(), z.gte(0), z.lt(MAX_FEN));
const count = z.number().check(z.int(), z.gte(0), z.lte(100_000));
const instant = z.number().check(z.int(), z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));
const minutes = z.number().check(z.gte(0), z.lte(60 * 24 * 30));

/** A China calendar date inside a model object ("yyyy-MM-dd"), typed as the model's ChinaDate. */
export const chinaDateSchema = z.custom<ChinaDate>((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), 'yyyy-MM-dd');

const PROTO_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A code used as a key somewhere (telecode, IATA): one that could reach an object's prototype is refused. */
const code = z.string().check(z.refine((k) => !PROTO_KEYS.has(k), 'a key that names an object prototype'));
/** A name map (telecode → name, IATA → name) with safe keys. */
export const nameMapSchema = z.record(code, z.string());

const availability = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), n: count }),
  z.object({ kind: z.literal('plenty') }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('waitlist') }),
  z.object({ kind: z.literal('not-on-sale') }),
]);
const seat = z.object({
  cls: seatClass,
  code: z.optional(z.string()),
  name: z.string(),
  nameEn: z.string(),
  availability,
  price: z.optional(fen),
});
const station = z.object({ telecode: code, name: z.optional(z.string()) });
export const railOptionSchema = z.object({
  mode: z.literal('rail'),
  id: z.string(),
  trainNo: z.string(),
  code: z.string(),
  type: z.enum(['G', 'D', 'C', 'Z', 'T', 'K', 'S', 'Y', 'L', 'number', 'other']),
  date: chinaDateSchema,
  from: station,
  to: station,
  origin: station,
  terminus: station,
  depart: instant,
  arrive: instant,
  durationMin: minutes,
  arriveDayOffset: z.number().check(z.int(), z.gte(0), z.lte(30)),
  seats: z.array(seat),
  status: z.enum(['on-sale', 'not-yet', 'suspended', 'maintenance', 'not-bookable', 'unknown']),
  buttonText: z.string(),
  fromNo: z.optional(z.string()),
  toNo: z.optional(z.string()),
  saleTime: z.optional(z.string()),
  cheapest: z.optional(z.object({ cls: seatClass, name: z.string(), price: fen })),
  hasSeats: z.boolean(),
});

const fare = z.object({
  cabinClass: z.enum(['economy', 'business', 'first', 'unknown']),
  cabin: z.optional(z.string()),
  price: fen,
  taxes: z.optional(fen),
  total: z.optional(fen),
  discount: z.optional(z.number()),
  seatsLeft: z.optional(count),
  condition: z.optional(
    z.object({
      kinds: z.array(z.enum(['youth', 'student', 'senior', 'member', 'premium-cabin', 'special'])),
      text: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
});
const airport = z.object({
  code,
  name: z.optional(z.string()),
  terminal: z.optional(z.string()),
  city: z.optional(z.string()),
});
export const airOptionSchema = z.object({
  mode: z.literal('air'),
  id: z.string(),
  flightNo: z.string(),
  airline: z.string(),
  airlineName: z.optional(z.string()),
  date: chinaDateSchema,
  from: airport,
  to: airport,
  depart: instant,
  arrive: instant,
  durationMin: minutes,
  arriveDayOffset: z.number().check(z.int(), z.gte(0), z.lte(30)),
  stops: z.number().check(z.int(), z.gte(0), z.lte(10)),
  transfer: z.boolean(),
  legs: z.optional(z.array(z.object({ flightNo: z.string(), from: airport, to: airport, depart: instant, arrive: instant }))),
  operatedBy: z.optional(z.string()),
  aircraft: z.optional(z.string()),
  fares: z.array(fare),
  lowest: z.optional(fare),
  source: z.enum(['top', 'fliggy']),
});

// Compile-time: what the schemas accept is exactly the model's shape, both ways, optional keys
// included (an optional field missing from a schema would be stripped when crossing a context).
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : never
      : never
    : never
  : never;
const railSame: Same<z.output<typeof railOptionSchema>, RailOption> = true;
const airSame: Same<z.output<typeof airOptionSchema>, AirOption> = true;
const fareSame: Same<z.output<typeof fare>, Fare> = true;
void fareSame;
void railSame;
void airSame;
