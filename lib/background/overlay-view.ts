// Builds what an overlay shows from the stored captures: runs the shared
// comparison for the page's date and city pair and keeps what the panel needs — the other mode's
// options, the verdict, the sources' ages, and for 12306 the flights that beat each train.
import type { ChinaDate, EpochMs, TravelOption } from '../model';
import type { Buffers } from '../settings';
import { compare } from '../compare/index';
import type { Place } from '../compare/places';
import { optionPrice } from '../compare/price';
import type { ComparedOption } from '../compare/types';
import type { StoredResult } from '../store/captures';
import type { Beat, LiveError, OverlayView, RowView, SeatView } from '../capture/view';

export interface ViewInput {
  /** The mode the overlay shows: the one the page is NOT about. */
  show: 'rail' | 'air';
  date: ChinaDate;
  from?: Place;
  to?: Place;
  rail?: StoredResult;
  air?: StoredResult;
  now: EpochMs;
  buffers?: { air: Buffers; rail: Buffers };
  diagnostics: number;
  otherSearchUrl?: string;
  /** Why a live query for the shown mode failed (shown beside "no data"). */
  liveError?: LiveError;
}

const MAX_ROWS = 600;

function seatsOf(o: TravelOption): SeatView[] {
  if (o.mode !== 'rail') return [];
  return o.seats.slice(0, 16).map((s) => {
    const v: SeatView = { cls: s.cls, name: s.name.slice(0, 16), nameEn: s.nameEn.slice(0, 40), kind: s.availability.kind };
    if (s.availability.kind === 'count') v.n = s.availability.n;
    if (s.price !== undefined) v.price = s.price;
    return v;
  });
}

function rowOf(c: ComparedOption, purpose?: 'adult' | 'student'): RowView {
  const o = c.option;
  const note = optionPrice(o, { purpose }).note;
  const row: RowView = {
    id: c.id.slice(0, 64),
    mode: o.mode,
    code: (o.mode === 'rail' ? o.code : o.flightNo).slice(0, 16),
    fromName: (o.mode === 'rail' ? (o.from.name ?? o.from.telecode) : (o.from.name ?? o.from.code) + (o.from.terminal ?? '')).slice(0, 40),
    toName: (o.mode === 'rail' ? (o.to.name ?? o.to.telecode) : (o.to.name ?? o.to.code) + (o.to.terminal ?? '')).slice(0, 40),
    depart: o.depart,
    arrive: o.arrive,
    arriveDayOffset: Math.min(9, Math.max(0, o.arriveDayOffset)),
    durationMin: Math.max(0, Math.round(o.durationMin)),
    doorToDoorMin: Math.max(0, Math.round(c.doorToDoorMin)),
    priceIncludesTaxes: c.priceIncludesTaxes,
    soldOut: c.soldOut,
    tops: c.tops.slice(0, 4),
    best: [],
    seats: seatsOf(o),
  };
  if (o.mode === 'rail') row.trainNo = o.trainNo.slice(0, 16);
  if (o.mode === 'air' && o.airlineName) row.airline = o.airlineName.slice(0, 32);
  if (c.price !== undefined) row.price = c.price;
  if (note) row.priceNote = note;
  return row;
}

/**
 * For each train, the flight that beats it the most: the buyable flight saving the most time door
 * to door; if none is faster, the cheapest buyable flight that is cheaper than the train.
 */
export function flightsBeatingTrains(options: readonly ComparedOption[]): Beat[] {
  const flights = options.filter((c) => c.option.mode === 'air' && !c.soldOut);
  const out: Beat[] = [];
  for (const t of options) {
    if (t.option.mode !== 'rail') continue;
    let best: { f: ComparedOption; faster: number } | undefined;
    for (const f of flights) {
      const faster = t.doorToDoorMin - f.doorToDoorMin;
      if (faster > 0 && (!best || faster > best.faster)) best = { f, faster };
    }
    let cheaper: { f: ComparedOption; by: number } | undefined;
    if (t.price !== undefined) {
      for (const f of flights) {
        if (f.price === undefined) continue;
        const by = t.price - f.price;
        if (by > 0 && (!cheaper || by > cheaper.by)) cheaper = { f, by };
      }
    }
    const pick = best?.f ?? cheaper?.f;
    if (!pick || pick.option.mode !== 'air') continue;
    const beat: Beat = { trainNo: t.option.trainNo.slice(0, 16), code: t.option.code.slice(0, 16), flightNo: pick.option.flightNo.slice(0, 16) };
    const faster = Math.round(t.doorToDoorMin - pick.doorToDoorMin);
    if (faster > 0) beat.fasterMin = faster;
    if (t.price !== undefined && pick.price !== undefined && t.price > pick.price) beat.cheaperFen = t.price - pick.price;
    out.push(beat);
  }
  return out;
}

