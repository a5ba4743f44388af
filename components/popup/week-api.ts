// The week strip's real connection: the week.* messages, and whether the user left it open (a
// popup-page preference, read synchronously so the strip paints in its state at once).
import { send } from '../../lib/messages/week';
import type { WeekApi } from './week-run';

const OPEN_KEY = 'railair.weekOpen';

export const weekApi: WeekApi = {
  open: (q) => send('week.open', q),
  day: (req) => send('week.day', req),
  close: (stripId) => void send('week.close', { stripId }).catch(() => undefined),
  now: () => Date.now(),
  wasOpen: () => {
    try {
      return globalThis.localStorage?.getItem(OPEN_KEY) === '1';
    } catch {
      return false;
    }
  },
  rememberOpen: (open) => {
    try {
      globalThis.localStorage?.setItem(OPEN_KEY, open ? '1' : '0');
    } catch {
      /* a preference only */
    }
  },
};
