// Messages of the availability watches: overlay/popup → background.
import * as z from 'zod';
import { section, type MessageDef, type ReqOf, type ResOf } from '../messaging';
import { fareDefinitionSchema, seatClassSchema, trainFilterSchema } from '../watch/model';
import { watchViewSchema } from '../watch/view';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const station = z.object({ telecode: z.string().regex(/^[A-Z]{3}$/), name: z.string().max(32).optional() });
const id = z.object({ id: z.string().min(1).max(64) });
const none = z.object({}).default({});

const backoffInfo = z.object({ code: z.string(), message: z.object({ zh: z.string(), en: z.string() }), until: z.number() });

export const watchStatusSummarySchema = z.object({
  now: z.number(),
  total: z.number().int(),
  active: z.number().int(),
  /** Watches with seats now (the badge). */
  withSeats: z.number().int(),
  backoff: backoffInfo.optional(),
  quietUntil: z.number().optional(),
  lastCycleAt: z.number().optional(),
  /** Stored watches that could not be read (kept aside in storage, not deleted). */
  unreadable: z.number().int().optional(),
});
export type WatchStatusSummary = z.infer<typeof watchStatusSummarySchema>;

export const watchMessages = {
  /** One click on a bell: watch this train (or these trains) for seats of these classes. */
  'watch.create': {
    req: z.object({
      date,
      from: station,
      to: station,
      /** Train codes people use (G101); empty = any train matching the filter. */
      trains: z.array(z.string().max(8)).max(50),
      /** 12306 internal train numbers, when known (more exact than the code). */
      trainNos: z.array(z.string().max(16)).max(50).optional(),
      classes: z.array(seatClassSchema).min(1),
      seats: z.number().int().min(1).max(9).default(1),
      origin: z.enum(['overlay', 'popup']).optional(),
      /** Which trains count when none is named (types, departure window). */
      filter: trainFilterSchema.optional(),
    }),
    res: z.object({ id: z.string(), created: z.boolean() }),
  },
  /** Watch a flight price: notify when the lowest fare for a city pair and date falls to maxFen. */
  'watch.createFare': {
    req: fareDefinitionSchema,
    res: z.object({ id: z.string(), created: z.boolean() }),
  },
  /** Every watch with its state, plus the summary (back-off, quiet hours). */
  'watch.list': {
    req: none,
    res: watchStatusSummarySchema.extend({ watches: z.array(watchViewSchema) }),
  },
  'watch.status': { req: none, res: watchStatusSummarySchema },
  /** Edit what a watch wants; the seat state starts afresh when the definition changes. */
  'watch.update': {
    req: id.extend({
      classes: z.array(seatClassSchema).min(1).optional(),
      seats: z.number().int().min(1).max(9).optional(),
      trains: z.array(z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,8}$/)).max(50).optional(),
      filter: trainFilterSchema.nullable().optional(),
      maxFen: z.number().int().min(1).max(10_000_000).optional(),
    }),
    res: z.object({ watch: watchViewSchema }),
  },
  'watch.pause': { req: id.extend({ paused: z.boolean() }), res: z.object({ watch: watchViewSchema }) },
  'watch.delete': { req: id, res: z.object({ deleted: z.boolean() }) },
  'watch.export': { req: none, res: z.object({ json: z.string(), count: z.number().int() }) },
  'watch.import': {
    req: z.object({ json: z.string().max(2_000_000) }),
    res: z.object({
      added: z.number().int(),
      duplicates: z.number().int(),
      errors: z.array(z.object({ index: z.number().int(), message: z.string() })),
    }),
  },
} satisfies Record<string, MessageDef>;

export type Name = keyof typeof watchMessages;
export type Req<N extends Name> = ReqOf<typeof watchMessages, N>;
export type Res<N extends Name> = ResOf<typeof watchMessages, N>;
export const { send, on } = section(watchMessages);
