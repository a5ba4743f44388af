import { describe, expect, it } from 'vitest';
import { doorToDoor, rideMinutes } from '../../../lib/compare/door-to-door';
import { AIRPORT_ADJUSTMENTS, STATION_ADJUSTMENTS, refineBuffers } from '../../../lib/compare/terminal-times';
import { DEFAULT_BUFFERS } from '../../../lib/settings';
import { chinaDateOf, chinaHm } from '../../../lib/time';
import { at, fare, flight, plenty, seat, train } from './make';

describe('doorToDoor', () => {
  it('adds access, wait, ride and egress with the default buffers', () => {
    // 北京西 BXP → 郑州东 ZAF: neither has a refinement, so 40 + 20 + ride + 15.
    const t = train('G71', 'BXP', 'ZAF', '08:00', '10:30', [seat('ze', 30900, plenty)]);
    const d = doorToDoor(t);
    expect(d.rideMin).toBe(150);
    expect(d.doorToDoorMin).toBe(40 + 20 + 150 + 15);
    expect(chinaHm(d.leaveHome)).toBe('07:00');
    expect(chinaHm(d.reachDoor)).toBe('10:45');
  });

  it('handles an overnight train arriving the next day', () => {
    const t = train('Z1', 'BXP', 'ZAF', '21:30', '06:10', [seat('rw', 40000, plenty)], { arriveDay: 1 });
    const d = doorToDoor(t);
    expect(d.rideMin).toBe(8 * 60 + 40);
    expect(d.doorToDoorMin).toBe(75 + 520);
    expect(chinaDateOf(d.reachDoor)).toBe('2026-03-11');
    expect(chinaHm(d.reachDoor)).toBe('06:25');
    expect(chinaHm(d.leaveHome)).toBe('20:30');
  });

  it('handles a flight landing after midnight and its egress crossing into the next day', () => {
    // PEK → KWE (no refinements): 60 + 90 + ride + 40.
    const f = flight('CA1234', 'PEK', 'KWE', '22:50', '01:35', [fare(90000)], { arriveDay: 1 });
    const d = doorToDoor(f);
    expect(d.rideMin).toBe(165);
    expect(d.doorToDoorMin).toBe(60 + 90 + 165 + 40);
    expect(chinaDateOf(d.reachDoor)).toBe('2026-03-11');
    expect(chinaHm(d.reachDoor)).toBe('02:15');
  });

  it('departure just after midnight stays on its own day', () => {
    const f = flight('CZ1', 'PEK', 'KWE', '00:20', '03:00', [fare(90000)]);
    const d = doorToDoor(f);
    expect(chinaDateOf(d.leaveHome)).toBe('2026-03-09'); // leave home the evening before
    expect(chinaHm(d.leaveHome)).toBe('21:50');
  });

  it('refines buffers per airport: Daxing is farther than Capital, Pudong farther than Hongqiao', () => {
    const pek = doorToDoor(flight('CA1', 'PEK', 'SHA', '08:00', '10:10', [fare(1)]));
    const pkx = doorToDoor(flight('CA2', 'PKX', 'PVG', '08:00', '10:10', [fare(1)]));
    expect(pek.accessMin).toBe(60);
    expect(pkx.accessMin).toBe(60 + AIRPORT_ADJUSTMENTS.PKX!.accessDeltaMin!);
    expect(pkx.egressMin).toBeGreaterThan(pek.egressMin);
    expect(pek.egressMin).toBe(40 + AIRPORT_ADJUSTMENTS.SHA!.egressDeltaMin!);
    expect(pkx.doorToDoorMin - pek.doorToDoorMin).toBe(
      AIRPORT_ADJUSTMENTS.PKX!.accessDeltaMin! + AIRPORT_ADJUSTMENTS.PVG!.egressDeltaMin! - AIRPORT_ADJUSTMENTS.SHA!.egressDeltaMin!,
    );
    expect(pkx.applied.join(' ')).toMatch(/PKX.*PVG/);
  });

  it('refines buffers per station (telecode) and uses the user buffers as the base', () => {
    const custom = { air: DEFAULT_BUFFERS.air, rail: { accessMin: 10, beforeMin: 5, egressMin: 5 } };
    const d = doorToDoor(train('G1', 'IZQ', 'BXP', '08:00', '16:00', [seat('ze', 1, plenty)]), custom);
    const adj = STATION_ADJUSTMENTS.IZQ!;
    expect(d.accessMin).toBe(10 + adj.accessDeltaMin!);
    expect(d.beforeMin).toBe(5 + adj.beforeDeltaMin!);
    expect(d.egressMin).toBe(5);
  });

  it('never lets a refinement push a buffer below zero', () => {
    const b = refineBuffers({ accessMin: 0, beforeMin: 0, egressMin: 0 }, AIRPORT_ADJUSTMENTS, 'SHA', 'SHA');
    expect(b).toMatchObject({ accessMin: 0, beforeMin: 0, egressMin: 0 });
  });

  it('falls back to the stated duration when the instants are unusable', () => {
    const t = train('K1', 'BXP', 'ZAF', '08:00', '08:00', [seat('yz', 1, plenty)]);
    expect(rideMinutes({ ...t, durationMin: 95 })).toBe(95);
    expect(rideMinutes({ ...t, arrive: at('07:00'), durationMin: 95 })).toBe(95);
  });
});
