// Wiring only: services register their listeners here (see DESIGN.md).
import { registerWatchService } from '../lib/background/watch-service';
import { getSearchService, registerSearchService } from '../lib/background/search';
import { registerCaptureService } from '../lib/background/ingest';
import { restrictStorageToTrustedContexts } from '../lib/background/storage-access';
export default defineBackground(() => {
  // Storage holds the Taobao secret: content scripts get what they need through messages.
  void restrictStorageToTrustedContexts();
  registerCaptureService(); // first: it hands the search service the captured flights
  registerSearchService();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    console.info('[RailAir] installed:', reason);
  });
  // Watches poll through the shared 12306 client (its cache, back-off and endpoint discovery).
  registerWatchService({ rail: getSearchService().rail });
});
