// One read-modify-write at a time over a stored value: calls that arrive together run one after
// the other, in order, and a failed call does not block the ones behind it.

/** Runs `fn` after every call queued before it has settled; resolves or rejects as `fn` does. */
export type Serial = <T>(fn: () => Promise<T>) => Promise<T>;

export function createSerialQueue(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
