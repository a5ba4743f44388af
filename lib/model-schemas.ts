// The zod schemas of the model shapes that cross a boundary (messages, storage), beside the types
// of lib/model.ts they check: a compile-time check below compares each schema's output with its
// type, so the two cannot drift apart. lib/model.ts stays type-only: code that needs only the types
// (content scripts, decoders) carries no zod for them.
import * as z from 'zod/mini';
import './zod-locale';
import { seatClassSchema as seatClass } from './seat-class-schema';
import type { AirOption, ChinaDate, Fare, RailOption } from './model';

const int = z.number().check(z.int());

/** A China calendar date inside a model object ("yyyy-MM-dd"), typed as the model's ChinaDate. */
export const chinaDateSchema = z.custom<ChinaDate>((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), 'yyyy-MM-dd');

const availability = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), n: int }),
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
  price: z.optional(int),
});
const station = z.object({ telecode: z.string(), name: z.optional(z.string()) });
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
  depart: z.number(),
  arrive: z.number(),
  durationMin: z.number(),
  arriveDayOffset: int,
  seats: z.array(seat),
  status: z.enum(['on-sale', 'not-yet', 'suspended', 'maintenance', 'not-bookable', 'unknown']),
  buttonText: z.string(),
  fromNo: z.optional(z.string()),
  toNo: z.optional(z.string()),
  saleTime: z.optional(z.string()),
  cheapest: z.optional(z.object({ cls: seatClass, name: z.string(), price: int })),
  hasSeats: z.boolean(),
});

const fare = z.object({
  cabinClass: z.enum(['economy', 'business', 'first', 'unknown']),
  cabin: z.optional(z.string()),
  price: int,
  taxes: z.optional(int),
  total: z.optional(int),
  discount: z.optional(z.number()),
  seatsLeft: z.optional(z.number()),
  condition: z.optional(
    z.object({
      kinds: z.array(z.enum(['youth', 'student', 'senior', 'member', 'premium-cabin', 'special'])),
      text: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
});
const airport = z.object({
  code: z.string(),
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
  depart: z.number(),
  arrive: z.number(),
  durationMin: z.number(),
  arriveDayOffset: int,
  stops: int,
  transfer: z.boolean(),
  legs: z.optional(z.array(z.object({ flightNo: z.string(), from: airport, to: airport, depart: z.number(), arrive: z.number() }))),
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
