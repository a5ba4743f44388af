// The options page's real storage adapter: "clear all data" leaves nothing behind — local and
// session storage empty, the badge blank at once (the worker may be asleep), optional hosts given back.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { optionsApi } from '../../../entrypoints/options/api';

describe('options api: clear all data', () => {
  beforeEach(() => fakeBrowser.reset());

  it('empties local and session storage, blanks the badge and gives back the optional hosts', async () => {
    await fakeBrowser.storage.local.set({ watches: { v: 2, watches: [{ id: 'w1' }] }, settings: { language: 'en' } });
    await fakeBrowser.storage.session.set({ recentAnswers: { rail: [1], air: [], compare: [] } });
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    const removed = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    await optionsApi.clearAll();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(badge).toHaveBeenCalledWith({ text: '' });
    expect(removed.mock.calls[0]![0].origins).toContain('https://gw.api.taobao.com/*');
  });
});
