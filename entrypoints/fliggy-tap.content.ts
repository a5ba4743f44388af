// MAIN world, document_start: reads the flight search data Fliggy's page loads — the
// searchow/search.htm JSONP (a <script>, captured by wrapping its named callback, never fetched
// again) and any Taobao Open Platform flight search over XHR or fetch — and hands it to the
// isolated script (fliggy.content) over the channel described in lib/capture/channel.ts.
import { portEmitter } from '../lib/capture/channel';
import { installFetchTap, installJsonpTap, installXhrTap } from '../lib/capture/tap';
import { matchFliggy } from '../lib/capture/urls';
import { SEARCH_PAGE_MATCHES } from '../lib/sites/fliggy-page';

// Firefox is built as MV3 (128+, see wxt.config.ts), which runs `world: 'MAIN'` scripts as Chrome does.
export default defineContentScript({
  matches: SEARCH_PAGE_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main() {
    try {
      const emit = portEmitter(document, window);
      installJsonpTap(window, document, { match: matchFliggy, emit });
      installXhrTap(window, { match: matchFliggy, emit });
      installFetchTap(window, { match: matchFliggy, emit });
    } catch {
      // Never let a failure of ours reach the page.
    }
  },
});
