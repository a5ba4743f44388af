// Runs a site's overlay UI script in the asking tab when its content script asks (the content
// script loads the UI only once the page has results: components/overlay/lazy.ts). Injected into
// the content scripts' isolated world of the sender's top frame, and only into a page of that
// site: a content script of one site cannot make us inject the other's UI, and no page can ask
// (runtime messages come from our own contexts only).
import { browser } from 'wxt/browser';
import { on as onMessage } from '../messages/capture';
import { MessageError } from '../messaging';
import { OVERLAY_HOST, OVERLAY_SCRIPT, type OverlaySite } from '../capture/overlay-scripts';

/** The part of `browser.scripting` used here (a fake in tests). */
export interface ScriptRunner {
  executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
}

function onSitePage(site: OverlaySite, url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.hostname === OVERLAY_HOST[site];
  } catch {
    return false;
  }
}

/** Injects `site`'s overlay script into the sender's tab, after checking the tab is on that site. */
export async function loadOverlayInto(scripting: ScriptRunner, site: OverlaySite, sender: { tabId?: number; url?: string }): Promise<{ ok: true }> {
  if (sender.tabId === undefined || !onSitePage(site, sender.url)) {
    throw new MessageError('bad-sender', { zh: '只在该网站的页面上加载面板', en: "The overlay loads on its own site's pages only" });
  }
  await scripting.executeScript({ target: { tabId: sender.tabId }, files: [OVERLAY_SCRIPT[site]] });
  return { ok: true };
}

export function registerOverlayLoader(scripting: ScriptRunner = browser.scripting as unknown as ScriptRunner): void {
  onMessage('overlay.load', ({ site }, sender) => loadOverlayInto(scripting, site, sender));
}
