// Per-row annotations on 12306's results table: a note where the flight that stands in for the
// train (lib/compare/row-notes.ts) is faster or cheaper than its class, and a bell on each
// sold-out class. The page replaces the tbody on every query, so we watch the
// results container (the table's parent) and re-annotate whatever rows are there.
import type { Beat } from '../../lib/capture/view';
import { SEAT_CLASS_BY_ID } from '../../lib/rail/seats';
import { uiLang } from '../../lib/i18n/catalog';
import { readTrainRows, SELECTORS, type TrainRow } from '../../lib/sites/12306-page';
import { inlineHost, isOwnMutation, requestWatch } from '../../components/overlay/host';
import { removeWatch } from '../../components/common/watch-request';
import { BeatNote, Bell } from '../../components/overlay/RowAnnotations';
import { inIdleSlices, whenIdle } from '../../components/overlay/idle';

export interface WatchRoute {
  date: string;
  from: { telecode: string; name?: string };
  to: { telecode: string; name?: string };
}

/** `${train code}|${class}` → the id of the watch that covers it. */
export type WatchedMap = Map<string, string>;

export interface RowAnnotator {
  /** New data (row notes, route for watches, watched classes, styles); re-annotates now. */
  set(data: { beats: Beat[]; route?: WatchRoute; css: string; watched?: WatchedMap }): void;
  stop(): void;
}

export function annotateRows(doc: Document): RowAnnotator {
  let data: { beats: Beat[]; route?: WatchRoute; css: string; watched?: WatchedMap } = { beats: [], css: '' };
  // Kept across 12306's redraws and our own bell clicks, so a bell shows its watch whatever redrew it.
  const watched: WatchedMap = new Map();
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
      const key = `${row.code}|${seat.cls}`;
      removers.push(
        inlineHost(
          seat.cell,
          '12306-bell',
          css,
          <Bell
            label={label}
            watchedId={watched.get(key)}
            onUnwatch={async (id) => {
              const gone = await removeWatch(id);
              if (gone) for (const [k, v] of watched) if (v === id) watched.delete(k);
              return gone;
            }}
            onWatch={async () => {
              const r = await requestWatch({
                date: route.date,
                from: route.from,
                to: route.to,
                trains: [row.code.slice(0, 8)],
                trainNos: [row.trainNo.slice(0, 16)],
                classes: [seat.cls],
                seats: 1,
                origin: 'overlay',
              });
              if ((r.kind === 'created' || r.kind === 'exists') && r.id) watched.set(key, r.id);
              return r;
            }}
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
      if (next.watched) {
        watched.clear();
        for (const [k, v] of next.watched) watched.set(k, v);
      }
      schedule();
    },
    stop() {
      pending();
      observer?.disconnect();
      clear();
    },
  };
}
