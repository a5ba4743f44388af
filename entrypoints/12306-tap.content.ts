// MAIN world, document_start: copies the bodies of 12306's left-ticket queries (whatever the
// endpoint is called today) as the page receives them, and the station list station_name.js
// defines; hands them to the isolated script (12306.content) over the private channel described in
// lib/capture/channel.ts.
// No extension API is available (or needed) here; the page's behaviour is never changed.
import { portEmitter } from '../lib/capture/channel';
import { installFetchTap, installScriptTap, installXhrTap, readStationNames } from '../lib/capture/tap';
import { match12306 } from '../lib/capture/urls';
import { SEARCH_PAGE_MATCHES } from '../lib/sites/12306-page';

// Firefox is built as MV3 (128+, see wxt.config.ts), which runs `world: 'MAIN'` scripts as Chrome does.
export default defineContentScript({
  matches: SEARCH_PAGE_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  // No global variable of ours in the page.
  globalName: false,
  main() {
    try {
      const emit = portEmitter(document, window);
      installXhrTap(window, { match: match12306, emit });
      installFetchTap(window, { match: match12306, emit });
      // The page loads station_name.js with a <script> tag: read the list it defines.
      installScriptTap(window, document, { match: match12306, emit, read: () => readStationNames(window) });
    } catch {
      // Never let a failure of ours reach the page.
    }
  },
});