/** Marks the cheapest and the fastest (door to door) buyable option among one mode's rows. */
function markBest(options: readonly ComparedOption[], rows: RowView[]): void {
  let cheapest = -1;
  let fastest = -1;
  options.forEach((c, i) => {
    if (c.soldOut) return;
    if (c.price !== undefined && (cheapest < 0 || c.price < options[cheapest]!.price!)) cheapest = i;
    if (fastest < 0 || c.doorToDoorMin < options[fastest]!.doorToDoorMin) fastest = i;
  });
  if (cheapest >= 0) rows[cheapest]!.best.push('cheapest');
  if (fastest >= 0) rows[fastest]!.best.push('fastest');
}

export function buildOverlayView(input: ViewInput): OverlayView {
  const base: OverlayView = {
    show: input.show,
    date: input.date,
    status: 'no-data',
    rows: [],
    sources: {},
    beats: [],
    diagnostics: input.diagnostics,
  };
  if (input.otherSearchUrl) base.otherSearchUrl = input.otherSearchUrl;
  if (input.liveError) {
    const { code, message } = input.liveError;
    base.liveError = { code: code.slice(0, 32), message: { zh: message.zh.slice(0, 400), en: message.en.slice(0, 400) } };
  }
  if (input.from) base.from = { city: input.from.city, ...(input.from.cityCode ? { cityCode: input.from.cityCode } : {}) };
  if (input.to) base.to = { city: input.to.city, ...(input.to.cityCode ? { cityCode: input.to.cityCode } : {}) };
  if (!input.from || !input.to) {
    return {
      ...base,
      status: 'no-place',
      error: { code: 'bad-input', message: { zh: '无法识别本页的出发地或目的地', en: 'Could not tell the route of this page' } },
    };
  }
  const rail = input.rail?.rail ? { result: input.rail.rail, fetchedAt: input.rail.at, source: '12306' } : undefined;
  const air = input.air?.air ? { result: input.air.air, fetchedAt: input.air.at } : undefined;
  if (!rail && !air) return base;

  const result = compare(
    { ...(rail ? { rail } : {}), ...(air ? { air } : {}), now: input.now, from: input.from, to: input.to },
    input.buffers ? { buffers: input.buffers } : {},
  );
  if (!result.ok) {
    return { ...base, status: 'error', error: { code: result.error.code, message: result.error.message } };
  }
  const cmp = result.value;
  const shown = input.show === 'air' ? air : rail;
  const shownOptions = cmp.options.filter((c) => c.option.mode === input.show).slice(0, MAX_ROWS);
  const rows = shownOptions.map((c) => rowOf(c, rail?.result.purpose));
  markBest(shownOptions, rows);
  const view: OverlayView = {
    ...base,
    status: shown ? 'ok' : 'no-data',
    rows,
    verdict: cmp.verdict,
    beats: input.show === 'air' && rail && air ? flightsBeatingTrains(cmp.options).slice(0, MAX_ROWS) : [],
  };
  if (input.rail && rail) {
    view.sources.rail = { at: input.rail.at, stale: !!cmp.sources.rail?.stale, source: '12306', ...(input.rail.live ? { live: true } : {}) };
  }
  if (input.air && air) {
    view.sources.air = { at: input.air.at, stale: !!cmp.sources.air?.stale, source: input.air.source, ...(input.air.live ? { live: true } : {}) };
  }
  return view;
}
