// The popup's real connection to the extension: typed messages to the background, storage for
// the last search and settings, and tabs for the buy / Fliggy links.
import type { ComponentType } from 'preact';
import { browser } from 'wxt/browser';
import { send as sendMessage } from '../../lib/messages/search';
import { lastSearchSchema } from '../../lib/messages/search';
import { parseSettings } from '../../lib/settings';
import { captureResultsItem, lastSearchItem, recentAnswersItem, settingsItem } from '../../lib/storage';
import type { PopupApi } from '../../components/popup/api';
import { requestWatch } from '../../components/common/watch-request';
import { send as sendReminder } from '../../lib/messages/reminder';


export const popupApi: PopupApi = {
  stations: async (q) => (await sendMessage('search.stations', { q, limit: 10 })).hits,
  rail: (req) => sendMessage('search.rail', req),
  air: (req) => sendMessage('search.air', req),
  compare: async (req) => {
    const r = await sendMessage('search.compare', req);
    return r.ok ? r.comparison : undefined;
  },
  loadLast: async () => {
    const parsed = lastSearchSchema.safeParse(await lastSearchItem.getValue());
    return parsed.success ? parsed.data : null;
  },
  saveLast: (s) => lastSearchItem.setValue(s),
  settings: async () => parseSettings(await settingsItem.getValue()),
  now: () => Date.now(),
  openTab: (url) => void browser.tabs.create({ url }),
  openOptions: (section) =>
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${section ? `#${section}` : ''}`) }),
  onCapture: (fn) => captureResultsItem.watch(() => fn()),
  recent: (q) => sendMessage('search.recent', q),
  // The worker writes every good answer to session storage: an answer for this route got by an
  // overlay's live query lands here too. The popup asks search.recent for the validated copy.
  onRecent: (fn) => recentAnswersItem.watch(() => fn()),
  watch: (req) => requestWatch(req),
  remind: (req) => sendReminder('reminder.create', req),
  // The watch list is its own chunk: the search tab opens without it.
  loadWatchList: async () => (await import('../../components/watch/WatchList')).WatchList as ComponentType,
};
