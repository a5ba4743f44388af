// The capture service: decode what the pages loaded (lib/background/capture-decode.ts), keep the
// latest result per (source, date, from, to) with its time, and keep a bounded list of what could
// not be decoded (URL, error, first bytes) so a format change is visible, never silent.
// State lives in storage, read back through zod (lib/store/), so a restarted worker loses nothing.
import type { EpochMs, FlightSearchResult, StationList } from '../model';
import { excerpt } from '../result';
import type { Bilingual } from '../i18n';
import type { Capture } from '../capture/schema';
import { SITE_KINDS, siteOfPage } from '../capture/urls';
import type { StationRef } from '../sites/12306-page';
import { on as onMessage } from '../messages/capture';
import { createSerialQueue } from '../util/queue';
import type { StoredValue } from '../store/item';
import { checkForStore, parseStoredResults, storedBytes, type StoredResult } from '../store/captures';
import { parseDiagnostics, type DiagnosticEntry, type Diagnostics } from '../store/diagnostics';
import type { StationStore } from '../rail/station-store';
import { implausibleStationList } from '../rail/station-plausible';
import { decodeAirCapture, decodeRailCapture, decodeStationCapture, type Decoded, type Filing, type PageContext } from './capture-decode';
import { railCityOf } from './places';

export type { PageContext };

export const LIMITS = {
  /** Results kept (newest first); a 100-train answer is ~100 KB decoded. */
  results: 16,
  /** Results older than this are dropped on the next write. */
  resultMaxAgeMs: 3 * 24 * 60 * 60_000,
  diagnostics: 20,
  sampleChars: 160,
  /**
   * Bytes all stored results may take together (of storage.local's 10 MB): the oldest go first, so
   * a flood of large captures can never crowd out watches and settings.
   */
  resultBytes: 2_000_000,
};

export interface CapturesDeps {
  now: () => EpochMs;
  results: StoredValue<StoredResult[]>;
  diagnostics: StoredValue<Diagnostics>;
  /** The station store: names stations' cities, and takes the station lists pages load. */
  stations?: Pick<StationStore, 'held' | 'offer'>;
  /** Told of every flight answer filed (flight-price watches check their thresholds on it). */
  onFlightResult?: (result: FlightSearchResult) => unknown;
}

/** What became of a capture: filed (`filed` says as what), or refused with a coded error. */
export type SubmitOutcome =
  | { ok: true; filed: 'result'; key: string; count: number; issues: number }
  | { ok: true; filed: 'stations'; count: number; kept: boolean }
  | { ok: true; filed: 'moved'; endpoint?: string }
  | { ok: false; error: { code: string; message: Bilingual } };

export interface Captures {
  submit(capture: Capture, page?: PageContext): Promise<SubmitOutcome>;
  results(): Promise<StoredResult[]>;
  diagnostics(): Promise<Diagnostics>;
  /** Latest rail and air (Fliggy or TOP) results between two cities (12306 names) on a date, from one read. */
  latest(date: string, fromCity: string, toCity: string): Promise<{ rail?: StoredResult; air?: StoredResult }>;
  /** For the search service: the latest captured flights for a date and IATA city pair. */
  latestFlights(date: string, depCity: string, arrCity: string): Promise<{ result: FlightSearchResult; at: EpochMs } | undefined>;
  /** The 12306 city name of a station (by telecode or name), using the station list when known. */
  railCity(ref: StationRef | undefined): Promise<string | undefined>;
}

