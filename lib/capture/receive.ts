// Isolated-world side of the channel (see channel.ts): take the tap's port (once, the first one
// offered), then read captures from it only; validate each one and pass valid captures on.
// Nothing a page dispatches (postMessage, DOM events) is read. Invalid captures are reported,
// not thrown. (Should the tap never run, e.g. a browser without MAIN-world scripts, the offer
// stays open and a page could pass a port of its own: it would only feed captures as untrusted
// as the page's own display, validated the same way; with a working tap, that cannot happen.)
import { HELLO_EVENT, PORT_EVENT } from './channel';
import { parseTapDetail, type Capture } from './schema';

/** A capture read in idle time is read at the latest this long after it arrived (a busy page). */
export const CAPTURE_READ_WITHIN_MS = 200;

export function listenForCaptures(
  target: EventTarget,
  onCapture: (capture: Capture) => void,
  onRejected: (reason: string) => void = () => {},
  /** The kinds this site's tap produces; others are refused (a 12306 page cannot hand us flights). */
  kinds?: ReadonlyArray<Capture['kind']>,
  /**
   * When to read a capture: content scripts pass idle time, since a capture arrives just as the
   * page renders the same answer, and reading it (zod) must not hold up the page's rows.
   */
  schedule: (read: () => void) => void = (read) => read(),
): () => void {
  let port: MessagePort | undefined;
  const onMessage = (event: MessageEvent) => schedule(() => read(event));
  const read = (event: MessageEvent) => {
    const parsed = parseTapDetail(event.data);
    if (!parsed.ok) onRejected(parsed.reason);
    else if (kinds && !kinds.includes(parsed.capture.kind)) onRejected(`capture kind ${parsed.capture.kind} does not belong to this site`);
    else onCapture(parsed.capture);
  };
  const onPort = (event: Event) => {
    const offered = (event as MessageEvent).ports?.[0];
    if (port || !offered) return;
    event.preventDefault(); // tells the tap its port was taken
    port = offered;
    port.onmessage = onMessage;
    // Taken once: no later offer (a page's) is looked at.
    target.removeEventListener(PORT_EVENT, onPort);
  };
  target.addEventListener(PORT_EVENT, onPort);
  // A tap that ran before us found no taker: it offers again now, synchronously.
  target.dispatchEvent(new Event(HELLO_EVENT));
  return () => {
    target.removeEventListener(PORT_EVENT, onPort);
    port?.close();
    port = undefined;
  };
}
