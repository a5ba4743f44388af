// Bad data never replaces good: what a capture decodes to is checked against the stored schema
// before it is written, a bad row is left out (and named) while the others stand, and the stored
// results keep to their byte budget however large or many the captures.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCaptures, LIMITS } from '../../../lib/background/captures';
import type { ChinaDate, FlightSearchResult } from '../../../lib/model';
import { captureDiagnosticsItem, captureResultsItem } from '../../../lib/storage';
import { storedBytes } from '../../../lib/store/captures';
import { buildFliggyObject } from '../../support/fliggy-body';
import { buildLeftTicketBody, buildRailRow } from '../../support/rail-rows';
import { capture, DATE, FLIGGY, flights, NAMES, QUERY, railBody, setup, trains } from './capture-fixtures';

/** The Fliggy JSONP of `flights` with `edit` applied to the decoded object first. */
function fliggyWith(edit: (data: { flight: Record<string, unknown>[] }) => void): string {
  const o = buildFliggyObject(flights) as { data: { flight: Record<string, unknown>[] } };
  edit(o.data);
  return `jsonp1(${JSON.stringify(o)});`;
}

describe('validate before store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the good entry when every row of a new answer holds a stop of 0.5, and says why', async () => {
    const { captures } = setup();
    expect(await captures.submit(capture('fliggy-search', FLIGGY, fliggyWith(() => undefined)), { url: '' })).toMatchObject({ ok: true, count: 2 });
    const before = await captures.latestFlights(DATE, 'BJS', 'SHA');
    const out = await captures.submit(capture('fliggy-search', FLIGGY, fliggyWith((d) => d.flight.forEach((f) => (f.stop = 0.5)))), { url: '' });
    expect(out).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await captures.latestFlights(DATE, 'BJS', 'SHA')).toEqual(before);
    expect((await captures.diagnostics()).entries[0]).toMatchObject({ code: 'invalid' });
  });

  it('leaves out a fare of 1e306 yuan (no safe fen): its flight goes, the others stay', async () => {
    const { captures } = setup();
    const out = await captures.submit(capture('fliggy-search', FLIGGY, fliggyWith((d) => ((d.flight[0]!.cabin as Record<string, unknown>).price = 1e306))), { url: '' });
    expect(out).toMatchObject({ ok: true, count: 1 });
    expect((await captures.latestFlights(DATE, 'BJS', 'SHA'))?.result.flights.map((f) => f.flightNo)).toEqual(['CA1831']);
    expect((await captures.diagnostics()).entries[0]).toMatchObject({ code: 'row-invalid' });
  });

  it('refuses station codes that name an object prototype, keeping the previous trains', async () => {
    const { captures } = setup();
    await captures.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    const good = (await captures.results())[0];
    // One forged row: left out, the others stand.
    const one = await captures.submit(capture('left-ticket', QUERY, railBody(trains.map((t, i) => (i === 0 ? { ...t, from: '__proto__' } : t)))), { url: '' });
    expect(one).toMatchObject({ ok: true, count: trains.length - 1 });
    expect((await captures.diagnostics()).entries[0]?.message).toMatch(/#0 trains?|#0 from\.telecode|prototype/);
    // Every row forged: refused as a whole; the last good result for the route stays.
    await captures.submit(capture('left-ticket', QUERY, railBody()), { url: '' });
    const again = (await captures.results())[0];
    const all = await captures.submit(capture('left-ticket', QUERY, railBody(trains.map((t) => ({ ...t, from: '__proto__' })))), { url: '' });
    expect(all).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((await captures.results())[0]).toEqual(again);
    expect(good?.rail?.trains).toHaveLength(trains.length);
  });

  it('leaves out only the bad rows of an answer; the others are stored and counted as issues', async () => {
    const { captures } = setup();
    const out = await captures.submit(capture('fliggy-search', FLIGGY, fliggyWith((d) => (d.flight[0]!.stop = 0.5))), { url: '' });
    expect(out).toMatchObject({ ok: true, count: 1 });
    const stored = await captures.latestFlights(DATE, 'BJS', 'SHA');
    expect(stored?.result.flights.map((f) => f.flightNo)).toEqual(['CA1831']);
    const d = await captures.diagnostics();
    expect(d.entries[0]).toMatchObject({ code: 'row-invalid' });
    expect(d.entries[0]?.message).toContain('#0 stops');
  });

  it('tells fare watches only the rows that were stored', async () => {
    const heard: FlightSearchResult[] = [];
    const captures = createCaptures({
      now: () => Date.parse(`${DATE}T00:00:00+08:00`),
      results: captureResultsItem,
      diagnostics: captureDiagnosticsItem,
      onFlightResult: (r) => void heard.push(r),
    });
    await captures.submit(capture('fliggy-search', FLIGGY, fliggyWith((d) => (d.flight[0]!.stop = 0.5))), { url: '' });
    await captures.submit(capture('fliggy-search', FLIGGY, fliggyWith((d) => d.flight.forEach((f) => (f.stop = 0.5)))), { url: '' });
    await new Promise((r) => setTimeout(r, 0));
    expect(heard.map((r) => r.flights.map((f) => f.flightNo))).toEqual([['CA1831']]);
  });
});

describe('stored results keep to their byte budget', () => {
  beforeEach(() => fakeBrowser.reset());

  it('evicts the oldest results, never the newest, when large captures flood in', async () => {
    const { captures } = setup();
    // 300 trains per answer (~240 KB stored): 16 routes' worth would exceed 2 MB.
    const many = Array.from({ length: 300 }, (_, i) => ({ ...trains[0]!, code: `G${100 + i}` }));
    const dates = Array.from({ length: 16 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}` as ChinaDate);
    for (const d of dates) {
      const out = await captures.submit(capture('left-ticket', QUERY.replace(DATE, d), railBody(many.map((t) => ({ ...t, date: d })))), { url: '' });
      expect(out.ok).toBe(true);
    }
    const stored = await captures.results();
    expect(storedBytes(stored)).toBeLessThanOrEqual(LIMITS.resultBytes);
    expect(stored.length).toBeGreaterThan(1);
    expect(stored.length).toBeLessThan(dates.length);
    // The newest are the ones kept.
    expect(stored.map((r) => r.date)).toEqual(dates.slice(-stored.length).reverse());
    // 16 decodes of 300 rows: seconds on a loaded 2-core CI machine.
  }, 60_000);
});
