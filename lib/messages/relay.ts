// The tab relay's message: background → a 12306 search tab's content script (tabs.sendMessage).
// When 12306 turns the worker's query away, the tab runs the same query from the page's origin
// and answers with it as a capture (lib/capture/schema.ts), validated where it enters the worker.
// Its own section, so the content script carries only this message (zod/mini, built on first use).
import * as z from 'zod/mini';
import { once, section, type ReqOf, type ResOf } from '../messaging';
import { captureSchema } from '../capture/schema';
import { isLeftTicketQueryUrl } from '../sites/12306-page';

export const relayMessages = {
  /** Run this left-ticket query from the page; only 12306 query URLs are accepted. */
  'rail.relay': once(() => ({
    req: z.object({
      url: z.string().check(z.maxLength(2048), z.refine(isLeftTicketQueryUrl, 'not a 12306 left-ticket query URL')),
    }),
    res: z.union([
      z.object({ ok: z.literal(true), capture: captureSchema() }),
      z.object({ ok: z.literal(false), reason: z.string().check(z.maxLength(300)) }),
    ]),
  })),
};

export type Name = keyof typeof relayMessages;
export type Req<N extends Name> = ReqOf<typeof relayMessages, N>;
export type Res<N extends Name> = ResOf<typeof relayMessages, N>;
export const { send, on } = section(relayMessages);
