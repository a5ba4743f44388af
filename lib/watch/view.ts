// What the popup shows for each watch: its state in words the user needs (watching, seats now,
// expired, paused — by the user, by quiet hours or by 12306's back-off, and until when).
import * as z from 'zod/mini';
import '../zod-locale';
import type { EpochMs } from '../model';
import { activeBackoff } from './scheduler';
import { quietUntil, type QuietHours } from './quiet';
import { routeKeyOf, watchSchema, type Watch, type WatchesDoc } from './model';

const why = { code: z.string(), message: z.object({ zh: z.string(), en: z.string() }) };
export const watchStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seats') }),
  /** No wanted class has seats, but 候补 (the waiting list) is open on one. */
  z.object({ kind: z.literal('waitlist') }),
  z.object({ kind: z.literal('watching'), nextCheckAt: z.optional(z.number()) }),
  z.object({ kind: z.literal('expired'), reason: z.enum(['departed', 'date-passed']) }),
  z.object({ kind: z.literal('paused-user') }),
  z.object({ kind: z.literal('paused-quiet'), until: z.number() }),
  z.object({ kind: z.literal('paused-backoff'), until: z.number(), ...why }),
  z.object({ kind: z.literal('error'), nextCheckAt: z.optional(z.number()), ...why }),
]);
export type WatchStatus = z.infer<typeof watchStatusSchema>;

export const watchViewSchema = z.object({ watch: watchSchema, status: watchStatusSchema });
export type WatchView = z.infer<typeof watchViewSchema>;

export function statusOf(doc: WatchesDoc, w: Watch, now: EpochMs, quiet: QuietHours): WatchStatus {
  if (w.status === 'expired') return { kind: 'expired', reason: w.expiredReason ?? 'date-passed' };
  if (w.paused) return { kind: 'paused-user' };
  const hasSeats = w.kind === 'rail' ? w.available.length > 0 : w.below;
  if (w.kind === 'fare') return hasSeats ? { kind: 'seats' } : { kind: 'watching' };
  const backoff = activeBackoff(doc, now);
  if (backoff) return { kind: 'paused-backoff', until: backoff.until, code: backoff.code, message: backoff.message };
  const q = quietUntil(now, quiet);
  if (q !== undefined) return { kind: 'paused-quiet', until: q };
  if (hasSeats) return { kind: 'seats' };
  if (w.waitlist?.length) return { kind: 'waitlist' };
  const nextCheckAt = doc.routes[routeKeyOf(w)]?.nextAt;
  if (w.lastError) {
    return { kind: 'error', code: w.lastError.code, message: w.lastError.message, ...(nextCheckAt !== undefined ? { nextCheckAt } : {}) };
  }
  return { kind: 'watching', ...(nextCheckAt !== undefined ? { nextCheckAt } : {}) };
}

export function viewsOf(doc: WatchesDoc, now: EpochMs, quiet: QuietHours): WatchView[] {
  return doc.watches.map((watch) => ({ watch, status: statusOf(doc, watch, now, quiet) }));
}
