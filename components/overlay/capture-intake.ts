// A content script's intake of the tap's captures, timed so the page goes first. zod builds a
// schema slowly (first use compiles its code: about as long as checking a capture), so the schemas
// a capture needs are built while the page waits for its answer, one per idle slice, and none as
// that answer arrives. Each capture is then read in idle time too: it arrives just as the page
// renders the same answer.
import { CAPTURE_READ_WITHIN_MS, listenForCaptures } from '../../lib/capture/receive';
import { captureHeaderSchema, type Capture } from '../../lib/capture/schema';
import { SITE_KINDS } from '../../lib/capture/urls';
import { prepare } from '../../lib/messages/capture';
import { whenIdle } from './idle';

/** Listens for this site's captures over the tap's private channel; returns the stop function. */
export function takeCaptures(site: keyof typeof SITE_KINDS, submit: (capture: Capture) => void): () => void {
  whenIdle(() => captureHeaderSchema(), 1000);
  whenIdle(() => prepare('capture.submit'), 1000);
  return listenForCaptures(
    document,
    submit,
    (why) => console.debug('[RailAir] ignored capture:', why),
    SITE_KINDS[site],
    (read) => whenIdle(read, CAPTURE_READ_WITHIN_MS),
  );
}
