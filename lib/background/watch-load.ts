// Reading the watches document for the watch service: lenient (lib/watch/model.ts parseDoc), and
// never losing what it cannot read. Watches it cannot read are set aside, and revived when a newer
// build reads them. A stored value that is not a document at all is copied to the backup item
// before anything is written over it. A store that still holds what this worker last wrote
// (lib/store/watch-layout.ts) answers from memory.
import type { EpochMs } from '../model';
import type { StoredValue } from '../store/item';
import type { WatchDocStore } from '../store/watch-layout';
import { parseDoc, type WatchesBackup, type WatchesDoc } from '../store/watches';

export interface WatchLoadDeps {
  store: WatchDocStore;
  backup?: StoredValue<WatchesBackup | null> | undefined;
  now: () => EpochMs;
  log: (msg: string, ...rest: unknown[]) => void;
}

export async function loadWatches(deps: WatchLoadDeps): Promise<WatchesDoc> {
  const { log } = deps;
  // What this worker itself wrote, still in storage: read and checked when it was made.
  const written = deps.store.peek?.();
  if (written) return written;
  const parsed = parseDoc(await deps.store.getValue());
  const { doc, repaired, unreadable, revived, issues } = parsed;
  if (repaired > 0) log(`${repaired} stored watch(es) had over-long fields: clipped and kept`);
  if (unreadable > 0) log(`${unreadable} stored watch(es) could not be read: set aside in storage (watches.unreadable), not deleted`, issues);
  if (revived > 0) log(`${revived} watch(es) set aside earlier are readable again: back in the list`);
  if ('corrupt' in parsed && deps.backup) {
    // The popup says so (watch.status backupAt). An older backup is never overwritten.
    const old = await deps.backup.getValue().catch(() => null);
    if (!old) await deps.backup.setValue({ at: deps.now(), value: parsed.corrupt });
    log('the stored watches were not a watches document: kept as a backup (local:watchesBackup), starting empty');
  }
  return doc;
}
