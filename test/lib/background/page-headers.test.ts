// The worker's header rules: while one live request runs, exactly its URL goes out with the
// search page's Referer and without the extension's Origin, and only for the worker's own
// requests to 12306 or Fliggy; the rule is gone as soon as the request settles.
import { describe, expect, it } from 'vitest';
import {
  createDnrPageHeaders,
  FIRST_RULE_ID,
  PAGE_HEADER_PRIORITY,
  pageHeadersFor,
  type DnrRule,
  type SessionRulesApi,
} from '../../../lib/background/page-headers';
import { plainHeaders } from '../../../lib/net/page-headers';

const QUERY = 'https://kyfw.12306.cn/otn/leftTicket/queryZ?leftTicketDTO.train_date=2026-03-05&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT';
const PAGE = 'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC,BJP&ts=%E4%B8%8A%E6%B5%B7,SHH&date=2026-03-05&flag=N,N,Y';
const FLIGGY = 'https://sjipiao.fliggy.com/searchow/search.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=2026-03-05&callback=cb';
const FLIGGY_PAGE = 'https://sjipiao.fliggy.com/homeow/trip_flight_search.htm?depCity=BJS&arrCity=SHA&depDate=2026-03-05&tripType=0';

/** A fake declarativeNetRequest: the session rules as a map, and every call in order. */
function fakeDnr(initial: DnrRule[] = []) {
  const rules = new Map<number, DnrRule>(initial.map((r) => [r.id, r]));
  const calls: Array<{ add?: DnrRule[]; remove?: number[] }> = [];
  const api: SessionRulesApi = {
    async updateSessionRules({ addRules, removeRuleIds }) {
      calls.push({ ...(addRules ? { add: structuredClone(addRules) } : {}), ...(removeRuleIds ? { remove: [...removeRuleIds] } : {}) });
      for (const id of removeRuleIds ?? []) rules.delete(id);
      for (const r of addRules ?? []) {
        if (rules.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
        rules.set(r.id, r);
      }
    },
    async getSessionRules() {
      return [...rules.values()];
    },
  };
  return { api, rules, calls };
}

describe('DNR page headers', () => {
  it('adds one rule for exactly that URL, the worker\'s own requests, Referer set and Origin removed, while the request runs', async () => {
    const dnr = fakeDnr();
    const headers = createDnrPageHeaders({ dnr: dnr.api, initiatorDomain: 'abcdefghijklmnop' });
    let during: DnrRule[] = [];
    const out = await headers.around(QUERY, PAGE, async () => {
      during = [...dnr.rules.values()];
      return 'answer';
    });
    expect(out).toBe('answer');
    expect(during).toHaveLength(1);
    expect(during[0]).toEqual({
      id: during[0]!.id,
      priority: PAGE_HEADER_PRIORITY,
      condition: {
        urlFilter: '|https://kyfw.12306.cn/otn/leftTicket/query*?leftTicketDTO.train_date=2026-03-05&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT|',
        resourceTypes: ['xmlhttprequest', 'other'],
        tabIds: [-1],
        initiatorDomains: ['abcdefghijklmnop'],
        requestMethods: ['get'],
      },
      action: {
        type: 'modifyHeaders',
        requestHeaders: [
          { header: 'referer', operation: 'set', value: PAGE },
          { header: 'origin', operation: 'remove' },
        ],
      },
    });
    expect(during[0]!.priority).toBeGreaterThan(1);
    // Exactly this query, also after 12306 renames the endpoint with a redirect (the Referer is recomputed then).
    // (urlFilter semantics: `|` anchors, `*` any run of characters.)
    const f = during[0]!.condition.urlFilter!;
    const re = new RegExp(`^${f.slice(1, -1).split('*').map((p) => p.replace(/[.?+()[\]\\^$]/g, '\\$&')).join('.*')}$`);
    expect(re.test(QUERY)).toBe(true);
    expect(re.test(QUERY.replace('queryZ', 'queryY'))).toBe(true);
    expect(re.test(QUERY.replace('SHH', 'AOH'))).toBe(false);
    expect(re.test(`${QUERY}&x=1`)).toBe(false);
    expect(re.test(QUERY.replace('leftTicket/queryZ', 'passengers/query'))).toBe(false);
    expect(re.test(QUERY.replace('kyfw.12306.cn', 'evil.example'))).toBe(false);
    // Removed once the request settled.
    expect(dnr.rules.size).toBe(0);
    expect(dnr.calls.at(-1)).toEqual({ remove: [during[0]!.id] });
  });

  it('removes the rule when the request fails too, and passes the failure on', async () => {
    const dnr = fakeDnr();
    const headers = createDnrPageHeaders({ dnr: dnr.api });
    await expect(headers.around(QUERY, PAGE, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(dnr.rules.size).toBe(0);
    expect(dnr.calls.filter((c) => c.add)).toHaveLength(1);
    expect(dnr.calls.filter((c) => c.remove)).toHaveLength(1);
  });

  it('serves Fliggy too, and refuses any other host, plain http, or a Referer from another host (no rule added)', async () => {
    const dnr = fakeDnr();
    const headers = createDnrPageHeaders({ dnr: dnr.api });
    await expect(headers.around(FLIGGY, FLIGGY_PAGE, async () => 1)).resolves.toBe(1);
    expect(dnr.calls[0]?.add?.[0]?.condition.urlFilter).toBe(`|${FLIGGY}|`);
    const before = dnr.calls.length;
    let sent = 0;
    const send = async () => ++sent;
    await expect(headers.around('https://example.com/x', 'https://example.com/', send)).rejects.toThrow(/kyfw\.12306\.cn/);
    await expect(headers.around('http://kyfw.12306.cn/otn/leftTicket/queryZ', PAGE, send)).rejects.toThrow();
    await expect(headers.around(QUERY, 'https://evil.example/', send)).rejects.toThrow();
    await expect(headers.around(QUERY, FLIGGY_PAGE, send)).rejects.toThrow();
    expect(sent).toBe(0);
    expect(dnr.calls.length).toBe(before);
  });

  it('gives concurrent requests distinct rule ids, each removed on its own', async () => {
    const dnr = fakeDnr();
    const headers = createDnrPageHeaders({ dnr: dnr.api });
    const gates: Array<() => void> = [];
    const held = () => new Promise<void>((r) => gates.push(r));
    const a = headers.around(QUERY, PAGE, held);
    const b = headers.around(QUERY.replace('SHH', 'AOH'), PAGE, held);
    await new Promise((r) => setTimeout(r, 0));
    const ids = [...dnr.rules.keys()];
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    gates[0]!();
    await a;
    expect([...dnr.rules.keys()]).toEqual([ids[1]]);
    gates[1]!();
    await b;
    expect(dnr.rules.size).toBe(0);
  });

  it('clears the rules a stopped worker left behind before adding its own', async () => {
    const stale = { id: FIRST_RULE_ID + 1, priority: 100, condition: { urlFilter: '|x|', resourceTypes: [], tabIds: [-1], requestMethods: [] }, action: { type: 'modifyHeaders', requestHeaders: [] } } satisfies DnrRule;
    const dnr = fakeDnr([stale]);
    const headers = createDnrPageHeaders({ dnr: dnr.api });
    await headers.around(QUERY, PAGE, async () => undefined);
    expect(dnr.calls[0]).toEqual({ remove: [FIRST_RULE_ID + 1] });
    expect(dnr.rules.size).toBe(0);
  });

  it('uses an escaped, anchored regexFilter for a URL urlFilter cannot say exactly', async () => {
    const dnr = fakeDnr();
    const headers = createDnrPageHeaders({ dnr: dnr.api });
    const odd = 'https://sjipiao.fliggy.com/searchow/search.htm?a=*^&b=(1)';
    await headers.around(odd, FLIGGY_PAGE, async () => undefined);
    const cond = dnr.calls.find((c) => c.add)!.add![0]!.condition;
    expect(cond.urlFilter).toBeUndefined();
    expect(new RegExp(cond.regexFilter!).test(new URL(odd).href)).toBe(true);
    expect(new RegExp(cond.regexFilter!).test(`${new URL(odd).href}x`)).toBe(false);
  });

  it('picks DNR where the API exists (initiator only in Chrome), and plain headers where it does not', async () => {
    const dnr = fakeDnr();
    const chrome = pageHeadersFor({ declarativeNetRequest: dnr.api, runtime: { id: 'extid', getURL: (p) => `chrome-extension://extid${p}` } });
    await chrome.around(QUERY, PAGE, async () => undefined);
    expect(dnr.calls.find((c) => c.add)!.add![0]!.condition.initiatorDomains).toEqual(['extid']);
    const fx = fakeDnr();
    const firefox = pageHeadersFor({ declarativeNetRequest: fx.api, runtime: { id: 'railair@railair.dev', getURL: (p) => `moz-extension://uuid${p}` } });
    await firefox.around(QUERY, PAGE, async () => undefined);
    const cond = fx.calls.find((c) => c.add)!.add![0]!.condition;
    expect(cond.initiatorDomains).toBeUndefined();
    expect(cond.tabIds).toEqual([-1]);
    expect(pageHeadersFor({ runtime: { id: 'x', getURL: (p) => p } })).toBe(plainHeaders);
  });
});
