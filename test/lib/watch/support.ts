// Generators for watch tests: left-ticket trains and watches built in code (no fixtures).
import type { Availability, ChinaDate, RailOption, SeatClassId } from '../../../lib/model';
import { chinaInstant } from '../../../lib/time';
import { newRailWatch, type RailDefinition, type RailWatch, type WatchesDoc } from '../../../lib/watch/model';
import type { SchedulerSettings } from '../../../lib/watch/scheduler';

export const DATE = '2026-11-23' as ChinaDate;
/** 10:00 China time the day before DATE: outside quiet hours. */
export const NOON = chinaInstant('2026-11-22' as ChinaDate, 10 * 60);

export const SETTINGS: SchedulerSettings = {
  intervalSec: 60,
  quietStart: '23:00',
  quietEnd: '06:00',
  notify: true,
  language: 'zh-CN',
};

const NAMES: Partial<Record<SeatClassId, [string, string]>> = {
  ze: ['二等座', 'Second class'],
  zy: ['一等座', 'First class'],
  swz: ['商务座', 'Business'],
  yw: ['硬卧', 'Hard sleeper'],
};

export const none: Availability = { kind: 'none' };
export const count = (n: number): Availability => (n > 0 ? { kind: 'count', n } : { kind: 'none' });
export const plenty: Availability = { kind: 'plenty' };

export function train(
  code: string,
  seats: Partial<Record<SeatClassId, Availability>>,
  opts: { date?: ChinaDate; departMin?: number; trainNo?: string; from?: string; to?: string } = {},
): RailOption {
  const date = opts.date ?? DATE;
  const depart = chinaInstant(date, opts.departMin ?? 8 * 60);
  const trainNo = opts.trainNo ?? `24000${code}0A`;
  const type = (/^[GDCZTKSYL]/.exec(code)?.[0] ?? 'number') as RailOption['type'];
  return {
    mode: 'rail',
    id: `${trainNo}@${date}`,
    trainNo,
    code,
    type,
    date,
    from: { telecode: opts.from ?? 'VNP' },
    to: { telecode: opts.to ?? 'AOH' },
    origin: { telecode: opts.from ?? 'VNP' },
    terminus: { telecode: opts.to ?? 'AOH' },
    depart,
    arrive: depart + 5 * 3600_000,
    durationMin: 300,
    arriveDayOffset: 0,
    seats: Object.entries(seats).map(([cls, availability]) => ({
      cls: cls as SeatClassId,
      name: NAMES[cls as SeatClassId]?.[0] ?? cls,
      nameEn: NAMES[cls as SeatClassId]?.[1] ?? cls,
      availability: availability!,
      price: cls === 'ze' ? 55300 : 93300,
    })),
    status: 'on-sale',
    buttonText: '预订',
    hasSeats: Object.values(seats).some((a) => a!.kind === 'count' || a!.kind === 'plenty'),
  };
}

let n = 0;
export function railWatch(over: Partial<RailDefinition> & { id?: string } = {}): RailWatch {
  const { id, ...def } = over;
  return newRailWatch(
    {
      date: DATE,
      from: { telecode: 'BJP', name: '北京' },
      to: { telecode: 'SHH', name: '上海' },
      trains: ['G101'],
      trainNos: [],
      classes: ['ze'],
      seats: 1,
      ...def,
    },
    id ?? `w${++n}`,
    NOON - 3600_000,
  );
}

export function doc(watches: RailWatch[] | WatchesDoc['watches']): WatchesDoc {
  return { watches, routes: {} };
}

export const answer = (trains: RailOption[], names: Record<string, string> = {}) =>
  ({ ok: true as const, value: { trains, stationNames: names }, fetchedAt: undefined });

/** A deterministic rng cycling through the given values. */
export function seq(...xs: number[]): () => number {
  let i = 0;
  return () => xs[i++ % xs.length]!;
}
