// The tab relay, as the 12306 client sees it: when 12306 turns the worker's query away, a search
// tab the user has open may run the same query from the page's origin (its cookies, its Referer)
// and hand the body back. The worker side (finding the tab, messaging it, filing the capture)
// is lib/background/relay.ts; the content script side is entrypoints/12306.content/relay.ts.
import type { EpochMs } from '../model';

/** What the tab's query got back. */
export interface RelayedAnswer {
  status: number;
  /** The URL the answer came from (after redirects). */
  finalUrl: string;
  text: string;
}

/** Asks a search tab to run `url`; undefined when no tab is open or none could. Never throws. */
export type RailRelay = (url: string) => Promise<RelayedAnswer | undefined>;

/** Which way the last answer came: the worker's own query, or a search tab's. */
export type RailPathName = 'worker' | 'tab';
export interface RailPath {
  via: RailPathName;
  at: EpochMs;
}
