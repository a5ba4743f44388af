// The note beside each 12306 train row: the flight that best stands in for that train — the one
// leaving closest to it (within ±2 h), or else one reaching the door no later — compared with the
// class of the train the user would buy (its cheapest buyable class under the filters). A note
// appears only when it helps: the flight is at least 15 min faster door to door or at least ¥20
// cheaper. Pure, over the comparison's options, so the overlay, the popup and the command line
// say the same thing.
import { formatYuan, type Bilingual } from '../i18n';
import type { Fen } from '../model';
import { chinaHm, formatDuration, MINUTE_MS } from '../time';
import type { PriceClass } from './price';
import type { ComparedOption } from './types';

export interface RowNote {
  trainId: string;
  trainNo: string;
  code: string;
  flightId: string;
  flightNo: string;
  /** The class of the train compared, and its price (taxes are always in a train fare). */
  trainClass?: PriceClass;
  trainPrice?: Fen;
  /** The flight's taxes-in price. */
  flightPrice?: Fen;
  /** Door-to-door minutes saved by flying, when positive. */
  fasterMin?: number;
  /** Door-to-door minutes lost by flying (a note for money saved may still say so). */
  slowerMin?: number;
  /** Money saved by flying, when positive. */
  cheaperFen?: number;
  /** Money paid extra by flying (a note for time saved says so). */
  dearerFen?: number;
  text: Bilingual;
}

export interface RowNoteRules {
  /** A flight leaving within this many hours of the train stands in for it (default 2). */
  windowH?: number;
  /** The least saving worth a note (defaults 15 min, ¥20). */
  minFasterMin?: number;
  minCheaperFen?: Fen;
}

const live = (o: ComparedOption) => !o.soldOut && o.excluded === undefined;

/** The flight leaving closest to the train among those within the window or at the door no later. */
export function standIn(train: ComparedOption, flights: readonly ComparedOption[], windowH = 2): ComparedOption | undefined {
  const window = windowH * 60 * MINUTE_MS;
  let best: ComparedOption | undefined;
  let bestGap = Infinity;
  for (const f of flights) {
    const gap = Math.abs(f.option.depart - train.option.depart);
    if (gap > window && f.reachDoor > train.reachDoor) continue;
    const better =
      gap < bestGap ||
      (gap === bestGap && best !== undefined && (f.reachDoor < best.reachDoor || (f.reachDoor === best.reachDoor && (f.price ?? Infinity) < (best.price ?? Infinity))));
    if (better) {
      best = f;
      bestGap = gap;
    }
  }
  return best;
}

/** "50分钟" / "1小时5分", "50m" / "1h 5m". */
const dur = (min: number) => ({ zh: formatDuration(min, 'zh'), en: formatDuration(min, 'en') });

/**
 * "MU5231 比二等座快1小时5分，便宜¥23（08:30 起飞，门到门）": the flight, the train's class it is
 * compared with, then time and money (each either way, so a faster but dearer flight says so).
 */
function noteText(flightNo: string, depart: number, dt: number, dp: number | undefined, cls: PriceClass | undefined): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  if (dt !== 0) {
    const d = dur(Math.abs(dt));
    zh.push(`${dt > 0 ? '快' : '慢'}${d.zh}`);
    en.push(`${d.en} ${dt > 0 ? 'faster' : 'slower'}`);
  }
  if (dp !== undefined && dp !== 0) {
    zh.push(`${dp > 0 ? '便宜' : '贵'}${formatYuan(Math.abs(dp))}`);
    en.push(`${formatYuan(Math.abs(dp))} ${dp > 0 ? 'cheaper' : 'dearer'}`);
  }
  const hm = chinaHm(depart);
  return {
    zh: `${flightNo} 比${cls ? cls.zh : '火车'}${zh.join('，')}（${hm} 起飞，门到门）`,
    en: `${flightNo} (leaves ${hm}): ${en.join(', ')} than ${cls ? cls.en.toLowerCase() : 'the train'}, door to door`,
  };
}

/**
 * One note per train row that a flight helps, keyed by the compared option's id. Trains and
 * flights that rank nowhere (departed, not on sale, sold out, restricted fares only, outside the
 * filters) get and give no note.
 */
export function rowNotes(options: readonly ComparedOption[], rules: RowNoteRules = {}): Map<string, RowNote> {
  const minFaster = rules.minFasterMin ?? 15;
  const minCheaper = rules.minCheaperFen ?? 2000;
  const flights = options.filter((c) => c.option.mode === 'air' && live(c));
  const out = new Map<string, RowNote>();
  if (flights.length === 0) return out;
  for (const t of options) {
    if (t.option.mode !== 'rail' || !live(t)) continue;
    const f = standIn(t, flights, rules.windowH);
    if (!f || f.option.mode !== 'air') continue;
    const dt = Math.round(t.doorToDoorMin - f.doorToDoorMin);
    // A fare without taxes would flatter the flight: compare money only taxes-in.
    const dp = t.price !== undefined && f.price !== undefined && f.priceIncludesTaxes ? t.price - f.price : undefined;
    if (dt < minFaster && (dp === undefined || dp < minCheaper)) continue;
    const note: RowNote = {
      trainId: t.id,
      trainNo: t.option.trainNo,
      code: t.option.code,
      flightId: f.id,
      flightNo: f.option.flightNo,
      text: noteText(f.option.flightNo, f.option.depart, dt, dp, t.priceClass),
    };
    if (t.priceClass) note.trainClass = t.priceClass;
    if (t.price !== undefined) note.trainPrice = t.price;
    if (f.price !== undefined) note.flightPrice = f.price;
    if (dt > 0) note.fasterMin = dt;
    if (dt < 0) note.slowerMin = -dt;
    if (dp !== undefined && dp > 0) note.cheaperFen = dp;
    if (dp !== undefined && dp < 0) note.dearerFen = -dp;
    out.set(t.id, note);
  }
  return out;
}
