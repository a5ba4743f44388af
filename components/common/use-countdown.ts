// A live countdown for the error faces: re-renders once a second until `retryAt`, and tells the
// caller once when it reaches zero (the popup retries then; the overlay offers its retry).
import { useEffect, useRef, useState } from 'preact/hooks';
import { secondsLeft } from './error-face';

/**
 * Seconds left until `retryAt` by `clock` (undefined when there is no retryAt). `onZero` runs once
 * per retryAt, and only when the countdown was seen running: an answer whose wait had already
 * passed when it was shown does not trigger anything by itself.
 */
export function useCountdown(retryAt: number | undefined, clock: () => number, onZero?: () => void): number | undefined {
  const [, setTick] = useState(0);
  const running = useRef<number | undefined>(undefined);
  const zeroCb = useRef(onZero);
  zeroCb.current = onZero;
  const left = retryAt === undefined ? undefined : secondsLeft(retryAt, clock());

  useEffect(() => {
    if (retryAt === undefined || secondsLeft(retryAt, clock()) === 0) return;
    running.current = retryAt;
    const id = setInterval(() => {
      setTick((n) => n + 1);
      if (secondsLeft(retryAt, clock()) === 0) clearInterval(id);
    }, 1000);
    return () => clearInterval(id);
  }, [retryAt]);

  useEffect(() => {
    if (left === 0 && retryAt !== undefined && running.current === retryAt) {
      running.current = undefined;
      zeroCb.current?.();
    }
  }, [left, retryAt]);

  return left;
}
