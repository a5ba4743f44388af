// Isolated-world side of the channel (see channel.ts): listen for the tap's events, validate
// each one, and pass valid captures on. Invalid events are reported, not thrown.
import { CAPTURE_EVENT } from './channel';
import { parseTapDetail, type Capture } from './schema';

export function listenForCaptures(
  target: EventTarget,
  onCapture: (capture: Capture) => void,
  onRejected: (reason: string) => void = () => {},
  /** The kinds this site's tap produces; others are refused (a 12306 page cannot hand us flights). */
  kinds?: ReadonlyArray<Capture['kind']>,
): () => void {
  const listener = (event: Event) => {
    const parsed = parseTapDetail((event as CustomEvent).detail);
    if (!parsed.ok) onRejected(parsed.reason);
    else if (kinds && !kinds.includes(parsed.capture.kind)) onRejected(`capture kind ${parsed.capture.kind} does not belong to this site`);
    else onCapture(parsed.capture);
  };
  target.addEventListener(CAPTURE_EVENT, listener);
  return () => target.removeEventListener(CAPTURE_EVENT, listener);
}
