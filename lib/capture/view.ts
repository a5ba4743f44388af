// What an overlay shows, as the background sends it: the other mode's options for the page's
// date and city pair, the verdict, how old each source is, and per-train notes. One schema,
// validated where it enters the overlay (the capture section's send). zod/mini, built on first
// use: only the overlay's script needs it, and only once it asks for a view.
import * as z from 'zod/mini';
import { once } from '../messaging';
import type { SeatClassId } from '../model';
import type { DoorClock, Exclusion } from '../compare/types';
import { SEAT_CLASS_BY_ID } from '../rail/seats';

function buildViewSchemas() {
  const str = (max: number) => z.string().check(z.maxLength(max));
  const int = (min: number, max?: number) => z.number().check(z.int(), z.gte(min), ...(max === undefined ? [] : [z.lte(max)]));
  const code3 = z.string().check(z.regex(/^[A-Z]{3}$/));
  const bilingual = z.object({ zh: str(400), en: str(400) });
  /** A class or condition name: 二等座 / Second class, 限16–25周岁 / ages 16–25 only. */
  const name = z.object({ zh: str(32), en: str(64) });
  const fen = () => int(0);
  /** A seat-class id of the one class table (lib/rail/seats), which the overlay carries anyway. */
  const seatClass = z.custom<SeatClassId>((v) => typeof v === 'string' && Object.hasOwn(SEAT_CLASS_BY_ID, v), 'seat class');

  const placeRefSchema = z.object({
    name: z.optional(str(32)),
    telecode: z.optional(code3),
    cityCode: z.optional(code3),
  });

  const seatViewSchema = z.object({
    cls: seatClass,
    name: str(16),
    nameEn: str(40),
    kind: z.enum(['count', 'plenty', 'none', 'waitlist', 'not-on-sale']),
    n: z.optional(int(0)),
    price: z.optional(int(0)),
  });

  const rowViewSchema = z.object({
    id: str(64),
    mode: z.enum(['rail', 'air']),
    /** G101 / MU5102. */
    code: str(16),
    trainNo: z.optional(str(16)),
    airline: z.optional(str(32)),
    /** A connection (one ticket, several flights): where it changes planes; listed apart. */
    via: z.optional(bilingual),
    fromName: str(40),
    toName: str(40),
    depart: z.number(),
    arrive: z.number(),
    arriveDayOffset: int(0, 9),
    durationMin: int(0),
    doorToDoorMin: int(0),
    price: z.optional(int(0)),
    priceIncludesTaxes: z.boolean(),
    priceNote: z.optional(bilingual),
    /** The class the price is for (二等座, 经济舱). */
    priceClass: z.optional(name),
    /** Set when the price shown is a conditional fare the traveller said fits them: its condition in words. */
    priceCondition: z.optional(name),
    /** Fares only other travellers may buy, with their condition: shown, never compared. Cheapest first. */
    conditionalFares: z.optional(z.array(z.object({ price: fen(), priceIncludesTaxes: z.boolean(), condition: name })).check(z.maxLength(8))),
    /** Classes where only 候补 (the waiting list) is open: a state of their own, never a price to compare. */
    waitlist: z.optional(z.array(z.object({ name, price: z.optional(fen()) })).check(z.maxLength(16))),
    soldOut: z.boolean(),
    /** Left before now: shown greyed and last, ranks nowhere. */
    departed: z.boolean(),
    /** 12306 opens the sale at this China time ("12:30 开售" instead of seats). */
    saleOpens: z.optional(z.string().check(z.regex(/^\d{2}:\d{2}$/))),
    /** Why the option ranks nowhere (departed, not on sale, restricted fares only, outside the filters). */
    excluded: z.optional(z.enum(['departed', 'not-on-sale', 'conditional-only', 'filtered'])),
    /** The clock time at the door at the other end ("13:40", "01:10+1"), not a duration. */
    reachDoorAt: z.object({ hm: z.string().check(z.regex(/^\d{2}:\d{2}$/)), dayOffset: int(-9, 9), text: str(12) }),
    /** Rankings over both modes (the comparison's). */
    tops: z.array(z.enum(['cheapest', 'fastest', 'earliest', 'pareto'])).check(z.maxLength(4)),
    /** Best within its own mode (the cheapest / fastest train among the trains shown). */
    best: z.array(z.enum(['cheapest', 'fastest'])).check(z.maxLength(2)),
    seats: z.array(seatViewSchema).check(z.maxLength(16)),
  });

  /**
   * On the 12306 page, a row note (lib/compare/row-notes.ts): the flight that stands in for this
   * train, where it is at least 15 min faster door to door or ¥20 cheaper than the train's class.
   */
  const positive = () => z.optional(z.number().check(z.int(), z.positive()));
  const beatSchema = z.object({
    trainNo: str(16),
    code: str(16),
    flightNo: str(16),
    /** The train's class compared (its cheapest buyable one under the filters), and its price. */
    trainClass: z.optional(name),
    trainPrice: z.optional(fen()),
    flightPrice: z.optional(fen()),
    fasterMin: positive(),
    slowerMin: positive(),
    cheaperFen: positive(),
    dearerFen: positive(),
    /** The whole note, naming the flight, its departure and the class compared. */
    text: bilingual,
  });

  const city = z.object({ city: str(32), cityCode: z.optional(str(3)) });
  const source = z.object({ at: z.number(), stale: z.boolean(), source: str(16), live: z.optional(z.boolean()) });

  const overlayViewSchema = z.object({
    show: z.enum(['rail', 'air']),
    date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    from: z.optional(city),
    to: z.optional(city),
    /** ok: rows of the other mode are known; no-data: nothing captured yet; no-place / error: see `error`. */
    status: z.enum(['ok', 'no-data', 'no-place', 'error']),
    error: z.optional(z.object({ code: str(32), message: bilingual })),
    rows: z.array(rowViewSchema).check(z.maxLength(600)),
    verdict: z.optional(bilingual),
    /** When each source was captured or queried live (epoch ms), whether it is stale, and whether it is live. */
    sources: z.object({ rail: z.optional(source), air: z.optional(source) }),
    /**
     * Why the live query for the other mode did not answer (maintenance, back-off…), when one was
     * tried: a decode error code (lib/result.ts ErrorCode) and its text. The code is a plain
     * string here so that the overlay's script does not carry the search section's code list.
     */
    liveError: z.optional(z.object({ code: str(32), message: bilingual, retryAt: z.optional(z.number()) })),
    beats: z.array(beatSchema).check(z.maxLength(600)),
    /** The popup's filters narrowed the comparison (the panel says so: its verdict may differ from the page's). */
    filtered: z.optional(z.boolean()),
    /** Captures that could not be decoded so far (see the diagnostics list). */
    diagnostics: int(0),
    /** The other site's search for this date and route, to get the missing data in one click. */
    otherSearchUrl: z.optional(z.url()),
  });
  return { placeRefSchema, seatViewSchema, rowViewSchema, beatSchema, overlayViewSchema };
}

type ViewSchemas = ReturnType<typeof buildViewSchemas>;

// The view carries the comparison's door clock and exclusions as they are (checked at compile time).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Row = z.infer<ViewSchemas['rowViewSchema']>;
const doorClockMatches: Same<Row['reachDoorAt'], DoorClock> = true;
const exclusionsMatch: Same<NonNullable<Row['excluded']>, Exclusion> = true;
void doorClockMatches;
void exclusionsMatch;
const viewSchemas = once(buildViewSchemas);
export const placeRefSchema = () => viewSchemas().placeRefSchema;
export const overlayViewSchema = () => viewSchemas().overlayViewSchema;
export type PlaceRef = z.infer<ViewSchemas['placeRefSchema']>;
export type SeatView = z.infer<ViewSchemas['seatViewSchema']>;
export type RowView = z.infer<ViewSchemas['rowViewSchema']>;
export type Beat = z.infer<ViewSchemas['beatSchema']>;
export type OverlayView = z.infer<ViewSchemas['overlayViewSchema']>;
export type LiveError = NonNullable<OverlayView['liveError']>;
