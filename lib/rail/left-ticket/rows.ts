// The rows of a response → LeftTicketResult. Every row is checked up front, so the issues are
// complete when decodeLeftTicket returns; the RailOption objects are built when `trains` is
// first read. That read replaces the accessor with a plain data property holding the array, so
// JSON.stringify, structuredClone and deep equality see exactly what an eager decoder gives.
import type { ChinaDate, LeftTicketResult, RailOption } from '../../model';
import { excerpt, ok, type DecodeIssue, type DecodeResult } from '../../result';
import { readRow, rowDateOf, type LeftTicketContext } from './row';
import { MIN_ROW_FIELDS, fieldCached, scanRow } from './scan';

/** Issues of the building pass: the checking pass has already reported every one of them. */
const SEEN: DecodeIssue[] = [];

/** The kept rows (row index and text), in row order, built on the query date. */
function buildTrains(at: number[], rows: string[], date: ChinaDate, names: Record<string, string>): RailOption[] {
  const trains: RailOption[] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const o = readRow(row, scanRow(row), at[k]!, date, names, SEEN, true);
    SEEN.length = 0;
    // Always an option: the checking pass kept only rows that read, and the query date is known.
    if (o && typeof o !== 'string') trains.push(o);
  }
  return trains;
}

interface Pending {
  at: number[];
  rows: string[];
  date: ChinaDate;
  names: Record<string, string>;
}
/**
 * Where a result whose trains have not been read yet keeps what building them needs: a
 * non-enumerable symbol key, which JSON, structured clone and deep equality all skip. (On the
 * object itself rather than in a WeakMap or a closure per result: those put the pending rows
 * behind an old-generation object, and every young-generation GC then copies them instead of
 * freeing them — measured at several times the cost of the decoder.)
 */
const PENDING = Symbol('pending trains');
type WithPending = { [PENDING]?: Pending };
const NO_TRAINS: RailOption[] = [];

/** Replaces the accessor with a plain data property, as an eager decoder would have made it. */
function settle(self: WithPending, trains: RailOption[]): RailOption[] {
  delete self[PENDING];
  Object.defineProperty(self, 'trains', { value: trains, writable: true, enumerable: true, configurable: true });
  return trains;
}

/** Shared by every result (no closure per decode), in the key order of the eager object. */
const LAZY_TRAINS: PropertyDescriptor = {
  get(this: WithPending): RailOption[] {
    const p = this[PENDING];
    return settle(this, p ? buildTrains(p.at, p.rows, p.date, p.names) : []);
  },
  set(this: WithPending, v: RailOption[]) {
    settle(this, v);
  },
  enumerable: true,
  configurable: true,
};

/** Inserts (i, row) into the row-ordered lists. */
function insertRow(at: number[], rows: string[], i: number, row: string): void {
  let k = at.length;
  while (k > 0 && at[k - 1]! > i) k--;
  at.splice(k, 0, i);
  rows.splice(k, 0, row);
}

/** Rows by index; each is checked where it stands, so issues come out in row order. */
export function decodeRows(
  format: LeftTicketResult['format'],
  rows: unknown[],
  names: Record<string, string>,
  ctx: LeftTicketContext,
  issues: DecodeIssue[],
  toRow: (entry: unknown, i: number) => string | undefined,
): DecodeResult<LeftTicketResult> {
  /** Row index and text of each row that makes a train, in row order. */
  const keptAt: number[] = [];
  const kept: string[] = [];
  const dates = new Set<ChinaDate>();
  let latest: ChinaDate | undefined;
  const counts = new Set<number>();
  /** Rows without a readable date of their own, checked once the query date is known. */
  const undated: [number, string][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = toRow(rows[i], i);
    if (row === undefined) continue;
    const n = scanRow(row);
    if (format === 'pipe') counts.add(n);
    if (n < MIN_ROW_FIELDS) {
      issues.push({ code: 'row-short', row: i, message: `row ${i}: ${n} fields, at least ${MIN_ROW_FIELDS} needed`, sample: excerpt(row, 80) });
      continue;
    }
    if (!ctx.date && !rowDateOf(fieldCached(row, n, 13))) {
      undated.push([i, row]);
      continue;
    }
    const day = readRow(row, n, i, ctx.date, names, issues, false) as ChinaDate | undefined;
    if (day) {
      keptAt.push(i);
      kept.push(row);
      if (!ctx.date) {
        dates.add(day);
        if (!latest || day > latest) latest = day;
      }
    }
  }
  // Query date when the caller does not know it: the latest start_train_date (a train that left
  // its origin the day before carries that earlier date). Every train is then put on that date.
  const date = ctx.date ?? latest;
  if (date && !ctx.date && dates.size > 1) {
    issues.push({ code: 'other', field: 'start_train_date', message: `no query date given: rows carry ${dates.size} start dates; ${date} (the latest) taken as the travel date` });
  }
  if (undated.length > 0) {
    for (const [i, row] of undated) {
      if (readRow(row, scanRow(row), i, date, names, issues, false)) insertRow(keptAt, kept, i, row);
    }
    issues.sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
  }
  const value: LeftTicketResult = { format, fieldCounts: [...counts].sort((a, b) => a - b), stationNames: names, trains: NO_TRAINS };
  if (kept.length > 0) {
    const pending: Pending = { at: keptAt, rows: kept, date: date!, names };
    Object.defineProperty(value, PENDING, { value: pending, writable: false, enumerable: false, configurable: true });
    Object.defineProperty(value, 'trains', LAZY_TRAINS);
  } else value.trains = [];
  if (date) value.date = date;
  return ok(value, issues);
}
