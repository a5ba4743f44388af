// Scheduling our page work so the page never waits for it: idle callbacks (with a timeout, so
// the work still happens on a busy page), and a trigger for loading the overlay only once the
// page has something for it to annotate.

type IdleDeadlineLike = { timeRemaining(): number };

/** Runs `fn` when the main thread is idle (at the latest after `timeout` ms). */
export function whenIdle(fn: (deadline: IdleDeadlineLike) => void, timeout = 50): () => void {
  const ric = (globalThis as { requestIdleCallback?: typeof requestIdleCallback }).requestIdleCallback;
  if (ric) {
    const id = ric(fn, { timeout });
    return () => globalThis.cancelIdleCallback?.(id);
  }
  // No idle callbacks (older engines, tests): a macrotask with a fixed slice of time.
  const id = setTimeout(() => {
    const end = performance.now() + 8;
    fn({ timeRemaining: () => Math.max(0, end - performance.now()) });
  }, 1);
  return () => clearTimeout(id);
}

/**
 * Resolves in the next idle period (at the latest after `timeout` ms): awaited between two pieces
 * of work that would otherwise run as one task (checking a view, then drawing it), so each is
 * its own short task and the page can paint or answer input in between.
 */
export const idleTurn = (timeout = 50): Promise<void> => new Promise((resolve) => void whenIdle(() => resolve(), timeout));

/**
 * Works through `items` in idle time, a few at a time, so no task of ours grows long; `done`
 * runs after the last. Returns a cancel function.
 */
export function inIdleSlices<T>(items: readonly T[], each: (item: T) => void, done: () => void = () => {}): () => void {
  let i = 0;
  let cancel = () => {};
  const step = (deadline: IdleDeadlineLike) => {
    // At least one item per slice, so a page that is never idle still gets its notes.
    do each(items[i++]!);
    while (i < items.length && deadline.timeRemaining() > 2);
    if (i < items.length) cancel = whenIdle(step);
    else done();
  };
  if (items.length === 0) done();
  else cancel = whenIdle(step);
  return () => cancel();
}

/**
 * Resolves once `ready()` is true (checked now and after each batch of the page's DOM changes),
 * or when `also` resolves first. The observer is gone once it resolves.
 */
export function whenPage(doc: Document, ready: () => boolean, also: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    let observer: MutationObserver | undefined;
    const finish = () => {
      observer?.disconnect();
      observer = undefined;
      resolve();
    };
    if (ready()) return finish();
    observer = new MutationObserver(() => {
      if (ready()) finish();
    });
    observer.observe(doc, { childList: true, subtree: true });
    void also.then(finish, finish);
  });
}

/**
 * Resolves `quietMs` after the window's load event: the fallback for a page that shows no results
 * (the page's own query usually answers after its load event, and must not share the thread with us).
 */
export function afterPageLoad(quietMs: number, doc: Document = document): Promise<void> {
  const loaded =
    doc.readyState === 'complete' ? Promise.resolve() : new Promise<void>((r) => doc.defaultView?.addEventListener('load', () => r(), { once: true }));
  return loaded.then(() => new Promise<void>((r) => setTimeout(r, quietMs)));
}

/** Resolves when the DOM can be read (content scripts here start at document_start). */
export function domReady(doc: Document = document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((r) => doc.addEventListener('DOMContentLoaded', () => r(), { once: true }));
}
