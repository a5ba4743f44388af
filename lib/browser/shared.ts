// `wxt/browser` in the overlays' UI scripts (entrypoints/overlay-*.ts): the very object the site's
// content script shared (./share.ts), since the overlay only ever runs in that script's world,
// after it. Same name and type as wxt/browser's export, so no overlay module knows the difference.
import type { browser as Browser } from 'wxt/browser';

const shared = (globalThis as { [key: symbol]: unknown })[Symbol.for('railair.browser')];
// Without it the overlay could only fall back to a browser object that answers messages
// differently (Chrome's own, without the polyfill's promise replies): fail to start instead;
// the content script reports an overlay that did not start (components/overlay/lazy.ts).
if (!shared) throw new Error('RailAir: the content script did not share its browser object');

export const browser = shared as typeof Browser;
