// Door-to-door time of one option: access to the terminal + wait before departure + ride +
// egress. Everything is computed on instants (epoch ms), so overnight trains and flights that
// land after midnight need no special case.
import type { EpochMs, TravelOption } from '../model';
import { DEFAULT_BUFFERS, type Buffers } from '../settings';
import { MINUTE_MS } from '../time';
import {
  AIRPORT_ADJUSTMENTS,
  STATION_ADJUSTMENTS,
  refineBuffers,
  type TerminalAdjustment,
} from './terminal-times';

export interface ModeBuffers {
  air: Buffers;
  rail: Buffers;
}

export interface TerminalTables {
  airports: Readonly<Record<string, TerminalAdjustment>>;
  stations: Readonly<Record<string, TerminalAdjustment>>;
}

export const DEFAULT_TABLES: TerminalTables = {
  airports: AIRPORT_ADJUSTMENTS,
  stations: STATION_ADJUSTMENTS,
};

export interface DoorToDoor {
  leaveHome: EpochMs;
  reachDoor: EpochMs;
  doorToDoorMin: number;
  accessMin: number;
  beforeMin: number;
  rideMin: number;
  egressMin: number;
  /** Terminal refinements that changed the buffers. */
  applied: string[];
}

/** Minutes in the vehicle: from the instants; the source's duration only when they are unusable. */
export function rideMinutes(option: TravelOption): number {
  const fromInstants = (option.arrive - option.depart) / MINUTE_MS;
  if (Number.isFinite(fromInstants) && fromInstants > 0) return Math.round(fromInstants);
  return Math.max(0, option.durationMin);
}

export function doorToDoor(
  option: TravelOption,
  buffers: ModeBuffers = DEFAULT_BUFFERS,
  tables: TerminalTables = DEFAULT_TABLES,
): DoorToDoor {
  const b =
    option.mode === 'air'
      ? refineBuffers(buffers.air, tables.airports, option.from.code, option.to.code)
      : refineBuffers(buffers.rail, tables.stations, option.from.telecode, option.to.telecode);
  const rideMin = rideMinutes(option);
  const leaveHome = option.depart - (b.accessMin + b.beforeMin) * MINUTE_MS;
  const reachDoor = option.depart + (rideMin + b.egressMin) * MINUTE_MS;
  return {
    leaveHome,
    reachDoor,
    doorToDoorMin: b.accessMin + b.beforeMin + rideMin + b.egressMin,
    accessMin: b.accessMin,
    beforeMin: b.beforeMin,
    rideMin,
    egressMin: b.egressMin,
    applied: b.applied,
  };
}
