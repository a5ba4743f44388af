// The week strip's worker side: it plans a strip's queries (lib/week/plan.ts), answers at once
// the days it already knows, and runs each planned query only when the popup asks for it and its
// time has come. The spacing is kept here, across strips, so reopening the strip (or the popup)
// never sends faster; one strip is open at a time, and closing it drops a query still waiting.
// Queries go through the search service, so the clients' caches, single flight and back-off apply.
import type { ChinaDate, EpochMs } from '../model';
import type { AirAnswer, RailAnswer } from '../messages/search';
import { on, type WeekMsgReq, type WeekMsgRes } from '../messages/week';
import { cityByName } from '../air/cities';
import { pastPresale, saleDayOf } from '../rail/presale';
import { createTtlCache } from '../net/cache';
import { createSerialQueue } from '../util/queue';
import type { AirDay, RailDay, WeekDay, WeekMode, WeekStep } from '../week/model';
import { airDay, railDay } from '../week/cheapest';
import { planWeek, weekDates, WEEK_MAX_REQUESTS, WEEK_MIN_GAP_MS } from '../week/plan';
import type { SearchService } from './search';

/** How long a day the strip learnt is shown without asking again: a glance, not a booking. */
export const WEEK_FRESH_MS = 10 * 60_000;
const CACHE_MAX = 200;
/** Answers that mean "wait": the side stops for the rest of the strip. */
const WAIT_CODES = new Set(['rate-limited', 'blocked', 'challenge']);

type Query = WeekMsgReq<'week.open'>;
type DayRes = WeekMsgRes<'week.day'>;
type Fetched = { at: EpochMs; answer: RailAnswer | AirAnswer };

