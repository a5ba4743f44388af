// Asking the background for a train watch from a bell (popup; the overlay has the same outcome
// kinds). Lives in common/ so the popup need not load the overlay's shadow-DOM host code.
import { MessageError } from '../../lib/messaging';
import { send as sendMessage } from '../../lib/messages/overlay';
import type { Req } from '../../lib/messages/watch';
import type { Availability } from '../../lib/model';
import type { WatchOutcome } from '../overlay/RowAnnotations';

export type { WatchOutcome };
export type WatchRequest = Req<'watch.create'>;
type Sender = Parameters<typeof sendMessage>[2];

/** A class a bell belongs on: sold out (无) or only the waiting list open (候补). */
export const watchable = (a: Availability): boolean => a.kind === 'none' || a.kind === 'waitlist';

/** Removes the watch a watched bell shows (its second click); false when it could not. */
export async function removeWatch(id: string, send?: Sender): Promise<boolean> {
  try {
    return (await sendMessage('watch.delete', { id }, send)).deleted;
  } catch {
    return false;
  }
}

/** Sends `watch.create`; says clearly when no watch service answers (the worker is missing or failed to start). */
export async function requestWatch(req: WatchRequest, send?: Sender): Promise<WatchOutcome> {
  try {
    const r = await sendMessage('watch.create', req, send);
    return r.created ? { kind: 'created', id: r.id } : { kind: 'exists', id: r.id };
  } catch (e) {
    // No watch service answering (not registered, or no background listening) is not a failure of the watch.
    if (e instanceof MessageError && (e.code === 'unknown-message' || e.code === 'no-reply' || e.code === 'no-receiver')) return { kind: 'unavailable' };
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}
