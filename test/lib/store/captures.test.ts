import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { parseStoredResults, type StoredResult } from '../../../lib/store/captures';
import { EMPTY_DIAGNOSTICS, parseDiagnostics } from '../../../lib/store/diagnostics';
import { createCaptures } from '../../../lib/background/captures';
import { captureDiagnosticsItem, captureResultsItem } from '../../../lib/storage';
import { decodeLeftTicket } from '../../../lib/rail/left-ticket';
import { buildLeftTicketBody, buildRailRow } from '../../support/rail-rows';

const DATE = '2026-11-23';
const QUERY = `https://kyfw.12306.cn/otn/leftTicket/queryG?leftTicketDTO.train_date=${DATE}&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT`;
const body = buildLeftTicketBody(
  [buildRailRow({ code: 'G1', from: 'VNP', to: 'AOH', depart: '07:00', arrive: '11:28', date: DATE, seats: { ze: { cell: '有', price: 66900 } } }, '2025')],
  { VNP: '北京南', AOH: '上海虹桥' },
);

function good(key: string): StoredResult {
  const d = decodeLeftTicket(body, { date: DATE });
  if (!d.ok) throw new Error('fixture');
  return { key, source: '12306', date: DATE, from: 'BJP', to: 'SHH', fromCity: '北京', toCity: '上海', at: 1, url: QUERY, issues: 0, rail: d.value };
}

const entry = { at: 1, kind: 'left-ticket', url: QUERY, status: 200, code: 'html-page', message: 'HTML', sample: '<html>' };

describe('stored captures read back', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps valid results intact and drops (and counts) the invalid ones', () => {
    const ok = good('12306|a');
    const noData = { ...good('12306|b'), rail: undefined };
    const badTrain = { ...good('12306|c'), rail: { ...good('x').rail!, trains: [{ code: 'G1' }] } };
    const { results, dropped } = parseStoredResults([ok, null, 'x', { ...ok, at: 'yesterday' }, noData, badTrain]);
    expect(results).toEqual([ok]);
    expect(dropped).toBe(5);
    // Fields the schema does not name survive (storage must not strip the model).
    expect(results[0]?.rail?.trains[0]).toEqual(ok.rail!.trains[0]);
    expect(parseStoredResults(undefined)).toEqual({ results: [], dropped: 0 });
    expect(parseStoredResults({ not: 'a list' })).toEqual({ results: [], dropped: 1 });
  });

  it('keeps valid diagnostic entries and repairs counters that are not counts', () => {
    const { diagnostics, dropped } = parseDiagnostics({ entries: [entry, { ...entry, status: 'x' }, 7], undecodable: -3, unrecognised: 2.5 });
    expect(diagnostics).toEqual({ entries: [entry], undecodable: 1, unrecognised: 0 });
    expect(dropped).toBe(2);
    expect(parseDiagnostics('garbage')).toEqual({ diagnostics: { entries: [], undecodable: 0, unrecognised: 0 }, dropped: 1 });
    expect(parseDiagnostics({ entries: [entry], undecodable: 9, unrecognised: 4, dropped: 2 })).toEqual({
      diagnostics: { entries: [entry], undecodable: 9, unrecognised: 4, dropped: 2 },
      dropped: 0,
    });
  });

  it('lets the background work on with what is valid, and counts what it dropped', async () => {
    // What another build may have left in storage: one good result, one broken; a broken entry.
    await captureResultsItem.setValue([good('12306|2026-11-24|BJP|SHH'), { key: 42 }] as never);
    await captureDiagnosticsItem.setValue({ entries: [entry, { broken: true }], undecodable: 3, unrecognised: 0 } as never);
    const captures = createCaptures({ now: () => 1000, results: captureResultsItem, diagnostics: captureDiagnosticsItem });
    expect((await captures.results()).map((r) => r.key)).toEqual(['12306|2026-11-24|BJP|SHH']);
    expect(await captures.diagnostics()).toEqual({ entries: [entry], undecodable: 3, unrecognised: 0, dropped: 1 });
    const out = await captures.submit({ v: 1, kind: 'left-ticket', url: QUERY, status: 200, body, at: 0 });
    expect(out).toMatchObject({ ok: true, filed: 'result' });
    // Written back clean: the new result and the valid old one; the bad one counted.
    expect((await captureResultsItem.getValue()).map((r) => r.key)).toEqual([`12306|${DATE}|BJP|SHH`, '12306|2026-11-24|BJP|SHH']);
    expect(await captures.diagnostics()).toEqual({ entries: [entry], undecodable: 3, unrecognised: 0, dropped: 2 });
    expect(EMPTY_DIAGNOSTICS.dropped).toBeUndefined();
  });
});
