// Remembers the answers the search service gives (lib/store/recent-answers.ts) by wrapping the
// service: whoever asks — the popup, an overlay's live fallback — the latest good answer per
// search is kept in session storage, and the popup, which watches that item, fills in when one
// for its route arrives. search.recent hands them back. Only good answers are kept: a failure is
// shown live, and what the user saw last stays worth showing, with its age.
import type { EpochMs } from '../model';
import { on as onMessage } from '../messages/search';
import type { SearchService } from './search';
import {
  findRecent,
  parseRecent,
  rememberAir,
  rememberCompare,
  rememberRail,
  type RecentAnswers,
  type RecentQuery,
} from '../store/recent-answers';

export interface RecentStore {
  getValue(): Promise<unknown>;
  setValue(v: RecentAnswers): Promise<void>;
}

export interface RecentAnswersService {
  find(q: RecentQuery): Promise<ReturnType<typeof findRecent>>;
  /** The service with every good answer remembered (same answers, same timing). */
  wrap(svc: SearchService): SearchService;
}

export function createRecentAnswers(store: RecentStore, now: () => EpochMs): RecentAnswersService {
  // Writes one after another: two answers arriving together must not drop one another.
  let queue: Promise<unknown> = Promise.resolve();
  const update = (change: (doc: RecentAnswers) => RecentAnswers) => {
    queue = queue
      .then(async () => store.setValue(change(parseRecent(await store.getValue()))))
      .catch((e: unknown) => console.warn('[RailAir] could not remember an answer', e));
    return queue;
  };

  return {
    async find(q) {
      await queue;
      return findRecent(parseRecent(await store.getValue()), q);
    },
    wrap(svc) {
      return {
        ...svc,
        async searchRail(req) {
          const answer = await svc.searchRail(req);
          if (answer.ok) {
            void update((d) => rememberRail(d, { date: req.date, from: req.from, to: req.to, student: !!req.student, at: now(), answer }));
          }
          return answer;
        },
        async searchAir(req, opts) {
          const answer = await svc.searchAir(req, opts);
          if (answer.ok) void update((d) => rememberAir(d, { date: req.date, fromCity: req.fromCity, toCity: req.toCity, at: now(), answer }));
          return answer;
        },
        async compare(req) {
          const r = await svc.compare(req);
          // Only a comparison of both sides stands for the search; a partial one is redone live.
          if (r.ok && req.rail && req.air) {
            const { date, from, to, fromCity, toCity } = req;
            void update((d) =>
              rememberCompare(d, {
                date, from, to, fromCity, toCity,
                student: !!req.student,
                at: now(),
                ...(req.filters ? { filters: req.filters } : {}),
                comparison: r.comparison,
              }),
            );
          }
          return r;
        },
      };
    },
  };
}

/** search.recent: what was last answered for the popup's search. */
export function registerRecentHandler(recent: RecentAnswersService): void {
  onMessage('search.recent', async (req) => {
    const { rail, air, compare } = await recent.find(req);
    return {
      ...(rail ? { rail: { at: rail.at, answer: rail.answer } } : {}),
      ...(air ? { air: { at: air.at, answer: air.answer } } : {}),
      ...(compare ? { comparison: { at: compare.at, view: compare.comparison, ...(compare.filters ? { filters: compare.filters } : {}) } } : {}),
    };
  });
}
