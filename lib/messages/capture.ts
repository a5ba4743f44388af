// Messages of the capture and overlay feature: content scripts → background. zod/mini: the
// content scripts carry this section; each message's schemas are built on its first use (`once`),
// so a content script builds none while the page loads.
import * as z from 'zod/mini';
import { once, section, type ReqOf, type ResOf } from '../messaging';
import { captureSchema } from '../capture/schema';
import { overlayViewSchema, placeRefSchema } from '../capture/view';

const date = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const code3 = () => z.string().check(z.regex(/^[A-Z]{3}$/));
const str = (max: number) => z.string().check(z.maxLength(max));
const int = () => z.number().check(z.int());
const count = () => z.number().check(z.int(), z.gte(0));
const overlaySite = () => z.enum(['12306', 'fliggy']);

/**
 * The route a capture belongs to, derived once by the content script: what the page queried
 * (the capture's URL) with the page's form, cookies and URL filling the gaps.
 */
export const captureRouteSchema = once(() => {
  const stationRef = z.object({ name: z.optional(str(32)), telecode: z.optional(code3()) });
  return z.object({
    rail: z.optional(z.object({ date: z.optional(date()), from: z.optional(stationRef), to: z.optional(stationRef) })),
    air: z.optional(z.object({ date: z.optional(date()), depCity: z.optional(code3()), arrCity: z.optional(code3()) })),
  });
});
export type CaptureRoute = z.infer<ReturnType<typeof captureRouteSchema>>;

/**
 * Background → content script (browser.tabs.sendMessage, not a request/response message): the
 * stored captures changed, so an overlay showing the other mode should ask for its view again.
 */
export const capturesChangedEventSchema = once(() => z.object({ railair: z.literal(1), event: z.literal('captures.changed') }));
export type CapturesChangedEvent = z.infer<ReturnType<typeof capturesChangedEventSchema>>;
export const CAPTURES_CHANGED: CapturesChangedEvent = { railair: 1, event: 'captures.changed' };


export const captureMessages = {
  /** A capture from a page (its body as the page received it) with its route. */
  'capture.submit': once(() => ({
    req: z.object({ capture: captureSchema(), route: captureRouteSchema() }),
    res: z.union([
      z.object({ ok: z.literal(true), filed: z.literal('result'), key: z.string(), count: int(), issues: int() }),
      z.object({ ok: z.literal(true), filed: z.literal('stations'), count: int(), kept: z.boolean() }),
      z.object({ ok: z.literal(true), filed: z.literal('moved'), endpoint: z.optional(z.string()) }),
      z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.object({ zh: z.string(), en: z.string() }) }) }),
    ]),
  })),
  /** What the overlay should show: the other mode for the page's date and route. */
  'overlay.view': once(() => ({
    req: z.object({ show: z.enum(['rail', 'air']), date: date(), from: placeRefSchema(), to: placeRefSchema() }),
    res: overlayViewSchema(),
  })),
  /**
   * What an overlay needs from the extension's settings: the UI language and whether the user
   * collapsed this site's panel. Content scripts ask the background instead of reading storage,
   * which is closed to them (it holds the Taobao secret).
   */
  'overlay.prefs': once(() => ({
    req: z.object({ site: overlaySite() }),
    res: z.object({ language: z.enum(['zh-CN', 'en']), collapsed: z.boolean() }),
  })),
  /**
   * Runs the site's overlay UI script in the asking tab's content-script world (the background
   * injects it: nothing of ours is web-accessible to the page, and no content script imports a
   * computed URL).
   */
  'overlay.load': once(() => ({
    req: z.object({ site: overlaySite() }),
    res: z.object({ ok: z.literal(true) }),
  })),
  /**
   * The UI catalog of a language, for an overlay whose language is not the one the browser's
   * chrome.i18n picked (content scripts cannot fetch the extension's files; the worker can).
   */
  'ui.catalog': once(() => ({
    req: z.object({ lang: z.enum(['zh-CN', 'en']) }),
    res: z.record(z.string().check(z.maxLength(64)), z.object({ message: z.string().check(z.maxLength(2000)) })),
  })),
  /** Remembers a panel's collapsed/expanded state for its site. */
  'overlay.collapse': once(() => ({
    req: z.object({ site: overlaySite(), collapsed: z.boolean() }),
    res: z.object({ ok: z.literal(true) }),
  })),
  /** The diagnostics list (undecodable captures), newest first. */
  'capture.diagnostics': once(() => ({
    req: z._default(z.object({}), {}),
    res: z.object({
      entries: z
        .array(
          z.object({
            at: z.number(),
            kind: str(32),
            url: str(4096),
            status: z.number(),
            code: str(40),
            message: str(1000),
            sample: str(400),
          }),
        )
        .check(z.maxLength(100)),
      undecodable: count(),
      unrecognised: count(),
      /** Stored entries found invalid when read back (dropped). */
      dropped: z.optional(count()),
    }),
  })),
};

export type Name = keyof typeof captureMessages;
export type Req<N extends Name> = ReqOf<typeof captureMessages, N>;
export type Res<N extends Name> = ResOf<typeof captureMessages, N>;
export const { send, on, prepare } = section(captureMessages);
