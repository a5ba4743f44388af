// The worker runs an overlay's UI script only in a tab of that overlay's own site.
import { describe, expect, it, vi } from 'vitest';
import { loadOverlayInto, type ScriptRunner } from '../../../lib/background/overlay-loader';

const runner = () => {
  const executeScript = vi.fn<ScriptRunner['executeScript']>(async () => []);
  return { executeScript };
};

describe('overlay loader', () => {
  it("runs the site's own script in the asking tab", async () => {
    const r = runner();
    await expect(loadOverlayInto(r, '12306', { tabId: 7, url: 'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc' })).resolves.toEqual({ ok: true });
    expect(r.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/overlay-12306.js'] });
    await loadOverlayInto(r, 'fliggy', { tabId: 9, url: 'https://sjipiao.fliggy.com/flight_search_result.htm?depCity=BJS' });
    expect(r.executeScript).toHaveBeenLastCalledWith({ target: { tabId: 9 }, files: ['/overlay-fliggy.js'] });
  });

  it('refuses a tab of another site, a look-alike host, plain http, or no tab at all', async () => {
    const r = runner();
    for (const sender of [
      { tabId: 7, url: 'https://sjipiao.fliggy.com/flight_search_result.htm' }, // asks for 12306's UI from Fliggy
      { tabId: 7, url: 'https://kyfw.12306.cn.evil.example/otn/leftTicket/init' },
      { tabId: 7, url: 'http://kyfw.12306.cn/otn/leftTicket/init' },
      { tabId: 7, url: 'not a url' },
      { url: 'https://kyfw.12306.cn/otn/leftTicket/init' },
    ]) {
      await expect(loadOverlayInto(r, '12306', sender)).rejects.toMatchObject({ code: 'bad-sender' });
    }
    expect(r.executeScript).not.toHaveBeenCalled();
  });
});
