// The worker's side of the tab relay: when 12306 turns the worker's query away, an open 12306
// search tab is asked to run the same query from the page (lib/messages/relay.ts). Its answer
// comes back as a capture — validated with zod where it enters the worker — and takes the usual
// capture path (filed and decoded like any capture the page made), while its body answers the
// worker's pending query (lib/rail/client.ts).
import { browser } from 'wxt/browser';
import type { Capture } from '../capture/schema';
import type { RailRelay } from '../rail/relay';
import { send as sendRelay } from '../messages/relay';
import { isLeftTicketQueryUrl, SEARCH_PAGE_TAB_PATTERN } from '../sites/12306-page';

export interface SearchTab {
  id: number;
  url: string;
}

export interface RailRelayDeps {
  /** The open 12306 search tabs, the one to ask first first. */
  tabs(): Promise<SearchTab[]>;
  /** Delivers one message to a tab's content script and returns its raw reply. */
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
  /** The usual capture path (captures.submit, then the overlays are told). Failures are logged only. */
  submit?(capture: Capture, tab: SearchTab): Promise<unknown>;
  /** At most this many tabs are asked for one query (default 2). */
  maxTabs?: number;
}

export function createRailRelay(deps: RailRelayDeps): RailRelay {
  return async (url) => {
    if (!isLeftTicketQueryUrl(url)) return undefined;
    let tabs: SearchTab[];
    try {
      tabs = await deps.tabs();
    } catch {
      return undefined;
    }
    for (const tab of tabs.slice(0, deps.maxTabs ?? 2)) {
      let reply;
      try {
        reply = await sendRelay('rail.relay', { url }, (m) => deps.sendToTab(tab.id, m));
      } catch (e) {
        // No content script there (a tab still loading, or one opened before the extension).
        console.debug('[RailAir] relay: tab did not answer', tab.id, e);
        continue;
      }
      if (!reply.ok) {
        console.debug('[RailAir] relay: tab could not run the query', reply.reason);
        continue;
      }
      const capture = reply.capture;
      // Only the query asked for, whole: anything else is not an answer to it.
      if (capture.kind !== 'left-ticket' || capture.url !== url || capture.tooLarge || capture.status === 0) continue;
      if (deps.submit) {
        void deps.submit(capture, tab).catch((e: unknown) => console.warn('[RailAir] relayed capture not filed', e));
      }
      return { status: capture.status, finalUrl: capture.responseUrl ?? url, text: capture.body };
    }
    return undefined;
  };
}

/** The open 12306 search tabs, the most recently used first. */
export async function openSearchTabs(): Promise<SearchTab[]> {
  const tabs = await browser.tabs.query({ url: SEARCH_PAGE_TAB_PATTERN });
  return tabs
    .filter((t): t is typeof t & { id: number; url: string } => typeof t.id === 'number' && typeof t.url === 'string')
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
    .map((t) => ({ id: t.id, url: t.url }));
}

/** The relay over the browser's tabs; `submit` files the relayed capture. */
export function browserRailRelay(submit: RailRelayDeps['submit']): RailRelay {
  return createRailRelay({
    tabs: openSearchTabs,
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    ...(submit ? { submit } : {}),
  });
}
