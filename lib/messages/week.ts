// Messages of the week strip (popup → background): open a strip for a search, then ask its
// planned queries one at a time. The worker plans, spaces and counts the queries; the popup only
// asks when a step's time has come, so closing it leaves nothing queued.
import * as z from 'zod/mini';
import '../zod-locale';
import { section, type MessageDef, type ReqOf, type ResOf } from '../messaging';
import type { ChinaDate } from '../model';
import { recentSearchReqSchema } from './search';

/** Dates keep the model's ChinaDate type (the strip's days are model values). */
const date = z.custom<ChinaDate>((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), 'yyyy-MM-dd');
const fen = z.number().check(z.int(), z.gte(0));
const mode = z.enum(['rail', 'air']);
const until = z.optional(z.number());
const stripId = z.string().check(z.maxLength(40));

const railDay = z.union([
  z.object({ state: z.literal('ok'), cheapest: z.optional(fen), seatsLeft: z.boolean(), trains: z.number() }),
  z.object({ state: z.literal('not-on-sale'), opens: z.optional(date) }),
  z.object({ state: z.literal('held'), until }),
  z.object({ state: z.literal('error') }),
]);
const airDay = z.union([
  z.object({ state: z.literal('ok'), cheapest: z.optional(fen), taxesIn: z.boolean(), flights: z.number() }),
  z.object({ state: z.literal('held'), until }),
  z.object({ state: z.literal('none') }),
  z.object({ state: z.literal('error') }),
]);

export const weekMessages = {
  /** A new strip for this search (any older one stops): the days known now and the queries planned. */
  'week.open': {
    req: recentSearchReqSchema,
    res: z.object({
      stripId,
      days: z.array(z.object({ date, rail: z.optional(railDay), air: z.optional(airDay) })).check(z.maxLength(7)),
      steps: z.array(z.object({ date, mode, at: z.number() })).check(z.maxLength(14)),
    }),
  },
  /** One planned query of the open strip; `gone` when the strip was replaced or closed. */
  'week.day': {
    req: z.object({ stripId, date, mode }),
    res: z.union([
      z.object({ state: z.literal('gone') }),
      z.object({ state: z.literal('rail'), day: railDay }),
      z.object({ state: z.literal('air'), day: airDay }),
    ]),
  },
  /** The strip was closed: a query waiting for its turn is not sent. */
  'week.close': { req: z.object({ stripId }), res: z.object({}) },
} satisfies Record<string, MessageDef>;

export type WeekMsgReq<N extends keyof typeof weekMessages> = ReqOf<typeof weekMessages, N>;
export type WeekMsgRes<N extends keyof typeof weekMessages> = ResOf<typeof weekMessages, N>;
export const { send, on } = section(weekMessages);
