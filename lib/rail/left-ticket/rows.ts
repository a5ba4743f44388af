// The rows of a response → LeftTicketResult: each row decoded where it stands (so issues come out
// in row order), rows without a date of their own once the query date is known, and every train
// put on the query date.
import type { ChinaDate, LeftTicketResult, RailOption } from '../../model';
import { excerpt, ok, type DecodeIssue, type DecodeResult } from '../../result';
import { dayStart, readRow, rowDateOf, type LeftTicketContext } from './row';
import { MIN_ROW_FIELDS, fieldCached, scanRow } from './scan';

/** Query date when the caller does not know it: the latest start_train_date (a train that left its origin the day before carries that earlier date). */
function latestDate(trains: RailOption[]): ChinaDate | undefined {
  let best: ChinaDate | undefined;
  for (const t of trains) if (!best || t.date > best) best = t.date;
  return best;
}

/** Moves rows built with their own start_train_date onto the query date (same clock times). */
function onDate(t: RailOption, date: ChinaDate): void {
  if (t.date === date) return;
  const shift = dayStart(date) - dayStart(t.date);
  t.depart += shift;
  t.arrive += shift;
  t.date = date;
  t.id = `${t.trainNo || t.code}@${date}`;
}

/** Rows by index; each is decoded where it stands, so issues come out in row order. */
export function decodeRows(
  format: LeftTicketResult['format'],
  rows: unknown[],
  names: Record<string, string>,
  ctx: LeftTicketContext,
  issues: DecodeIssue[],
  toRow: (entry: unknown, i: number) => string | undefined,
): DecodeResult<LeftTicketResult> {
  const trains: RailOption[] = [];
  /** Row index of each train (to put late-decoded rows back in order). */
  const rowOf: number[] = [];
  const counts = new Set<number>();
  /** Rows without a readable date of their own, decoded once the query date is known. */
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
    const o = readRow(row, n, i, ctx.date, names, issues, format === 'object');
    if (o) {
      trains.push(o);
      rowOf.push(i);
    }
  }
  const date = ctx.date ?? latestDate(trains);
  if (date && !ctx.date) {
    // Without the queried date, rows of trains that left their origin the day before carry an
    // earlier start_train_date: the latest one is taken as the travel date, and that guess is said.
    const dates = new Set(trains.map((t) => t.date));
    if (dates.size > 1) {
      issues.push({ code: 'other', field: 'start_train_date', message: `no query date given: rows carry ${dates.size} start dates; ${date} (the latest) taken as the travel date` });
    }
    for (const t of trains) onDate(t, date);
  }
  if (undated.length > 0) {
    for (const [i, row] of undated) {
      const o = readRow(row, scanRow(row), i, date, names, issues, format === 'object');
      if (!o) continue;
      let at = rowOf.findIndex((r) => r > i);
      if (at < 0) at = trains.length;
      trains.splice(at, 0, o);
      rowOf.splice(at, 0, i);
    }
    issues.sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
  }
  const value: LeftTicketResult = { format, fieldCounts: [...counts].sort((a, b) => a - b), stationNames: names, trains };
  if (date) value.date = date;
  if (ctx.purpose) value.purpose = ctx.purpose;
  return ok(value, issues);
}
