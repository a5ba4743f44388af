import { describe, expect, it } from 'vitest';
import { compare, type CompareOptions } from '../../../lib/compare';
import { rowNotes } from '../../../lib/compare/row-notes';
import type { AirOption, RailOption } from '../../../lib/model';
import { airResult, at, fare, flight, plenty, railResult, seat, train } from './make';

const NOW = at('06:00', -1);
const ZERO = { accessMin: 0, beforeMin: 0, egressMin: 0 };

function notes(trains: RailOption[], flights: AirOption[], opts: CompareOptions = {}, now = NOW) {
  const r = compare({ now, rail: { result: railResult(trains), fetchedAt: now }, air: { result: airResult(flights), fetchedAt: now } }, opts);
  if (!r.ok) throw new Error(r.error.message.en);
  return rowNotes(r.value.options);
}

// Default buffers: a train takes 75 min beyond its ride door to door, a flight 180.
const g1 = train('G1', 'VNP', 'AOH', '08:00', '12:30', [seat('ze', 66900, plenty), seat('zy', 107000, plenty)]); // 345 min
const g5 = train('G5', 'VNP', 'AOH', '15:00', '19:30', [seat('ze', 55300, plenty)]); // 345 min
const g9 = train('G9', 'VNP', 'AOH', '20:00', '00:30', [seat('ze', 55300, plenty)], { arriveDay: 1 }); // door 00:45+1
const g11 = train('G11', 'VNP', 'AOH', '05:00', '09:30', [seat('ze', 55300, plenty)]); // door 09:45
const mu1 = flight('MU1', 'PEK', 'SHA', '08:30', '10:40', [fare(58000, { taxes: 10000 })]); // 310 min, ¥680, door 11:10
const mu3 = flight('MU3', 'PEK', 'SHA', '15:30', '17:40', [fare(40000, { taxes: 10000 })]); // 310 min, ¥500, door 18:10

describe('rowNotes', () => {
  it('pairs each train with the flight leaving closest to it, not one flight for every row', () => {
    const n = notes([g1, g5], [mu1, mu3]);
    expect(n.get(g1.id)).toMatchObject({ flightNo: 'MU1', code: 'G1', trainNo: g1.trainNo, fasterMin: 35, trainPrice: 66900, flightPrice: 68000 });
    expect(n.get(g1.id)!.cheaperFen).toBeUndefined();
    expect(n.get(g5.id)).toMatchObject({ flightNo: 'MU3', fasterMin: 35, cheaperFen: 5300 });
    // Named as the traveller reads it: the flight, the train's class, time, then money either way.
    expect(n.get(g1.id)).toMatchObject({ dearerFen: 1100 });
    expect(n.get(g1.id)!.text).toEqual({
      zh: 'MU1 比二等座快35分钟，贵¥11（08:30 起飞，门到门）',
      en: 'MU1 (leaves 08:30): 35m faster, ¥11 dearer than second class, door to door',
    });
  });

  it('beyond ±2 h, takes the flight at the door no later that leaves closest; else no note', () => {
    const n = notes([g9, g11], [mu1, mu3]);
    expect(n.get(g9.id)?.flightNo).toBe('MU3');
    expect(n.has(g11.id)).toBe(false); // MU1 leaves 3 h 30 later and reaches the door after G11
  });

  it('appears only when the flight is ≥ 15 min faster or ≥ ¥20 cheaper than the train’s class', () => {
    const t = train('G3', 'VNP', 'AOH', '10:00', '12:00', [seat('ze', 50000, plenty)]);
    const zero: CompareOptions = { buffers: { air: ZERO, rail: ZERO } };
    const f = (arr: string, fen: number) => flight('CA9', 'PEK', 'SHA', '10:30', arr, [fare(fen, { taxes: 0 })]);
    expect(notes([t], [f('12:16', 48100)], zero).size).toBe(0); // 14 min faster, ¥19 cheaper
    expect(notes([t], [f('12:15', 60000)], zero).get(t.id)?.fasterMin).toBe(15);
    expect(notes([t], [f('12:40', 48000)], zero).get(t.id)).toMatchObject({ cheaperFen: 2000 });
    expect(notes([t], [f('12:40', 48000)], zero).get(t.id)!.fasterMin).toBeUndefined();
    // A fare without taxes is never called cheaper.
    const bare = flight('CA9', 'PEK', 'SHA', '10:30', '12:40', [fare(30000)]);
    expect(notes([t], [bare], zero).size).toBe(0);
  });

  it('writes an hour or more as 1小时5分 / 1h 5m', () => {
    const t = train('G3', 'VNP', 'AOH', '10:00', '13:00', [seat('ze', 50000, plenty)]);
    const n = notes([t], [flight('CA9', 'PEK', 'SHA', '10:00', '11:55', [fare(60000, { taxes: 0 })])], { buffers: { air: ZERO, rail: ZERO } });
    expect(n.get(t.id)!.text.zh).toContain('比二等座快1小时5分');
    expect(n.get(t.id)!.text.en).toContain('1h 5m faster');
  });

  it('compares the class the filters choose, and names it', () => {
    const n = notes([g1], [mu1], { filters: { cls: 'zy' } });
    expect(n.get(g1.id)).toMatchObject({ trainClass: { id: 'zy', zh: '一等座' }, trainPrice: 107000, cheaperFen: 39000 });
    expect(n.get(g1.id)!.text.zh).toBe('MU1 比一等座快35分钟，便宜¥390（08:30 起飞，门到门）');
  });

  it('leaves out departed and filtered trains, and never stands in a departed flight', () => {
    const n = notes([g1, g5], [mu1, mu3], {}, at('08:45'));
    expect(n.has(g1.id)).toBe(false);
    expect(n.get(g5.id)?.flightNo).toBe('MU3');
    const early = notes([g1], [mu1, mu3], {}, at('08:40'));
    expect(early.size).toBe(0); // G1 left at 08:00; MU1 at 08:30
    const g7 = train('G7', 'VNP', 'AOH', '09:30', '14:00', [seat('ze', 66900, plenty)]);
    expect(notes([g7], [mu1, mu3], {}, at('06:00')).get(g7.id)?.flightNo).toBe('MU1');
    expect(notes([g7], [mu1, mu3], {}, at('08:40')).size).toBe(0); // MU1 has left; MU3 is too late
    expect(notes([g1, g5], [mu1, mu3], { filters: { types: ['ZTK'] } }).size).toBe(0);
  });
});
