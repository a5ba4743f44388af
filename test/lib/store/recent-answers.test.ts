// The remembered answers: bounded (newest first, one per search), read back entry by entry so a
// corrupt or foreign entry is dropped without losing the others.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_RECENT,
  RECENT_MAX,
  findRecent,
  parseRecent,
  rememberAir,
  rememberRail,
  type AirEntry,
  type RailEntry,
} from '../../../lib/store/recent-answers';
import { DATE, NOW, airOk, railOk } from '../../components/popup/fake-api';

const rail = railOk();
const air = airOk(3);
if (!rail.ok || !air.ok) throw new Error('fixtures');

const railEntry = (from: string, at = NOW): RailEntry => ({ date: DATE, from, to: 'SHH', student: false, at, answer: rail });
const airEntry = (fromCity: string, at = NOW): AirEntry => ({ date: DATE, fromCity, toCity: '上海', at, answer: air });
const query = { date: DATE, from: 'BJP', to: 'SHH', student: false, fromCity: '北京', toCity: '上海' };
const CODES = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF', 'GGG', 'BJP'];

describe('recent answers store', () => {
  it('keeps the last few searches, newest first, one entry per search', () => {
    let doc = EMPTY_RECENT;
    for (const [i, code] of CODES.entries()) doc = rememberRail(doc, railEntry(code, NOW + i));
    expect(doc.rail).toHaveLength(RECENT_MAX);
    expect(doc.rail.map((e) => e.from)).toEqual(['BJP', 'GGG', 'FFF', 'EEE', 'DDD']);
    // The same search again replaces its entry rather than adding one.
    doc = rememberRail(doc, railEntry('EEE', NOW + 100));
    expect(doc.rail.map((e) => e.from)).toEqual(['EEE', 'BJP', 'GGG', 'FFF', 'DDD']);
    expect(findRecent(doc, query).rail?.at).toBe(NOW + 7);
    expect(findRecent(doc, { ...query, student: true }).rail).toBeUndefined();
  });

  it('round-trips through storage (JSON) and finds both sides of a search', () => {
    const doc = rememberAir(rememberRail(EMPTY_RECENT, railEntry('BJP')), airEntry('北京'));
    const back = parseRecent(JSON.parse(JSON.stringify(doc)));
    const found = findRecent(back, query);
    expect(found.rail?.answer.trains).toHaveLength(rail.trains.length);
    expect(found.air?.answer.flights).toHaveLength(3);
  });

  it('validates on read: a corrupt entry is ignored, the others kept; junk reads as empty', () => {
    const good = JSON.parse(JSON.stringify(railEntry('BJP')));
    const corrupt = { ...JSON.parse(JSON.stringify(railEntry('AAA'))), answer: { ok: true, trains: 'not a list' } };
    const failed = { ...JSON.parse(JSON.stringify(railEntry('CCC'))), answer: { ok: false, error: { code: 'blocked', message: { zh: 'x', en: 'x' } }, fetchedAt: NOW, buyUrl: '' } };
    const back = parseRecent({ rail: [corrupt, 42, null, failed, good], air: 'nope', compare: [{}] });
    expect(back.rail.map((e) => e.from)).toEqual(['BJP']);
    expect(back.air).toEqual([]);
    expect(back.compare).toEqual([]);
    expect(parseRecent(undefined)).toEqual(EMPTY_RECENT);
    expect(parseRecent('garbage')).toEqual(EMPTY_RECENT);
  });

  it('reads back no more than the bound, whatever was stored', () => {
    const many = Array.from({ length: 20 }, (_, i) => JSON.parse(JSON.stringify(railEntry(CODES[i % 7]!, NOW + i))));
    expect(parseRecent({ rail: many }).rail).toHaveLength(RECENT_MAX);
  });
});
