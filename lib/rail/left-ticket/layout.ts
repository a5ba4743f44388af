// The anchors of a pipe row's layout. A row whose fields moved (one dropped, one doubled, two
// swapped, a '|' inside a value) still splits into plausible-looking cells, and the seat counts
// then come from the wrong columns: "有" under a class the train does not have, a station number
// read as a seat count. Fields with a fixed shape tell a moved row apart — start_train_date (13)
// is 8 digits, yp_ex (34) is code+digit pairs that repeat seat_types (35), codes and telecodes
// are plain text — so a row whose anchors disagree is left out whole (no seats read from it).
// Char-code loops only: this runs once per row of every answer.
import { FE, FS } from './scan';

/** Why a row is out of place: the field to name in the issue and what is wrong with it. */
export interface LayoutProblem {
  field: string;
  why: string;
}

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const W = 87; // 'W': yp_ex lists standing as W where seat_types repeats the seated class's code

/** A field holding U+FFFD (bytes that were not UTF-8) or a BOM: not a code we can trust. */
function garbledAt(row: string, k: number): boolean {
  for (let j = FS[k]!; j < FE[k]!; j++) {
    const c = row.charCodeAt(j);
    if (c === 0xfffd || c === 0xfeff) return true;
  }
  return false;
}

const CODE_FIELDS = ['train_no', 'station_train_code', 'start_station_telecode', 'end_station_telecode', 'from_station_telecode', 'to_station_telecode'];

/**
 * yp_ex (34) against seat_types (35): both empty (a train with nothing on sale), or yp_ex made of
 * one code+digit pair per seat_types code, in the same order ("90M0O0W0" for "9MOO": the pair of
 * standing says W). Real rows of 2017–2026 all have this shape.
 */
function seatCodesProblem(row: string): LayoutProblem | undefined {
  const es = FS[34]!;
  const ee = FE[34]!;
  const ts = FS[35]!;
  const te = FE[35]!;
  if (es === ee && ts === te) return undefined;
  if (ee - es !== 2 * (te - ts)) return { field: 'yp_ex', why: 'yp_ex does not pair with seat_types' };
  for (let j = 0; j < te - ts; j++) {
    const t = row.charCodeAt(ts + j);
    const e = row.charCodeAt(es + 2 * j);
    const d = row.charCodeAt(es + 2 * j + 1);
    if (!isAlnum(t)) return { field: 'seat_types', why: 'seat_types holds something that is not a seat code' };
    if (d < 48 || d > 57 || (e !== t && e !== W)) return { field: 'yp_ex', why: 'yp_ex does not pair with seat_types' };
  }
  return undefined;
}

/**
 * The first anchor of the row scanned last (FS/FE hold its n fields) that is out of place, or
 * undefined. Fields a short row does not reach are not judged here (the row-short issue says so).
 */
export function layoutProblem(row: string, n: number): LayoutProblem | undefined {
  for (let k = 2; k <= 7 && k < n; k++) {
    if (garbledAt(row, k)) return { field: CODE_FIELDS[k - 2]!, why: `${CODE_FIELDS[k - 2]!} holds replacement characters or a BOM` };
  }
  if (n > 13) {
    const s = FS[13]!;
    const e = FE[13]!;
    if (e !== s) {
      let digits = e - s === 8;
      for (let j = s; digits && j < e; j++) {
        const d = row.charCodeAt(j);
        digits = d >= 48 && d <= 57;
      }
      if (!digits) return { field: 'start_train_date', why: 'start_train_date is not an 8-digit date' };
    }
  }
  return n > 35 ? seatCodesProblem(row) : undefined;
}