export interface WeekServiceDeps {
  search: Pick<SearchService, 'searchRail' | 'searchAir'>;
  /** The worker's latest good answers for a search (the popup's own search is there). */
  recent?: (q: Query) => Promise<{ rail?: Fetched; air?: Fetched }>;
  blockedUntil: Record<WeekMode, () => Promise<EpochMs | undefined>>;
  now: () => EpochMs;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Strip {
  id: string;
  q: Query;
  steps: (WeekStep & { asked?: boolean })[];
  sent: number;
  held: Partial<Record<WeekMode, { until?: EpochMs }>>;
}

export function createWeekService(deps: WeekServiceDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const serial = createSerialQueue();
  // Only days with an answer are remembered: a wait or an error is asked again by the next strip.
  const cache = createTtlCache<RailDay | AirDay>({ ttlMs: WEEK_FRESH_MS, now: deps.now, max: CACHE_MAX, keep: (d) => d.state === 'ok' });
  let strip: Strip | undefined;
  /** When the last strip query was sent or answered, whichever is later. */
  let lastSentAt: EpochMs | undefined;
  let seq = 0;

  const keyOf = (mode: WeekMode, q: Query, date: string) =>
    mode === 'rail' ? `rail|${q.from}|${q.to}|${q.student}|${date}` : `air|${q.fromCity}|${q.toCity}|${date}`;
  function known(mode: WeekMode, q: Query, date: ChinaDate, recent: Fetched | undefined, now: EpochMs) {
    const hit = cache.peek(keyOf(mode, q, date));
    if (hit) return hit.value;
    const a = recent?.answer;
    if (!a?.ok || now - a.fetchedAt >= WEEK_FRESH_MS) return undefined;
    return 'trains' in a ? railDay(a.trains, now) : airDay(a.flights, now);
  }

  async function ask(q: Query, date: ChinaDate, mode: WeekMode): Promise<RailDay | AirDay> {
    return (await cache.run(keyOf(mode, q, date), () => query(q, date, mode))).value;
  }

  async function query(q: Query, date: ChinaDate, mode: WeekMode): Promise<RailDay | AirDay> {
    const a = mode === 'rail'
      ? await deps.search.searchRail({ date, from: q.from, to: q.to, student: q.student })
      : await deps.search.searchAir({ date, fromCity: q.fromCity, toCity: q.toCity });
    const now = deps.now();
    if (a.ok) return 'trains' in a ? railDay(a.trains, now) : airDay(a.flights, now);
    if (a.error.code === 'not-on-sale') return { state: 'not-on-sale', ...('saleOpens' in a && a.saleOpens ? { opens: a.saleOpens.day as ChinaDate } : {}) };
    if (a.error.code === 'no-city') return { state: 'none' };
    const until = (await deps.blockedUntil[mode]().catch(() => undefined)) ?? a.error.retryAt;
    if (until !== undefined || WAIT_CODES.has(a.error.code)) return { state: 'held', ...(until !== undefined ? { until } : {}) };
    return { state: 'error' };
  }

  const answer = (mode: WeekMode, day: RailDay | AirDay): DayRes => ({ state: mode, day }) as DayRes;

  return {
    async open(q: Query): Promise<WeekMsgRes<'week.open'>> {
      const now = deps.now();
      const noAir = !cityByName(q.fromCity) || !cityByName(q.toCity);
      const [railHeld, airHeld] = await Promise.all([deps.blockedUntil.rail().catch(() => undefined), deps.blockedUntil.air().catch(() => undefined)]);
      const held = (until: EpochMs | undefined) => (until !== undefined ? { state: 'held' as const, until } : undefined);
      const days: WeekDay[] = await Promise.all(
        weekDates(q.date as ChinaDate, now).map(async (date) => {
          const r = await deps.recent?.({ ...q, date }).catch(() => undefined);
          const rail: RailDay | undefined = pastPresale(date, now)
            ? { state: 'not-on-sale', opens: saleDayOf(date) }
            : ((known('rail', q, date, r?.rail, now) as RailDay | undefined) ?? held(railHeld));
          const air: AirDay | undefined = noAir ? { state: 'none' } : ((known('air', q, date, r?.air, now) as AirDay | undefined) ?? held(airHeld));
          return { date, ...(rail ? { rail } : {}), ...(air ? { air } : {}) };
        }),
      );
      const steps = planWeek({ chosen: q.date as ChinaDate, days, now, ...(lastSentAt !== undefined ? { lastSentAt } : {}), random: deps.random ?? Math.random });
      strip = { id: `w${now.toString(36)}-${++seq}`, q, steps: steps.map((s) => ({ ...s })), sent: 0, held: {} };
      return { stripId: strip.id, days, steps };
    },

    async day(req: WeekMsgReq<'week.day'>): Promise<DayRes> {
      const s = strip;
      const step = s?.id === req.stripId ? s.steps.find((x) => x.date === req.date && x.mode === req.mode && !x.asked) : undefined;
      if (!s || !step) return { state: 'gone' };
      step.asked = true;
      return serial(async (): Promise<DayRes> => {
        const mode = step.mode;
        const wait = Math.max(step.at, (lastSentAt ?? -Infinity) + WEEK_MIN_GAP_MS) - deps.now();
        if (wait > 0) await sleep(wait);
        if (strip !== s || s.sent >= WEEK_MAX_REQUESTS) return { state: 'gone' };
        const until = s.held[mode] ?? waitOf(await deps.blockedUntil[mode]().catch(() => undefined));
        if (until) {
          s.held[mode] = until;
          return answer(mode, { state: 'held', ...until });
        }
        s.sent++;
        lastSentAt = deps.now();
        const day = await ask(s.q, step.date, mode);
        // The gap counts from the answer too: a query slow to leave must not arrive close behind the last.
        lastSentAt = deps.now();
        if (day.state === 'held') s.held[mode] = day.until !== undefined ? { until: day.until } : {};
        return answer(mode, day);
      });
    },

    close(stripId: string): void {
      if (strip?.id === stripId) strip = undefined;
    },
  };
}

/** A wait the client reports, as a side's hold. */
const waitOf = (until: EpochMs | undefined) => (until !== undefined ? { until } : undefined);

export type WeekService = ReturnType<typeof createWeekService>;

/** Registers the week.* messages. */
export function registerWeekHandlers(svc: WeekService): void {
  on('week.open', (q) => svc.open(q));
  on('week.day', (req) => svc.day(req));
  on('week.close', ({ stripId }) => {
    svc.close(stripId);
    return {};
  });
}
