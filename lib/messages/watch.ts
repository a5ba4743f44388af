// Messages of the availability watches: overlay/popup → background.
import * as z from 'zod/mini';
import '../zod-locale';
import { section, type MessageDef, type ReqOf, type ResOf } from '../messaging';
import { fareDefinitionSchema, flexDaysSchema, maxFenSchema, seatClassSchema, seatsSchema, trainCodeSchema, trainFilterSchema } from '../watch/model';
import { watchViewSchema } from '../watch/view';

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const station = z.object({ telecode: z.string().check(z.regex(/^[A-Z]{3}$/)), name: z.optional(z.string().check(z.maxLength(32))) });
const id = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
const none = z._default(z.object({}), {});
const int = () => z.number().check(z.int());
const classes = () => z.array(seatClassSchema).check(z.minLength(1));

const backoffInfo = z.object({ code: z.string(), message: z.object({ zh: z.string(), en: z.string() }), until: z.number() });

export const watchStatusSummarySchema = z.object({
  now: z.number(),
  total: int(),
  active: int(),
  /** Watches with seats now (the badge). */
  withSeats: int(),
  backoff: z.optional(backoffInfo),
  quietUntil: z.optional(z.number()),
  lastCycleAt: z.optional(z.number()),
  /** Stored watches that could not be read (kept aside in storage, not deleted). */
  unreadable: z.optional(int()),
  /** When a stored watches value that was not a document at all was kept aside as a backup. */
  backupAt: z.optional(z.number()),
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
      trains: z.array(z.string().check(z.maxLength(8))).check(z.maxLength(50)),
      /** 12306 internal train numbers, when known (more exact than the code). */
      trainNos: z.optional(z.array(z.string().check(z.maxLength(16))).check(z.maxLength(50))),
      classes: classes(),
      seats: z._default(seatsSchema, 1),
      origin: z.optional(z.enum(['overlay', 'popup'])),
      /** Which trains count when none is named (types, departure window). */
      filter: z.optional(trainFilterSchema),
      /** 1: the day before and after count too. */
      flexDays: z.optional(flexDaysSchema),
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
    res: z.extend(watchStatusSummarySchema, { watches: z.array(watchViewSchema) }),
  },
  'watch.status': { req: none, res: watchStatusSummarySchema },
  /** Edit what a watch wants; the seat state starts afresh when the definition changes. */
  'watch.update': {
    req: z.extend(id, {
      classes: z.optional(classes()),
      seats: z.optional(seatsSchema),
      trains: z.optional(z.array(trainCodeSchema).check(z.maxLength(50))),
      filter: z.optional(z.nullable(trainFilterSchema)),
      flexDays: z.optional(flexDaysSchema),
      maxFen: z.optional(maxFenSchema),
    }),
    res: z.object({ watch: watchViewSchema }),
  },
  'watch.pause': { req: z.extend(id, { paused: z.boolean() }), res: z.object({ watch: watchViewSchema }) },
  /** `restore`: the removed watch as an export file, for an undo (watch.import). */
  'watch.delete': { req: id, res: z.object({ deleted: z.boolean(), restore: z.optional(z.string().check(z.maxLength(20_000))) }) },
  /** Which trains and classes of a route and day are watched (the 12306 bells show it). */
  'watch.watched': {
    req: z.object({ date, from: z.string().check(z.regex(/^[A-Z]{3}$/)), to: z.string().check(z.regex(/^[A-Z]{3}$/)) }),
    res: z.object({ items: z.array(z.object({ id: z.string(), train: z.string(), cls: seatClassSchema })).check(z.maxLength(2000)) }),
  },
  'watch.export': { req: none, res: z.object({ json: z.string(), count: int() }) },
  'watch.import': {
    req: z.object({ json: z.string().check(z.maxLength(2_000_000)) }),
    res: z.object({
      added: int(),
      duplicates: int(),
      errors: z.array(z.object({ index: int(), message: z.string() })),
    }),
  },
} satisfies Record<string, MessageDef>;

export type Name = keyof typeof watchMessages;
export type Req<N extends Name> = ReqOf<typeof watchMessages, N>;
export type Res<N extends Name> = ResOf<typeof watchMessages, N>;
export const { send, on } = section(watchMessages);
