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

export interface Interleaved {
  /** Median of the per-round ratios candidate / baseline. */
  ratio: number;
  /** Inter-quartile range of those ratios: how far to trust the median. */
  q1: number;
  q3: number;
  baseUs: number;
  candUs: number;
  rounds: number;
}

/**
 * Baseline and candidate in one loop, alternating which goes first in each round; each round
 * times `batch` calls of each and yields one ratio. The median of those ratios is what to
 * report: measuring the two apart lets GC, JIT tiering and the other processes of a shared
 * machine fall on one side only, and the ratio then moves by a whole unit from run to run.
 * Times are process CPU time (µs), so they include GC helper threads.
 */
export function interleave(base: () => unknown, cand: () => unknown, rounds = 300, batch = 3, warmup = 40): Interleaved {
  for (let i = 0; i < warmup; i++) {
    base();
    cand();
  }
  // CPU time of this process, not wall time: on a shared machine a round in which the scheduler
  // runs someone else would otherwise count against whichever side it fell on.
  const time = (fn: () => unknown) => {
    const t0 = process.cpuUsage();
    for (let k = 0; k < batch; k++) fn();
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / batch;
  };
  const ratios: number[] = [];
  const bs: number[] = [];
  const cs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let b: number;
    let c: number;
    if (r % 2 === 0) {
      b = time(base);
      c = time(cand);
    } else {
      c = time(cand);
      b = time(base);
    }
    bs.push(b);
    cs.push(c);
    ratios.push(c / b);
  }
  const med = (xs: number[], q = 0.5) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  return { ratio: med(ratios), q1: med(ratios, 0.25), q3: med(ratios, 0.75), baseUs: med(bs), candUs: med(cs), rounds };
}
