// What the popup needs from the outside world, as one interface: the real one talks to the
// background (entrypoints/popup/api.ts); tests pass a fake.
import type { ComponentType } from 'preact';
import type { AirAnswer, ComparisonView, LastSearch, RailAnswer, Res } from '../../lib/messages/search';
import type { CompareFilters } from '../../lib/compare/types';
import type { Settings } from '../../lib/settings';
import type { WatchOutcome, WatchRequest } from '../common/watch-request';
import type { ReminderMsgRes } from '../../lib/messages/reminder';
import type { ReminderReq } from '../../lib/reminders/model';

export interface StationChoice {
  kind: 'city' | 'station';
  name: string;
  telecode: string;
  city: string;
  stations?: { name: string; telecode: string }[];
}

export interface RailRequest {
  date: string;
  from: string;
  to: string;
  student: boolean;
  fromName?: string;
  toName?: string;
}

/** One search's keys: the trains' route and the flights' cities. */
export interface RecentQuery {
  date: string;
  from: string;
  to: string;
  student: boolean;
  fromCity: string;
  toCity: string;
}

export interface PopupApi {
  stations(q: string): Promise<StationChoice[]>;
  rail(req: RailRequest): Promise<RailAnswer>;
  air(req: { date: string; fromCity: string; toCity: string }): Promise<AirAnswer>;
  /** The comparison of the answers above (computed in the background from its caches), under the popup's filters. */
  compare(req: RailRequest & { fromCity: string; toCity: string; rail: boolean; air: boolean; filters?: CompareFilters }): Promise<ComparisonView | undefined>;
  loadLast(): Promise<LastSearch | null>;
  saveLast(s: LastSearch): Promise<void>;
  settings(): Promise<Settings>;
  now(): number;
  openTab(url: string): void;
  /** Opens the options page (at a section, e.g. "diagnostics"). */
  openOptions(section?: string): void;
  /** Called when a new page capture is stored (so flights can fill in). Returns unsubscribe. */
  onCapture(fn: () => void): () => void;
  /** What the worker last answered for a search (shown at once when the popup opens). */
  recent?: (q: RecentQuery) => Promise<Res<'search.recent'>>;
  /** Called when the worker remembers a new answer (any route). Returns unsubscribe. */
  onRecent?: (fn: () => void) => () => void;
  /** Sets a train watch (a bell on a sold-out class). */
  watch(req: WatchRequest): Promise<WatchOutcome>;
  /** Sets a sale-opening reminder for a day 12306 does not sell yet. */
  remind?: (req: ReminderReq) => Promise<ReminderMsgRes<'reminder.create'>>;
  /** The watches helper's list, when it is built in. */
  loadWatchList?: () => Promise<ComponentType | undefined>;
}
