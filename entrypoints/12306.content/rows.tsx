// Per-row annotations on 12306's results table: a note where the flight that stands in for the
// train (lib/compare/row-notes.ts) is faster or cheaper than its class, and a bell on each
// sold-out class. The page replaces the tbody on every query, so we watch the
// results container (the table's parent) and re-annotate whatever rows are there.
import type { Beat } from '../../lib/capture/view';
import { SEAT_CLASS_BY_ID } from '../../lib/rail/seats';
import { uiLang } from '../../lib/i18n/catalog';
import { readTrainRows, SELECTORS, type TrainRow } from '../../lib/sites/12306-page';
import { inlineHost, isOwnMutation, requestWatch } from '../../components/overlay/host';
import { BeatNote, Bell } from '../../components/overlay/RowAnnotations';
import { inIdleSlices, whenIdle } from '../../components/overlay/idle';

export interface WatchRoute {
  date: string;
  from: { telecode: string; name?: string };
  to: { telecode: string; name?: string };
}

export interface RowAnnotator {
  /** New data (row notes, route for watches, styles); re-annotates now. */
  set(data: { beats: Beat[]; route?: WatchRoute; css: string }): void;
  stop(): void;
}

export function annotateRows(doc: Document): RowAnnotator {
  let data: { beats: Beat[]; route?: WatchRoute; css: string } = { beats: [], css: '' };
  let removers: Array<() => void> = [];
  let observer: MutationObserver | undefined;
  let scheduled = false;

  const clear = () => {
    for (const r of removers) r();
    removers = [];
  };

  /** Cancels the row work still queued in idle time. */
  let pending = () => {};

  // One row's notes and bells: a few shadow hosts, done in idle time a few rows at a time, so no
  // task of ours grows long on a page of 100 trains.
  const annotate = (row: TrainRow, beat: Beat | undefined, route: WatchRoute | undefined, css: string) => {
    // Out of the flow, on the train-number column's second line (after 复, or under the number),
    // where there is room: a note may never make the row taller or move the rows below.
    const besideCode = row.row.querySelector('.train-type') ?? row.row.querySelector('.train') ?? row.infoCell;
    if (beat && besideCode) removers.push(inlineHost(besideCode, '12306-row', css, <BeatNote beat={beat} />, true));
    if (!route) return;
    for (const seat of row.seatCells) {
      if (!seat.soldOut) continue;
      const cls = SEAT_CLASS_BY_ID[seat.cls];
      const label = `${row.code} ${uiLang() === 'en' ? cls.nameEn : cls.name}`;
      removers.push(
        inlineHost(
          seat.cell,
          '12306-bell',
          css,
          <Bell
            label={label}
            onWatch={() =>
              requestWatch({
                date: route.date,
                from: route.from,
                to: route.to,
                trains: [row.code.slice(0, 8)],
                trainNos: [row.trainNo.slice(0, 16)],
                classes: [seat.cls],
                seats: 1,
                origin: 'overlay',
              })
            }
          />,
        ),
      );
    }
  };

  const run = () => {
    scheduled = false;
    pending();
    const list = doc.querySelector(SELECTORS.resultList);
    if (!list) return;
    observer?.disconnect();
    clear();
    const { beats, route, css } = data;
    const byTrain = new Map(beats.map((b) => [b.trainNo, b]));
    const byCode = new Map(beats.map((b) => [b.code, b]));
    const rows = readTrainRows(list).filter((row) => byTrain.has(row.trainNo) || byCode.has(row.code) || (route && row.seatCells.some((c) => c.soldOut)));
    pending = inIdleSlices(rows, (row) => annotate(row, byTrain.get(row.trainNo) ?? byCode.get(row.code), route, css));
    // Watching again at once: a new query while rows are pending cancels them (our own
    // insertions are recognised and ignored).
    observe();
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // After the page has finished its own DOM work, when the thread is idle.
    whenIdle(run, 100);
  };

  function observe() {
    const list = doc.querySelector(SELECTORS.resultList);
    if (!list) return;
    observer ??= new MutationObserver((records) => {
      if (records.every(isOwnMutation)) return;
      schedule();
    });
    observer.observe(list, { childList: true, subtree: true });
  }

  observe();
  return {
    set(next) {
      data = next;
      schedule();
    },
    stop() {
      pending();
      observer?.disconnect();
      clear();
    },
  };
}
