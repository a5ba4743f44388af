// Chrome's own trace of one page load, read for the work our scripts do on the page's main
// thread. The Long Tasks API reports only tasks over 50 ms; the trace sees every task, so it can
// show that none of ours comes near the 16 ms of one frame.
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; frame?: string; scriptName?: string } };
}

/** Longest single slice of script work attributed to an extension script during `run`, in ms, and the total. */
export async function extensionScriptTime(page: Page, run: () => Promise<void>): Promise<{ maxMs: number; totalMs: number; slices: number; top: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach().catch(() => undefined);
  }
  // Script entry points (evaluation, event and timer callbacks, compilation) whose script is ours.
  const ours = events.filter(
    (e) =>
      e.ph === 'X' &&
      typeof e.dur === 'number' &&
      ['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'TimerFire', 'FireIdleCallback'].includes(e.name) &&
      (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').startsWith('chrome-extension://'),
  );
  // Nested slices (a FunctionCall inside an EvaluateScript) count once: keep the outermost per thread.
  ours.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const outer: TraceEvent[] = [];
  const endOf = new Map<string, number>();
  for (const e of ours) {
    const key = `${e.pid}:${e.tid}`;
    if ((endOf.get(key) ?? -1) >= e.ts + (e.dur ?? 0)) continue;
    outer.push(e);
    endOf.set(key, e.ts + (e.dur ?? 0));
  }
  const ms = outer.map((e) => (e.dur ?? 0) / 1000);
  const top = [...outer]
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 5)
    .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${(e.args?.data?.url ?? e.args?.data?.scriptName ?? '').replace(/^chrome-extension:\/\/[a-z]+/, '')}`);
  return { maxMs: ms.length ? Math.max(...ms) : 0, totalMs: ms.reduce((a, b) => a + b, 0), slices: ms.length, top };
}
