// Answers the worker's relay request (lib/messages/relay.ts) in a 12306 search tab: the request
// was validated on arrival (only left-ticket query URLs); lib/capture/relay-run.ts runs it from
// the page's origin. Firefox runs a content script's own fetch with the extension's principal;
// `content.fetch` is the page's (its cookies, its Referer).
import { on } from '../../lib/messages/relay';
import { runRelayedQuery } from '../../lib/capture/relay-run';

export function answerRelays(): () => void {
  const page = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  const pageFetch: typeof fetch = page?.fetch ? page.fetch.bind(page) : globalThis.fetch.bind(globalThis);
  return on('rail.relay', ({ url }) => runRelayedQuery(url, { fetch: (u, init) => pageFetch(u, init), now: () => Date.now() }));
}
