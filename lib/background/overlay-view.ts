// Builds what an overlay shows from the stored captures: runs the shared
// comparison for the page's date and city pair — as of now, for this traveller's qualifications
// and under the filters the popup keeps — and keeps what the panel needs: the other mode's
// options (departed ones greyed and last), the verdict, the sources' ages, and for 12306 the
// row notes (lib/compare/row-notes.ts: the flight that stands in for each train).
import { connectionVia } from '../air/connection';
import type { Bilingual } from '../i18n';
import type { ChinaDate, EpochMs, TravelOption } from '../model';
import type { Buffers } from '../settings';
import { compare } from '../compare/index';
import { DEFAULT_FILTERS } from '../compare/filter';
import type { Qualifications } from '../compare/fare-conditions';
import type { Place } from '../compare/places';
import { optionPrice, type PriceOptions } from '../compare/price';
import { rowNotes, type RowNote } from '../compare/row-notes';
import type { CompareFilters, ComparedOption } from '../compare/types';
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
  /** Conditional fares the traveller said fit them (settings.qualifications). */
  qualifies?: Qualifications;
  /** The popup's filters (stored with its last search); none apply when none are stored. */
  filters?: CompareFilters;
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

/** A class or condition name within the view's bounds. */
const nameOf = (b: Bilingual) => ({ zh: b.zh.slice(0, 32), en: b.en.slice(0, 64) });
const MAX_CONDITIONAL = 8;

function rowOf(c: ComparedOption, priced: PriceOptions): RowView {
  const o = c.option;
  // The price's note in both languages (the comparison keeps it in one), priced as it was compared.
  const note = optionPrice(o, priced).note;
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
    departed: c.departed,
    reachDoorAt: { ...c.reachDoorAt, dayOffset: Math.min(9, Math.max(-9, c.reachDoorAt.dayOffset)) },
    tops: c.tops.slice(0, 4),
    best: [],
    seats: seatsOf(o),
  };
  if (o.mode === 'rail') row.trainNo = o.trainNo.slice(0, 16);
  if (o.mode === 'air' && o.airlineName) row.airline = o.airlineName.slice(0, 32);
  const via = o.mode === 'air' ? connectionVia(o) : undefined;
  if (via) row.via = { zh: via.zh.slice(0, 64), en: via.en.slice(0, 64) };
  if (c.price !== undefined) row.price = c.price;
  if (note) row.priceNote = note;
  if (c.priceClass) row.priceClass = nameOf(c.priceClass);
  if (c.priceCondition) row.priceCondition = nameOf(c.priceCondition.text);
  if (c.conditionalFares?.length) {
    row.conditionalFares = c.conditionalFares
      .slice(0, MAX_CONDITIONAL)
      .map((f) => ({ price: f.price, priceIncludesTaxes: f.priceIncludesTaxes, condition: nameOf(f.condition.text) }));
  }
  if (c.waitlist?.length) {
    row.waitlist = c.waitlist.slice(0, 16).map((w) => ({ name: nameOf({ zh: w.name, en: w.nameEn }), ...(w.price !== undefined ? { price: w.price } : {}) }));
  }
  if (c.saleOpens) row.saleOpens = c.saleOpens;
  if (c.excluded) row.excluded = c.excluded;
  return row;
}

/** True when the filters leave anything out (all types, the whole day, any class, sold out too is no filter). */
function narrows(f: CompareFilters | undefined): boolean {
  if (!f) return false;
  const d = DEFAULT_FILTERS;
  return (
    (f.types !== undefined && !d.types.every((t) => f.types!.includes(t))) ||
    (f.fromHour ?? d.fromHour) > 0 ||
    (f.toHour ?? d.toHour) < 24 ||
    (f.cls ?? d.cls) !== 'any' ||
    (f.onlyBuyable ?? d.onlyBuyable)
  );
}

/** A row note as the view carries it (bounded strings; the comparison's ids stay behind). */
function beatOf(n: RowNote): Beat {
  const { trainId: _train, flightId: _flight, trainClass, text, ...facts } = n;
  return {
    ...facts,
    trainNo: n.trainNo.slice(0, 16),
    code: n.code.slice(0, 16),
    flightNo: n.flightNo.slice(0, 16),
    text: { zh: text.zh.slice(0, 400), en: text.en.slice(0, 400) },
    ...(trainClass ? { trainClass: nameOf(trainClass) } : {}),
  };
}

/**
 * Marks the cheapest and the fastest (door to door) option among one mode's rows: only options
 * that rank (not departed, on sale, an ordinary or fitting fare, inside the filters, buyable).
 */
function markBest(options: readonly ComparedOption[], rows: RowView[]): void {
  let cheapest = -1;
  let fastest = -1;
  options.forEach((c, i) => {
    if (c.soldOut || c.excluded !== undefined) return;
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
    const { code, message, retryAt } = input.liveError;
    base.liveError = { code: code.slice(0, 32), message: { zh: message.zh.slice(0, 400), en: message.en.slice(0, 400) }, ...(retryAt !== undefined ? { retryAt } : {}) };
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
    {
      ...(input.buffers ? { buffers: input.buffers } : {}),
      ...(input.qualifies ? { qualifies: input.qualifies } : {}),
      ...(input.filters ? { filters: input.filters } : {}),
    },
  );
  if (!result.ok) {
    return { ...base, status: 'error', error: { code: result.error.code, message: result.error.message } };
  }
  const cmp = result.value;
  const shown = input.show === 'air' ? air : rail;
  const shownOptions = cmp.options.filter((c) => c.option.mode === input.show).slice(0, MAX_ROWS);
  // Priced as the comparison priced it: the filters' class, the traveller's qualifications, and
  // whether the trains were asked for as student tickets.
  const priced: PriceOptions = { cls: input.filters?.cls ?? 'any', qualifies: input.qualifies ?? {}, ...(rail?.result.purpose ? { purpose: rail.result.purpose } : {}) };
  const rows = shownOptions.map((c) => rowOf(c, priced));
  markBest(shownOptions, rows);
  const view: OverlayView = {
    ...base,
    status: shown ? 'ok' : 'no-data',
    rows,
    verdict: cmp.verdict,
    beats: input.show === 'air' && rail && air ? [...rowNotes(cmp.options).values()].slice(0, MAX_ROWS).map(beatOf) : [],
  };
  if (narrows(input.filters)) view.filtered = true;
  if (input.rail && rail) {
    view.sources.rail = { at: input.rail.at, stale: !!cmp.sources.rail?.stale, source: '12306', ...(input.rail.live ? { live: true } : {}) };
  }
  if (input.air && air) {
    view.sources.air = { at: input.air.at, stale: !!cmp.sources.air?.stale, source: input.air.source, ...(input.air.live ? { live: true } : {}) };
  }
  return view;
}
