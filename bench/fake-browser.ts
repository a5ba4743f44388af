// The extension APIs for benches that run worker services under Node: WXT's fake browser,
// installed before any module reads `wxt/browser` (import this first).
import { fakeBrowser } from 'wxt/testing/fake-browser';

(globalThis as { chrome?: unknown }).chrome ??= fakeBrowser;
