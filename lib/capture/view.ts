// What an overlay shows, as the background sends it: the other mode's options for the page's
// date and city pair, the verdict, how old each source is, and per-train notes. One schema,
// validated where it enters the content script (lib/messaging.ts).
import * as z from 'zod';
import { seatClassSchema as seatClass } from '../seat-class-schema';

const bilingual = z.object({ zh: z.string().max(400), en: z.string().max(400) });

export const placeRefSchema = z.object({
  name: z.string().max(32).optional(),
  telecode: z.string().regex(/^[A-Z]{3}$/).optional(),
  cityCode: z.string().regex(/^[A-Z]{3}$/).optional(),
});
export type PlaceRef = z.infer<typeof placeRefSchema>;

export const seatViewSchema = z.object({
  cls: seatClass,
  name: z.string().max(16),
  nameEn: z.string().max(40),
  kind: z.enum(['count', 'plenty', 'none', 'waitlist', 'not-on-sale']),
  n: z.number().int().min(0).optional(),
  price: z.number().int().min(0).optional(),
});
export type SeatView = z.infer<typeof seatViewSchema>;

export const rowViewSchema = z.object({
  id: z.string().max(64),
  mode: z.enum(['rail', 'air']),
  /** G101 / MU5102. */
  code: z.string().max(16),
  trainNo: z.string().max(16).optional(),
  airline: z.string().max(32).optional(),
  fromName: z.string().max(40),
  toName: z.string().max(40),
  depart: z.number(),
  arrive: z.number(),
  arriveDayOffset: z.number().int().min(0).max(9),
  durationMin: z.number().int().min(0),
  doorToDoorMin: z.number().int().min(0),
  price: z.number().int().min(0).optional(),
  priceIncludesTaxes: z.boolean(),
  priceNote: bilingual.optional(),
  soldOut: z.boolean(),
  /** Rankings over both modes (the comparison's). */
  tops: z.array(z.enum(['cheapest', 'fastest', 'earliest', 'pareto'])).max(4),
  /** Best within its own mode (the cheapest / fastest train among the trains shown). */
  best: z.array(z.enum(['cheapest', 'fastest'])).max(2),
  seats: z.array(seatViewSchema).max(16),
});
export type RowView = z.infer<typeof rowViewSchema>;

/** On the 12306 page: a flight that beats this train (faster door to door, or cheaper). */
export const beatSchema = z.object({
  trainNo: z.string().max(16),
  code: z.string().max(16),
  flightNo: z.string().max(16),
  fasterMin: z.number().int().positive().optional(),
  cheaperFen: z.number().int().positive().optional(),
});
export type Beat = z.infer<typeof beatSchema>;

export const overlayViewSchema = z.object({
  show: z.enum(['rail', 'air']),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  from: z.object({ city: z.string().max(32), cityCode: z.string().max(3).optional() }).optional(),
  to: z.object({ city: z.string().max(32), cityCode: z.string().max(3).optional() }).optional(),
  /** ok: rows of the other mode are known; no-data: nothing captured yet; no-place / error: see `error`. */
  status: z.enum(['ok', 'no-data', 'no-place', 'error']),
  error: bilingual.optional(),
  rows: z.array(rowViewSchema).max(600),
  verdict: bilingual.optional(),
  /** When each source was captured or queried live (epoch ms), whether it is stale, and whether it is live. */
  sources: z.object({
    rail: z.object({ at: z.number(), stale: z.boolean(), source: z.string().max(16), live: z.boolean().optional() }).optional(),
    air: z.object({ at: z.number(), stale: z.boolean(), source: z.string().max(16), live: z.boolean().optional() }).optional(),
  }),
  /** Why the live query for the other mode did not answer (maintenance, back-off…), when one was tried. */
  liveError: bilingual.optional(),
  beats: z.array(beatSchema).max(600),
  /** Captures that could not be decoded so far (see the diagnostics list). */
  diagnostics: z.number().int().min(0),
  /** The other site's search for this date and route, to get the missing data in one click. */
  otherSearchUrl: z.string().url().optional(),
});
export type OverlayView = z.infer<typeof overlayViewSchema>;
