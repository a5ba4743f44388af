// Messages of the capture and overlay feature (issue 4): content scripts → background.
import * as z from 'zod';
import type { MessageDef } from '../messaging';
import { captureSchema } from '../capture/schema';
import { overlayViewSchema, placeRefSchema } from '../capture/view';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const stationRef = z.object({
  name: z.string().max(32).optional(),
  telecode: z.string().regex(/^[A-Z]{3}$/).optional(),
});

/** What the content script read from the page about the search (used when a capture lacks it). */
export const pageContextSchema = z.object({
  url: z.string().max(4096),
  rail: z.object({ date: date.optional(), from: stationRef.optional(), to: stationRef.optional() }).optional(),
  air: z
    .object({
      date: date.optional(),
      depCity: z.string().regex(/^[A-Z]{3}$/).optional(),
      arrCity: z.string().regex(/^[A-Z]{3}$/).optional(),
    })
    .optional(),
});

const overlaySite = z.enum(['12306', 'fliggy']);

/**
 * Background → content script (browser.tabs.sendMessage, not a request/response message): the
 * stored captures changed, so an overlay showing the other mode should ask for its view again.
 */
export const capturesChangedEventSchema = z.object({ railair: z.literal(1), event: z.literal('captures.changed') });
export type CapturesChangedEvent = z.infer<typeof capturesChangedEventSchema>;
export const CAPTURES_CHANGED: CapturesChangedEvent = { railair: 1, event: 'captures.changed' };

const diagnosticEntry = z.object({
  at: z.number(),
  kind: z.string().max(32),
  url: z.string().max(4096),
  status: z.number(),
  code: z.string().max(40),
  message: z.string().max(1000),
  sample: z.string().max(400),
});

export const captureMessages = {
  /** A validated capture from a page, with the page's idea of the route. */
  'capture.submit': {
    req: z.object({ capture: captureSchema, page: pageContextSchema }),
    res: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('stored'), key: z.string(), count: z.number().int(), issues: z.number().int() }),
      z.object({ outcome: z.literal('stations'), count: z.number().int(), kept: z.boolean() }),
      z.object({ outcome: z.literal('moved'), endpoint: z.string().optional() }),
      z.object({ outcome: z.literal('rejected'), code: z.string(), message: z.string() }),
    ]),
  },
  /** What the overlay should show: the other mode for the page's date and route. */
  'overlay.view': {
    req: z.object({ show: z.enum(['rail', 'air']), date, from: placeRefSchema, to: placeRefSchema }),
    res: overlayViewSchema,
  },
  /**
   * What an overlay needs from the extension's settings: the UI language and whether the user
   * collapsed this site's panel. Content scripts ask the background instead of reading storage,
   * which is closed to them (it holds the Taobao secret).
   */
  'overlay.prefs': {
    req: z.object({ site: overlaySite }),
    res: z.object({ language: z.enum(['zh-CN', 'en']), collapsed: z.boolean() }),
  },
  /** Remembers a panel's collapsed/expanded state for its site. */
  'overlay.collapse': {
    req: z.object({ site: overlaySite, collapsed: z.boolean() }),
    res: z.object({ ok: z.literal(true) }),
  },
  /** The diagnostics list (undecodable captures), newest first. */
  'capture.diagnostics': {
    req: z.object({}).default({}),
    res: z.object({
      entries: z.array(diagnosticEntry).max(100),
      undecodable: z.number().int().min(0),
      unrecognised: z.number().int().min(0),
      /** Stored entries found invalid when read back (dropped). */
      dropped: z.number().int().min(0).optional(),
    }),
  },
} satisfies Record<string, MessageDef>;
