// Tiny benchmark harness: medians and p99 of repeated runs, and ratios against a baseline
// measured in the same run (so a slow machine does not fail or flatter the figures).
import { performance } from 'node:perf_hooks';

export interface Timing {
  medianUs: number;
  p99Us: number;
  runs: number;
}

/** Runs `fn` `runs` times after `warmup` runs; returns median and p99 in microseconds. */
export function measure(fn: () => unknown, runs = 200, warmup = 20): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push((performance.now() - t0) * 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { medianUs: at(0.5), p99Us: at(0.99), runs };
}

export interface BenchRow {
  name: string;
  value: string;
  note?: string;
}

/** A suite prints rows; `scripts/bench.ts` runs every `bench/*.bench.ts` and prints them all. */
export type BenchSuite = () => BenchRow[] | Promise<BenchRow[]>;

export const us = (t: number) => `${t.toFixed(1)} µs`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
