// The worker's side of the tab relay: a refused 12306 query goes to an open search tab, whose
// answer is validated where it enters the worker, filed through the usual capture path, and
// answers the pending query; nothing but a 12306 left-ticket query is ever relayed.
import { describe, expect, it } from 'vitest';
import { createRailRelay, type SearchTab } from '../../../lib/background/relay';
import { dispatch } from '../../../lib/messaging';
import { on } from '../../../lib/messages/relay';
import type { Capture } from '../../../lib/capture/schema';

const URL_Q = 'https://kyfw.12306.cn/otn/leftTicket/queryZ?leftTicketDTO.train_date=2026-03-05&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT';
const TAB: SearchTab = { id: 7, url: 'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc' };
const BODY = '{"status":true,"data":{"result":[],"flag":"1","map":{}}}';

const capture = (over: Partial<Capture> = {}): Capture => ({ v: 1, kind: 'left-ticket', url: URL_Q, status: 200, body: BODY, at: 1, ...over });
const ok = (data: unknown) => ({ ok: true, data });

describe('tab relay (worker side)', () => {
  it('asks the search tab, files its answer as a capture, and returns the body', async () => {
    const sent: Array<{ tabId: number; message: unknown }> = [];
    const filed: Array<{ capture: Capture; tab: SearchTab }> = [];
    const relay = createRailRelay({
      tabs: async () => [TAB],
      sendToTab: async (tabId, message) => (sent.push({ tabId, message }), ok({ ok: true, capture: capture() })),
      submit: async (c, tab) => void filed.push({ capture: c, tab }),
    });
    expect(await relay(URL_Q)).toEqual({ status: 200, finalUrl: URL_Q, text: BODY });
    expect(sent).toEqual([{ tabId: 7, message: { railair: 1, name: 'rail.relay', data: { url: URL_Q } } }]);
    await Promise.resolve();
    expect(filed).toEqual([{ capture: capture(), tab: TAB }]);
  });

  it('with no search tab open, answers nothing (the worker\'s refusal stands)', async () => {
    const relay = createRailRelay({ tabs: async () => [], sendToTab: async () => { throw new Error('not called'); } });
    expect(await relay(URL_Q)).toBeUndefined();
  });

  it('refuses to relay anything but a 12306 left-ticket query', async () => {
    let asked = 0;
    const relay = createRailRelay({ tabs: async () => [TAB], sendToTab: async () => (asked++, ok({ ok: true, capture: capture() })) });
    for (const u of ['https://evil.example/otn/leftTicket/queryZ?leftTicketDTO.train_date=1', 'https://kyfw.12306.cn/otn/passengers/query?x=1', 'http://kyfw.12306.cn/otn/leftTicket/queryZ?leftTicketDTO.train_date=1']) {
      expect(await relay(u)).toBeUndefined();
    }
    expect(asked).toBe(0);
  });

  it('rejects a reply out of protocol or for another URL, and tries the next tab', async () => {
    const replies = [ok({ ok: true, capture: { ...capture(), status: 'x' } }), ok({ ok: true, capture: capture({ url: URL_Q.replace('SHH', 'AOH') }) }), ok({ ok: false, reason: 'timeout' })];
    const relay = createRailRelay({ tabs: async () => [TAB, { ...TAB, id: 8 }, { ...TAB, id: 9 }], maxTabs: 3, sendToTab: async () => replies.shift() });
    expect(await relay(URL_Q)).toBeUndefined();
    expect(replies).toHaveLength(0);
    const second = createRailRelay({
      tabs: async () => [TAB, { ...TAB, id: 8 }],
      sendToTab: async (id) => (id === 7 ? Promise.reject(new Error('Receiving end does not exist')) : ok({ ok: true, capture: capture({ responseUrl: `${URL_Q}&x=1` }) })),
    });
    expect(await second(URL_Q)).toEqual({ status: 200, finalUrl: `${URL_Q}&x=1`, text: BODY });
  });
});

describe('rail.relay message (content script side)', () => {
  it('accepts only a 12306 left-ticket query URL', async () => {
    let ran = 0;
    on('rail.relay', async () => (ran++, { ok: true as const, capture: capture() }));
    const good = (await dispatch({ railair: 1, name: 'rail.relay', data: { url: URL_Q } })) as { ok: boolean };
    expect(good.ok).toBe(true);
    const bad = (await dispatch({ railair: 1, name: 'rail.relay', data: { url: 'https://kyfw.12306.cn/otn/login/conf' } })) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(ran).toBe(1);
  });
});
