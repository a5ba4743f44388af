// Validation of what the tap hands over (untrusted: the page can dispatch the same event) and of
// the capture as it enters the worker. Size caps keep a hostile or broken page from filling
// memory or storage. zod/mini, and built on first use (`once`): the content scripts carry this
// file, and building schemas while the page loads would cost the page time.
import * as z from 'zod/mini';
import { once } from '../messaging';
import { MAX_BODY_CHARS } from './channel';

const CAPTURE_KINDS = ['left-ticket', 'station-list', 'fliggy-search', 'top-search', 'fliggy-dom'] as const;

/** One rendered Fliggy row (lib/air/fliggy-search.ts FliggyDomRow), as the isolated script reads it. */
export const fliggyDomRowsSchema = once(() => {
  const cell = z.string().check(z.maxLength(200));
  return z
    .array(
      z.object({
        date: z.string().check(z.maxLength(10)),
        flightNo: cell,
        airlineName: z.optional(cell),
        aircraft: z.optional(cell),
        depTime: cell,
        arrTime: cell,
        depAirport: cell,
        arrAirport: cell,
        depAirportCode: z.optional(cell),
        arrAirportCode: z.optional(cell),
        price: cell,
        discount: z.optional(cell),
        transfer: z.optional(z.boolean()),
        codeshare: z.optional(cell),
        depCity: z.optional(cell),
        arrCity: z.optional(cell),
      }),
    )
    .check(z.maxLength(500));
});

/** Everything about a capture but its body. */
export const captureHeaderSchema = once(() => {
  const httpUrl = z.string().check(z.maxLength(4096), z.regex(/^https?:\/\//, 'absolute http(s) URL'));
  return z.object({
    v: z.literal(1),
    kind: z.enum(CAPTURE_KINDS),
    url: httpUrl,
    responseUrl: z.optional(httpUrl),
    status: z.number().check(z.int(), z.gte(0), z.lte(999)),
    tooLarge: z.optional(z.number().check(z.int(), z.positive())),
    at: z.number(),
  });
});

/** A capture with its body as the page received it (a length check only: the worker decodes it). */
export const captureSchema = once(() => z.extend(captureHeaderSchema(), { body: z.string().check(z.maxLength(MAX_BODY_CHARS)) }));
export type Capture = z.infer<ReturnType<typeof captureSchema>>;

/** The header line is small; anything longer is refused unread. */
const MAX_HEADER_CHARS = 16 * 1024;

export type ParsedDetail = { ok: true; capture: Capture } | { ok: false; reason: string };

/**
 * Reads one event detail from the tap (lib/capture/channel.ts encodeTapDetail): parses the header
 * line only and takes the body as it is, so nothing large is parsed on the page's thread. Never throws.
 */
export function parseTapDetail(detail: unknown): ParsedDetail {
  if (typeof detail !== 'string') return { ok: false, reason: 'detail is not a string' };
  const cut = detail.indexOf('\n');
  if (cut < 0 || cut > MAX_HEADER_CHARS) return { ok: false, reason: 'detail has no header line' };
  const body = detail.slice(cut + 1);
  if (body.length > MAX_BODY_CHARS) return { ok: false, reason: `body too large (${body.length} chars)` };
  let raw: unknown;
  try {
    raw = JSON.parse(detail.slice(0, cut));
  } catch {
    return { ok: false, reason: 'header is not JSON' };
  }
  const parsed = z.safeParse(captureHeaderSchema(), raw);
  if (!parsed.success) return { ok: false, reason: `invalid capture: ${parsed.error.issues[0]?.message ?? 'schema'}` };
  return { ok: true, capture: { ...parsed.data, body } };
}
