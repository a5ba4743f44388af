// A watch alert as a push: the desktop notification's words (train, class, seats, price, route)
// and its link (12306's search for the route and day, or Fliggy's), plus the key that makes it
// "one push per watch per transition": the same watch saying the same thing again is not news.
import type { WatchNotification } from '../watch/notify';
import type { PushMessage } from './channels';

export interface WatchPush {
  key: string;
  message: PushMessage;
}

/** FNV-1a of the text: a short, stable key for what the alert says. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function watchPush(watchId: string, n: WatchNotification): WatchPush {
  return {
    key: `${watchId}|${digest(`${n.title}\n${n.message}`)}`,
    message: { title: n.title.slice(0, 100), body: n.message.slice(0, 2000), url: n.url },
  };
}
