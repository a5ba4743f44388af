// The fare-watch form takes what people type for a flight's city.
import { describe, expect, it } from 'vitest';
import { resolveAirCity } from '../../../lib/air/city-input';

describe('resolveAirCity', () => {
  it.each([
    ['北京', 'BJS'],
    [' 上海 ', 'SHA'],
    ['BJS', 'BJS'],
    ['bjs', 'BJS'],
    ['PKX', 'BJS'],
    ['pvg', 'SHA'],
    ['大兴', 'BJS'],
    ['北京大兴', 'BJS'],
    ['虹桥机场', 'SHA'],
    ['浦东国际机场', 'SHA'],
    ['成都', 'CTU'],
  ])('%s → %s', (typed, code) => {
    expect(resolveAirCity(typed)?.code).toBe(code);
  });
  it('finds nothing for what is not a place with an airport', () => {
    for (const typed of ['', 'XYZ', '火星', 'beijing beijing beijing beijing', '__proto__', 'constructor']) expect(resolveAirCity(typed)).toBeUndefined();
  });
});
