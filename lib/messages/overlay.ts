// What the overlay sends outside the capture section: a bell's `watch.create` (and `watch.delete`,
// `watch.watched` for a bell that shows its watch). Send-only: the
// request is validated where it enters the worker (lib/messages/watch.ts, whose handler answers
// it), so the overlay carries just the reply's schema, in zod/mini, and none of the watch
// section's schemas. The popup's bells send the same message through the same helper.
import * as z from 'zod/mini';
import { section } from '../messaging';
import type { Req as WatchReq } from './watch';

export const overlayWatchMessages = {
  'watch.create': {
    req: z.custom<WatchReq<'watch.create'>>(),
    res: z.object({ id: z.string(), created: z.boolean() }),
  },
  /** A watched bell clicked again: the watch goes. */
  'watch.delete': {
    req: z.custom<WatchReq<'watch.delete'>>(),
    res: z.object({ deleted: z.boolean() }),
  },
  /** The route's watched trains and classes, for the bells' state. */
  'watch.watched': {
    req: z.custom<WatchReq<'watch.watched'>>(),
    res: z.object({ items: z.array(z.object({ id: z.string(), train: z.string(), cls: z.string() })) }),
  },
};

export const { send } = section(overlayWatchMessages);
