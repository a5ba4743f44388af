// The watches document (local:watches): every watch with its runtime state, per-route schedule
// and 12306 back-off in one value, so a cycle persists atomically. Its schema and lenient reader
// live with the watch model (lib/watch/model.ts), which the pure scheduler shares.
export { watchesDocSchema, parseDoc, type WatchesDoc } from '../watch/model';

/** Test builds only: a poll interval below the 30 s floor for the e2e run (local:watchTest). */
export interface WatchTestSettings {
  intervalSec?: number;
}

/** A stored watches value that was not a watches document, kept as it was (local:watchesBackup). */
export interface WatchesBackup {
  at: number;
  value: unknown;
}
