// The hand-over from the MAIN-world tap to the isolated content script: a private MessageChannel.
//
// Why a channel of our own: anything a page can dispatch (postMessage, DOM events) a page can
// forge, so captures must not arrive that way. Both scripts run at document_start, before any
// page script: the tap creates a MessageChannel and hands one port over in a synchronous, cancelable
// event of our own type; the isolated script takes it (preventDefault tells the tap it was taken)
// and from then on reads captures from that port only. Whichever of the two runs first, the
// other completes the hand-over: the isolated script says "hello" when it starts, and a tap that
// found no taker offers a new port on that hello. Once taken, neither side hands over or takes
// again, so a page script (which runs later) can neither obtain the port nor pass one in.
// Each capture is one string (strings cross the world boundary in Chrome and Firefox): a one-line
// JSON header, a newline, then the body exactly as the page received it, never parsed on the
// page's thread; the isolated script validates the header with zod and the body's size
// (lib/capture/schema.ts) before passing it on.

import type { CaptureKind } from './urls';

/** Tap → isolated script: a MessageEvent carrying the channel's far port. */
export const PORT_EVENT = 'railair:port:v2';
/** Isolated script → tap: "listening now" (the tap offers a port if none was taken yet). */
export const HELLO_EVENT = 'railair:hello:v2';

/** Bodies longer than this (UTF-16 code units) are not copied; the tap reports their size instead. */
export const MAX_BODY_CHARS = 2 * 1024 * 1024;

/** What the tap hands over. `body` is the response text exactly as the page received it. */
export interface TapMessage {
  v: 1;
  kind: CaptureKind;
  /** The URL the page asked for (absolute). */
  url: string;
  /** The URL that answered, after redirects, when known. */
  responseUrl?: string;
  /** HTTP status; 200 for JSONP (a script that ran). */
  status: number;
  body: string;
  /** Set when the body was over MAX_BODY_CHARS and not copied: its length. */
  tooLarge?: number;
  /** When the tap saw it (page clock, for information only). */
  at: number;
}

export type Emit = (message: TapMessage) => void;

/** The event's detail: the header as one line of JSON (JSON.stringify escapes newlines), '\n', the body. */
export function encodeTapDetail(message: TapMessage): string {
  const { body, ...header } = message;
  return `${JSON.stringify(header)}\n${body}`;
}

/** The page's own constructors as they were when the tap started (a page may replace them later). */
export interface ChannelGlobals {
  MessageChannel: typeof MessageChannel;
  MessageEvent: typeof MessageEvent;
  MessagePort: typeof MessagePort;
}

/**
 * The tap's sender: makes the private channel and hands its far port over (see above). Captures
 * made before the hand-over completes wait in a short queue.
 */
export function portEmitter(doc: EventTarget, g: ChannelGlobals): Emit {
  // Kept now: a page script may replace MessagePort.prototype.postMessage later.
  const post = g.MessagePort.prototype.postMessage;
  let port: MessagePort | undefined;
  const queue: string[] = [];
  const offer = (): boolean => {
    const ch = new g.MessageChannel();
    const taken = !doc.dispatchEvent(new g.MessageEvent(PORT_EVENT, { cancelable: true, ports: [ch.port2] }));
    if (!taken) {
      ch.port1.close();
      return false;
    }
    port = ch.port1;
    for (const m of queue.splice(0)) post.call(port, m);
    return true;
  };
  if (!offer()) {
    const onHello = () => {
      if (port || offer()) doc.removeEventListener(HELLO_EVENT, onHello);
    };
    doc.addEventListener(HELLO_EVENT, onHello);
  }
  return (message) => {
    const detail = encodeTapDetail(message);
    if (port) post.call(port, detail);
    else if (queue.length < 16) queue.push(detail);
  };
}
