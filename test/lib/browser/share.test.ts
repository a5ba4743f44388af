import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SHARED_BROWSER, shareBrowser } from '../../../lib/browser/share';

const global = globalThis as { [SHARED_BROWSER]?: unknown };

afterEach(() => {
  delete global[SHARED_BROWSER];
  vi.resetModules();
});

describe('the browser object an overlay takes from its content script', () => {
  it('is the content script’s own object', async () => {
    shareBrowser();
    const { browser: shared } = await import('../../../lib/browser/shared');
    expect(shared).toBe(browser);
  });

  it('refuses to start without it rather than fall back to a browser object that answers differently', async () => {
    await expect(import('../../../lib/browser/shared')).rejects.toThrow(/did not share its browser object/);
  });
});
