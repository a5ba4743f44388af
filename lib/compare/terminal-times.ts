// Per-airport and per-station refinements of the door-to-door buffers, as data. Each entry
// shifts the user's buffers (lib/settings.ts) for one terminal, relative to a "typical" terminal
// of its city: a terminal far from the centre adds access time on the way out and egress time
// on the way in. Figures are rounded estimates from the fastest usual public transport from the
// city centre (airport express, metro); they are deliberately coarse — the user's own buffers
// remain the base, and a refinement never makes a buffer negative.
import type { Buffers } from '../settings';

export interface TerminalAdjustment {
  /** Minutes added to the user's access buffer when leaving from here (negative: closer). */
  accessDeltaMin?: number;
  /** Minutes added to the wait before departure (large stations, long security lines). */
  beforeDeltaMin?: number;
  /** Minutes added to the egress buffer when arriving here. */
  egressDeltaMin?: number;
  /** Why (English), for the options page and reviewers. */
  why: string;
}

/** Keyed by IATA airport code. */
export const AIRPORT_ADJUSTMENTS: Readonly<Record<string, TerminalAdjustment>> = {
  PKX: { accessDeltaMin: 20, egressDeltaMin: 20, why: 'Daxing is ~46 km south of Tiananmen; PEK ~25 km' },
  SHA: { accessDeltaMin: -10, egressDeltaMin: -10, why: 'Hongqiao is inside the city, on metro lines 2/10/17' },
  PVG: { accessDeltaMin: 25, egressDeltaMin: 25, why: 'Pudong is ~45 km east of People’s Square (maglev or metro line 2)' },
  CTU: { accessDeltaMin: -5, egressDeltaMin: -5, why: 'Shuangliu is ~16 km from Tianfu Square' },
  TFU: { accessDeltaMin: 25, egressDeltaMin: 25, why: 'Tianfu is ~50 km south-east of the centre (metro line 18)' },
  XIY: { accessDeltaMin: 10, egressDeltaMin: 10, why: 'Xianyang airport is ~40 km from central Xi’an' },
  TAO: { accessDeltaMin: 10, egressDeltaMin: 10, why: 'Jiaodong is ~40 km from central Qingdao' },
  NKG: { accessDeltaMin: 10, egressDeltaMin: 10, why: 'Lukou is ~35 km south of central Nanjing' },
  KMG: { accessDeltaMin: 5, egressDeltaMin: 5, why: 'Changshui is ~25 km north-east of central Kunming' },
  CAN: { beforeDeltaMin: 10, why: 'Baiyun: long security queues and walks at T2/T3' },
};

/** Keyed by 12306 telecode. */
export const STATION_ADJUSTMENTS: Readonly<Record<string, TerminalAdjustment>> = {
  AOH: { beforeDeltaMin: 10, why: 'Shanghai Hongqiao: very large hall, long walks to the gates' },
  IZQ: { accessDeltaMin: 15, egressDeltaMin: 15, beforeDeltaMin: 10, why: 'Guangzhou South is ~17 km south of the centre, in Panyu' },
  EAY: { accessDeltaMin: 10, egressDeltaMin: 10, why: 'Xi’an North is ~13 km north of the city wall' },
  IPP: { accessDeltaMin: 10, egressDeltaMin: 10, why: 'Beijing Daxing station is in outer Daxing district' },
  IWP: { accessDeltaMin: 20, egressDeltaMin: 20, why: 'Daxing Airport station, ~46 km south of the centre' },
  TIE: { accessDeltaMin: 25, egressDeltaMin: 25, why: 'Tianfu Airport station, ~50 km from central Chengdu' },
  CXW: { accessDeltaMin: 10, egressDeltaMin: 10, why: 'Chongqing West is far from Jiefangbei' },
  IOQ: { beforeDeltaMin: 5, why: 'Shenzhen North: large station, long security lines at peak times' },
};

export interface EffectiveBuffers extends Buffers {
  /** The refinements applied (departure terminal, arrival terminal), for display. */
  applied: string[];
}

/** The user's buffers refined for a departure and an arrival terminal (never below zero). */
export function refineBuffers(
  base: Buffers,
  table: Readonly<Record<string, TerminalAdjustment>>,
  fromCode: string,
  toCode: string,
): EffectiveBuffers {
  const from = table[fromCode];
  const to = table[toCode];
  const applied: string[] = [];
  if (from) applied.push(`${fromCode}: ${from.why}`);
  if (to && toCode !== fromCode) applied.push(`${toCode}: ${to.why}`);
  return {
    accessMin: Math.max(0, base.accessMin + (from?.accessDeltaMin ?? 0)),
    beforeMin: Math.max(0, base.beforeMin + (from?.beforeDeltaMin ?? 0)),
    egressMin: Math.max(0, base.egressMin + (to?.egressDeltaMin ?? 0)),
    applied,
  };
}
