// The popup's side of the week strip: opens a strip in the worker, shows the days it already
// knows at once, then asks each planned query only when its time has come (the worker spaces and
// counts them again). Stopping (the strip closed, the search changed, the popup gone) clears the
// timer, so nothing is left queued; a side the site made wait is not asked again in this strip.
import type { WeekMsgReq, WeekMsgRes } from '../../lib/messages/week';
import type { WeekDay, WeekMode } from '../../lib/week/model';

export type WeekQuery = WeekMsgReq<'week.open'>;

export interface WeekApi {
  open(q: WeekQuery): Promise<WeekMsgRes<'week.open'>>;
  day(req: WeekMsgReq<'week.day'>): Promise<WeekMsgRes<'week.day'>>;
  close(stripId: string): void;
  now(): number;
  /** Whether the user left the strip open last time. */
  wasOpen(): boolean;
  rememberOpen(open: boolean): void;
}

export interface WeekState {
  days: WeekDay[];
  /** Still asking. */
  busy: boolean;
  /** The worker could not be reached. */
  failed?: boolean;
}

type Timers = { set: (fn: () => void, ms: number) => unknown; clear: (id: unknown) => void };
const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (id) => clearTimeout(id as number) };

/** Runs one strip; returns its stop function. */
export function runWeek(api: WeekApi, q: WeekQuery, onChange: (s: WeekState) => void, timers: Timers = realTimers): () => void {
  let stopped = false;
  let stripId: string | undefined;
  let timer: unknown;
  let wake = () => {};
  let state: WeekState = { days: [], busy: true };
  const emit = (next: WeekState) => {
    state = next;
    if (!stopped) onChange(state);
  };
  const setDay = (date: string, mode: WeekMode, value: WeekDay[WeekMode]) =>
    emit({ ...state, days: state.days.map((d) => (d.date === date ? { ...d, [mode]: value } : d)) });

  void (async () => {
    let r: WeekMsgRes<'week.open'>;
    try {
      r = await api.open(q);
    } catch {
      return emit({ days: [], busy: false, failed: true });
    }
    stripId = r.stripId;
    if (stopped) return api.close(r.stripId);
    emit({ days: r.days, busy: r.steps.length > 0 });
    const held: Partial<Record<WeekMode, WeekDay[WeekMode]>> = {};
    for (const step of r.steps) {
      const hold = held[step.mode];
      if (hold) {
        setDay(step.date, step.mode, hold);
        continue;
      }
      const wait = step.at - api.now();
      if (wait > 0) {
        await new Promise<void>((res) => {
          wake = res;
          timer = timers.set(res, wait);
        });
      }
      if (stopped) return;
      const a = await api.day({ stripId: r.stripId, date: step.date, mode: step.mode }).catch(() => undefined);
      if (stopped) return;
      if (a?.state === 'gone') break;
      const day = a ? a.day : { state: 'error' as const };
      if (day.state === 'held') held[step.mode] = day;
      setDay(step.date, step.mode, day);
    }
    emit({ ...state, busy: false });
  })();

  return () => {
    stopped = true;
    timers.clear(timer);
    wake();
    if (stripId) api.close(stripId);
  };
}