export function createCaptures(deps: CapturesDeps): Captures {
  // Captures may arrive together, and each write is read-modify-write.
  const serial = createSerialQueue();

  // Invalid stored entries are dropped and counted in diagnostics.dropped (the results' count is
  // added on the next write).
  let resultsDropped = 0;
  const readResults = async (): Promise<StoredResult[]> => {
    const { results, dropped } = parseStoredResults(await deps.results.getValue());
    resultsDropped = dropped;
    return results;
  };
  const readDiagnostics = async (): Promise<Diagnostics> => {
    const { diagnostics, dropped } = parseDiagnostics(await deps.diagnostics.getValue());
    const total = (diagnostics.dropped ?? 0) + dropped;
    return total > 0 ? { ...diagnostics, dropped: total } : diagnostics;
  };
  /** Diagnostics with the results dropped by the last read added (for the write paths). */
  const diagnosticsForWrite = async (): Promise<Diagnostics> => {
    const d = await readDiagnostics();
    const total = (d.dropped ?? 0) + resultsDropped;
    resultsDropped = 0;
    return total > 0 ? { ...d, dropped: total } : d;
  };

  async function report(capture: Capture, code: string, message: Bilingual, sampleFrom?: string): Promise<SubmitOutcome> {
    const d = await readDiagnostics();
    const entry: DiagnosticEntry = {
      at: deps.now(),
      kind: capture.kind,
      url: capture.responseUrl ?? capture.url,
      status: capture.status,
      code,
      message: message.en,
      sample: excerpt(sampleFrom ?? capture.body, LIMITS.sampleChars),
    };
    await deps.diagnostics.setValue({
      entries: [entry, ...d.entries].slice(0, LIMITS.diagnostics),
      undecodable: d.undecodable + 1,
      unrecognised: d.unrecognised,
      ...(d.dropped ? { dropped: d.dropped } : {}),
    });
    return { ok: false, error: { code, message } };
  }

  /** A listener's failure must not lose the capture: it is logged and the capture is stored. */
  function tellFlights(result: FlightSearchResult): void {
    if (!deps.onFlightResult) return;
    void Promise.resolve()
      .then(() => deps.onFlightResult?.(result))
      .catch((e: unknown) => console.warn('[RailAir] flight listener failed', e));
  }

  async function store(capture: Capture, r: Filing, flights?: FlightSearchResult): Promise<SubmitOutcome> {
    const key = `${r.source}|${r.date}|${r.from}|${r.to}`;
    const now = deps.now();
    // Checked before it is written: what storage would refuse never replaces the good entry.
    const checked = checkForStore({ ...r, key, at: now });
    if (!checked.ok) {
      return report(capture, 'invalid', { zh: `解析结果无效，未保存（${checked.why}）`, en: `decoded result is invalid, not stored (${checked.why})` });
    }
    const entry = checked.result;
    const size = storedBytes(entry);
    if (size > LIMITS.resultBytes) {
      return report(capture, 'too-large', { zh: `解析结果过大（${size} 字节），未保存`, en: `decoded result of ${size} bytes was not stored` }, '');
    }
    const kept = (await readResults()).filter((x) => x.key !== key && now - x.at <= LIMITS.resultMaxAgeMs).slice(0, LIMITS.results - 1);
    // Newest first: the oldest results leave until the whole list fits its budget.
    let total = size;
    const fits = kept.filter((x) => (total += storedBytes(x)) <= LIMITS.resultBytes);
    await deps.results.setValue([entry, ...fits]);
    if (checked.droppedRows.length > 0) {
      const rows = checked.droppedRows.map((d) => `#${d.index} ${d.why}`).join('; ');
      await report(capture, 'row-invalid', { zh: `${checked.droppedRows.length} 行无效，已略去：${rows}`, en: `${checked.droppedRows.length} invalid row(s) left out: ${rows}` });
    }
    if (entry.issues > 0 || resultsDropped > 0) {
      const d = await diagnosticsForWrite();
      await deps.diagnostics.setValue({ ...d, unrecognised: d.unrecognised + entry.issues });
    }
    // Fare watches hear only what was stored: a row left out above can fire nothing.
    if (flights && entry.air) {
      const ids = new Set(entry.air.flights.map((f) => f.id));
      tellFlights({ ...flights, flights: flights.flights.filter((f) => ids.has(f.id)) });
    }
    const count = entry.rail?.trains.length ?? entry.air?.flights.length ?? 0;
    return { ok: true, filed: 'result', key, count, issues: entry.issues };
  }

  async function stationList(): Promise<StationList | undefined> {
    try {
      return await deps.stations?.held();
    } catch {
      return undefined;
    }
  }

  async function offerStations(text: string, version: string | undefined, list: StationList): Promise<boolean> {
    try {
      return (await deps.stations?.offer(text, version, list)) ?? false;
    } catch {
      return false;
    }
  }

  async function file(capture: Capture, d: Decoded): Promise<SubmitOutcome> {
    switch (d.kind) {
      case 'rejected':
        return report(capture, d.code, d.message, d.sample);
      case 'moved':
        return { ok: true, filed: 'moved', ...(d.endpoint ? { endpoint: d.endpoint } : {}) };
      case 'stations': {
        // A page's station list that does not look like 12306's is a diagnostic, never our list.
        const why = implausibleStationList(d.list, await stationList());
        if (why) return report(capture, 'implausible', { zh: `车站列表不可信，未采用（${why}）`, en: why });
        return { ok: true, filed: 'stations', count: d.list.stations.length, kept: await offerStations(d.text, d.version, d.list) };
      }
      case 'file':
        return store(capture, d.filing, d.flights);
    }
  }

  async function submit(capture: Capture, page?: PageContext): Promise<SubmitOutcome> {
    if (capture.tooLarge) return report(capture, 'too-large', { zh: `内容过大（${capture.tooLarge} 个字符），未复制`, en: `body of ${capture.tooLarge} characters was not copied` }, '');
    if (capture.status === 0) {
      return report(capture, 'network', { zh: '页面没有收到应答（网络错误、超时或跳转到其他网站）', en: 'no answer reached the page (network error, timeout, or a redirect to another site)' }, '');
    }
    if (capture.status >= 400) {
      const code = capture.status === 403 || capture.status === 429 ? 'rate-limited' : 'network';
      return report(capture, code, { zh: `HTTP ${capture.status}`, en: `HTTP ${capture.status}` });
    }
    switch (capture.kind) {
      case 'left-ticket':
        return file(capture, await decodeRailCapture(capture, page, stationList));
      case 'station-list':
        return file(capture, decodeStationCapture(capture));
      case 'fliggy-search':
      case 'fliggy-dom':
        return file(capture, decodeAirCapture(capture, 'fliggy', page));
      case 'top-search':
        return file(capture, decodeAirCapture(capture, 'top', page));
    }
  }

  const newest = async (pred: (r: StoredResult) => boolean) => (await readResults()).filter(pred).sort((a, b) => b.at - a.at)[0];

  return {
    submit: (capture, page) => serial(() => submit(capture, page)),
    results: readResults,
    diagnostics: readDiagnostics,
    async latest(date, fromCity, toCity) {
      let rail: StoredResult | undefined;
      let air: StoredResult | undefined;
      for (const r of await readResults()) {
        if (r.date !== date || r.fromCity !== fromCity || r.toCity !== toCity) continue;
        if (r.source === '12306') {
          if (!rail || r.at > rail.at) rail = r;
        } else if (!air || r.at > air.at) air = r;
      }
      return { ...(rail ? { rail } : {}), ...(air ? { air } : {}) };
    },
    async latestFlights(date, depCity, arrCity) {
      const r = await newest((x) => x.source !== '12306' && x.date === date && x.from === depCity && x.to === arrCity);
      return r?.air ? { result: r.air, at: r.at } : undefined;
    },
    async railCity(ref) {
      return railCityOf(ref, await stationList());
    },
  };
}

/**
 * Registers capture.submit and capture.diagnostics. `stored(tabId)` is told after a capture from
 * that tab was filed (the overlay tells its other tabs).
 */
export function registerCaptureHandlers(captures: Captures, stored?: (tabId: number | undefined) => void): void {
  onMessage('capture.submit', async ({ capture, route }, sender) => {
    // A content script speaks for the page it runs in: a 12306 page cannot file flights, nor a
    // Fliggy page trains (captures are page data, so the page's own site is all they can vouch for).
    const site = siteOfPage(sender.url);
    if (sender.url !== undefined && (!site || !(SITE_KINDS[site] as readonly string[]).includes(capture.kind))) {
      throw new Error(`capture ${capture.kind} refused from ${site ?? 'an unknown page'}`);
    }
    const out = await captures.submit(capture, { url: sender.url ?? '', ...route });
    if (out.ok && out.filed === 'result') stored?.(sender.tabId);
    return out;
  });
  onMessage('capture.diagnostics', () => captures.diagnostics());
}
