// The tabs showing an overlay, told when the stored captures change (a Fliggy search in one tab
// fills the 12306 panel of another without a reload). Content scripts cannot watch storage
// themselves: it is closed to them. Kept in storage (the session area) so a restarted worker
// still knows them; a tab that no longer answers is forgotten.
import { CAPTURES_CHANGED } from '../messages/capture';
import type { StoredValue } from '../store/item';
import type { OverlayTabIds } from '../store/overlay';

export interface OverlayTabs {
  add(tabId: number): Promise<void>;
  /** Tells every known tab but `except` (the tab whose capture it was: it refreshes by itself). */
  notify(except?: number): Promise<void>;
}

export const MAX_OVERLAY_TABS = 32;

export function createOverlayTabs(deps: { store: StoredValue<OverlayTabIds>; send: (tabId: number, message: unknown) => Promise<unknown> }): OverlayTabs {
  let memory: number[] = [];
  const read = async (): Promise<number[]> => {
    try {
      const v = await deps.store.getValue();
      if (Array.isArray(v)) memory = v.filter((t): t is number => Number.isInteger(t));
    } catch {
      // The session area may be missing (older browsers): the in-memory list serves.
    }
    return memory;
  };
  const write = async (tabs: number[]) => {
    memory = tabs;
    try {
      await deps.store.setValue(tabs);
    } catch {
      // As above: memory only.
    }
  };
  return {
    async add(tabId) {
      const tabs = await read();
      if (!tabs.includes(tabId)) await write([tabId, ...tabs].slice(0, MAX_OVERLAY_TABS));
    },
    async notify(except) {
      const tabs = await read();
      const gone: number[] = [];
      await Promise.all(
        tabs
          .filter((t) => t !== except)
          .map((t) =>
            deps.send(t, CAPTURES_CHANGED).catch(() => {
              gone.push(t);
            }),
          ),
      );
      if (gone.length) await write((await read()).filter((t) => !gone.includes(t)));
    },
  };
}
