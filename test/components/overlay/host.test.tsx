import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { onCapturesChanged, overlayPrefs } from '../../../components/overlay/host';
import { CAPTURES_CHANGED } from '../../../lib/messages/capture';
import { dispatch } from '../../../lib/messaging';
import { on as onMessage } from '../../../lib/messages/capture';

describe('overlay host: messages instead of storage', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('refreshes on the background’s "captures changed" and ignores anything else', async () => {
    const onChange = vi.fn();
    const stop = onCapturesChanged(onChange, fakeBrowser.runtime);
    await fakeBrowser.runtime.onMessage.trigger({ railair: 1, event: 'something-else' }, {});
    await fakeBrowser.runtime.onMessage.trigger({ railair: 1, name: 'overlay.view', data: {} }, {});
    expect(onChange).not.toHaveBeenCalled();
    const replies = await fakeBrowser.runtime.onMessage.trigger(CAPTURES_CHANGED, {});
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(replies).toContainEqual({ ok: true });
    stop();
    await fakeBrowser.runtime.onMessage.trigger(CAPTURES_CHANGED, {});
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('asks the background for its prefs, and falls back to Chinese, expanded when it cannot answer', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: unknown) => dispatch(m)) as never);
    const asked: unknown[] = [];
    const off = onMessage('overlay.prefs', (req) => (asked.push(req), { language: 'en', collapsed: true }));
    expect(await overlayPrefs('fliggy')).toEqual({ language: 'en', collapsed: true });
    expect(asked).toEqual([{ site: 'fliggy' }]);
    off();
    // No handler: the reply is an error, the defaults apply.
    expect(await overlayPrefs('fliggy')).toEqual({ language: 'zh-CN', collapsed: false });
  });
});
