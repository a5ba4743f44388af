// The watches as the worker stores them (lib/store/watch-layout.ts: an index, one item per
// watch), read back in the old document's shape for the e2e tests' assertions; histories are left
// out. Self-contained, as it runs inside the extension (Chromium's worker.evaluate, Firefox's
// extensionEval).
export async function storedWatches(): Promise<{ watches: any[]; lastCycleAt?: number; farePollAt?: number } | undefined> {
  const g = globalThis as any;
  const local = (g.browser?.storage ?? g.chrome.storage).local;
  const head = await local.get(['watchIndex', 'watchSchedule']);
  const slots: string[] = head.watchIndex?.slots ?? [];
  if (!head.watchIndex) return undefined;
  const items = await local.get(slots.map((s) => `watch:${s}`));
  const watches = [];
  for (const s of slots) if (items[`watch:${s}`]?.w) watches.push(items[`watch:${s}`].w);
  return { ...(head.watchSchedule ?? {}), watches };
}
