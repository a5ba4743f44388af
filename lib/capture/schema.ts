// Validation of what the tap hands over (untrusted: the page can dispatch the same event) and of
// the capture as it travels on to the background. Size caps keep a hostile or broken page from
// filling memory or storage.
import * as z from 'zod';
import { MAX_BODY_CHARS } from './channel';

export const captureKindSchema = z.enum(['left-ticket', 'station-list', 'fliggy-search', 'top-search', 'fliggy-dom']);

/** One rendered Fliggy row (lib/air/fliggy-search.ts FliggyDomRow), as the isolated script reads it. */
const cell = z.string().max(200);
export const fliggyDomRowsSchema = z
  .array(
    z.object({
      date: z.string().max(10),
      flightNo: cell,
      airlineName: cell.optional(),
      aircraft: cell.optional(),
      depTime: cell,
      arrTime: cell,
      depAirport: cell,
      arrAirport: cell,
      depAirportCode: cell.optional(),
      arrAirportCode: cell.optional(),
      price: cell,
      discount: cell.optional(),
      transfer: z.boolean().optional(),
      codeshare: cell.optional(),
      depCity: cell.optional(),
      arrCity: cell.optional(),
    }),
  )
  .max(500);

const httpUrl = z
  .string()
  .max(4096)
  .regex(/^https?:\/\//, 'absolute http(s) URL');

export const captureSchema = z.object({
  v: z.literal(1),
  kind: captureKindSchema,
  url: httpUrl,
  responseUrl: httpUrl.optional(),
  status: z.number().int().min(0).max(999),
  body: z.string().max(MAX_BODY_CHARS),
  tooLarge: z.number().int().positive().optional(),
  at: z.number().finite(),
});
export type Capture = z.infer<typeof captureSchema>;

/** The event detail is JSON text; anything much longer than a capped body is refused unread. */
export const MAX_DETAIL_CHARS = MAX_BODY_CHARS + 16 * 1024;

export type ParsedDetail = { ok: true; capture: Capture } | { ok: false; reason: string };

/** Parses one event detail from the tap. Never throws. */
export function parseTapDetail(detail: unknown): ParsedDetail {
  if (typeof detail !== 'string') return { ok: false, reason: 'detail is not a string' };
  if (detail.length > MAX_DETAIL_CHARS) return { ok: false, reason: `detail too large (${detail.length} chars)` };
  let raw: unknown;
  try {
    raw = JSON.parse(detail);
  } catch {
    return { ok: false, reason: 'detail is not JSON' };
  }
  const parsed = captureSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `invalid capture: ${parsed.error.issues[0]?.message ?? 'schema'}` };
  return { ok: true, capture: parsed.data };
}
