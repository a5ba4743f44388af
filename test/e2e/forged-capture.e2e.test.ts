// A page script cannot feed RailAir: captures travel only over the private channel the tap hands
// to the content script before any page script runs (lib/capture/channel.ts). Every way the first
// version accepted (a DOM event of its type, window.postMessage) and every way into the new one
// (offering a port, asking the tap for one) is tried from the page, with a body that would decode.
import { describe, expect, it } from 'vitest';
import { chinaTomorrow, railSearchUrl, replayFetch, type LaunchedBrowser, type Replay, type ReplayRequest } from './harness';
import { useBrowser } from './suite';
import { TAB_ROUTES_PER_MINUTE } from '../../lib/background/tab-quota';
import { addDays } from '../../lib/time';
// The page's cookies and Referer: 12306 (the replay) refuses a query without them.
import { PAGE_QUERY_HEADERS } from '../replay/rail';
import { storedWatches } from './watch-storage';
import { queryAsThePage } from './page-script';
import { shadow } from './shadow';

const date = chinaTomorrow();
const route = { from: ['北京', 'BJP'] as [string, string], to: ['上海', 'SHH'] as [string, string], date };
type WorkerChrome = { chrome: { storage: { local: { get(keys: string[] | null): Promise<Record<string, unknown>> } } } };
interface Stored {
  captureResults?: Array<{ key: string }>;
  captureDiagnostics?: { entries: unknown[] };
}

let replay: Replay;
let browser: LaunchedBrowser;

useBrowser({}, (s) => void ({ replay, browser } = s));

async function stored(): Promise<Stored> {
  const worker = await browser.currentWorker();
  return (await worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.storage.local.get(['captureResults', 'captureDiagnostics']))) as Stored;
}

describe('a page forging captures', () => {
  it('is neither stored nor diagnosed, whichever way it sends them', async () => {
    const page = await browser.page();
    await page.goto(railSearchUrl(route));
    // The page's own search is captured (the real channel works)…
    const realKey = `12306|${date}|BJP|SHH`;
    for (let i = 0; i < 100 && !(await stored()).captureResults?.some((r) => r.key === realKey); i++) await page.waitForTimeout(100);
    const before = await stored();
    expect(before.captureResults?.map((r) => r.key)).toContain(realKey);

    // …then a page script claims another route, with a body that would decode.
    const q = `leftTicketDTO.train_date=${date}&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT`;
    const answer = await replayFetch(replay, 'kyfw.12306.cn', `/otn/leftTicket/queryZ?${q}`, { headers: { ...PAGE_QUERY_HEADERS } });
    expect(answer.status).toBe(200);
    const forgedUrl = `https://kyfw.12306.cn/otn/leftTicket/queryZ?${q.replace('to_station=SHH', 'to_station=XAY')}`;
    const tried = await page.evaluate(
      ({ body, url }) => {
        const detail = `${JSON.stringify({ v: 1, kind: 'left-ticket', url, status: 200, at: Date.now() })}\n${body}`;
        document.dispatchEvent(new CustomEvent('railair:capture:v1', { detail }));
        window.postMessage(detail, '*');
        window.postMessage({ railair: 1, detail }, '*');
        // Offer a port of its own, as the tap does…
        const mine = new MessageChannel();
        const portTaken = !document.dispatchEvent(new MessageEvent('railair:port:v2', { cancelable: true, ports: [mine.port2] }));
        mine.port1.postMessage(detail);
        // …and ask the tap for its port.
        let gotPort = false;
        document.addEventListener('railair:port:v2', (e) => {
          gotPort = (e as MessageEvent).ports.length > 0;
          e.preventDefault();
        });
        document.dispatchEvent(new Event('railair:hello:v2'));
        return { portTaken, gotPort };
      },
      { body: answer.body, url: forgedUrl },
    );
    expect(tried).toEqual({ portTaken: false, gotPort: false });
    await page.waitForTimeout(1500);
    const after = await stored();
    expect(after.captureResults?.map((r) => r.key)).not.toContain(`12306|${date}|BJP|XAY`);
    expect(after.captureResults?.length).toBe(before.captureResults?.length);
    expect(after.captureDiagnostics?.entries.length ?? 0).toBe(before.captureDiagnostics?.entries.length ?? 0);
    await page.close();
  });

  it('cannot set a watch: a page script finds no shadow root of ours, and clicking what it can reach creates nothing', async () => {
    const page = await browser.page();
    await page.goto(railSearchUrl(route));
    const ours = shadow(page);
    await ours.waitFor('#queryLeftTable >>> [data-testid="railair-bell"]', { timeout: 20_000 });
    // From the page's own world: every host of ours is closed, no bell is reachable through any
    // open root, and a script clicks everything it can reach (each host, the cell holding it),
    // both ways a script can.
    const seen = await page.evaluate(() => {
      const bells: HTMLElement[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of Array.from(root.querySelectorAll('*'))) {
          if (el.shadowRoot) walk(el.shadowRoot);
          if (el.getAttribute('data-testid') === 'railair-bell') bells.push(el as HTMLElement);
        }
      };
      walk(document);
      const hosts = Array.from(document.querySelectorAll<HTMLElement>('[data-railair-overlay]'));
      for (const el of [...hosts, ...hosts.map((h) => h.parentElement!)]) {
        el.click();
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
      }
      return {
        kinds: [...new Set(hosts.map((h) => h.getAttribute('data-railair-overlay')))].sort(),
        open: hosts.filter((h) => h.shadowRoot !== null).length,
        bells: bells.length,
      };
    });
    expect(seen.kinds).toEqual(expect.arrayContaining(['12306-bell', 'slot']));
    expect(seen).toMatchObject({ open: 0, bells: 0 });
    // Had a script a bell in hand anyway (the test reaches into the closed root), its synthetic
    // clicks are untrusted and the bell ignores them.
    const forged = await ours.evalAll('#queryLeftTable >>> [data-testid="railair-bell"]', (bells) => {
      for (const b of bells.slice(0, 5)) {
        (b as HTMLElement).click();
        b.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
        b.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      }
      return Math.min(bells.length, 5);
    });
    expect(forged).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    const worker = await browser.currentWorker();
    // No watch item at all (the layout writes one per watch), whatever the clicks did.
    const keys = Object.keys(await worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.storage.local.get(null)));
    expect(keys.filter((k) => k.startsWith('watch:') || k === 'watches')).toEqual([]);
    expect((await worker.evaluate(storedWatches))?.watches ?? []).toHaveLength(0);
    expect(await ours.count('[data-testid="railair-bell-msg"]')).toBe(0);
    await page.close();
  });
});

describe('a page spending the user\u2019s quotas', () => {
  /** Fliggy searches the worker sent (a fetch; the Fliggy page's own are script tags). */
  const liveFlightSearches = () =>
    replay.requests.filter((r: ReplayRequest) => r.host === 'sjipiao.fliggy.com' && r.path === '/searchow/search.htm' && r.headers['sec-fetch-dest'] !== 'script');

  it('cycling pushState through 20 routes, each queried by the page itself, triggers at most the per-tab limit of live queries', async () => {
    const page = await browser.page();
    await page.goto(railSearchUrl(route));
    await page.locator('#queryLeftTable tr[id^="ticket_"]').first().waitFor();
    await shadow(page).waitFor('[data-railair-overlay="12306"] >>> [data-testid="railair-panel"]', { timeout: 20_000 });
    await page.waitForTimeout(1500);
    const first = liveFlightSearches().length;
    const cities: [string, string][] = [['西安', 'XAY'], ['广州', 'GZQ'], ['深圳', 'SZQ'], ['成都', 'CDW'], ['重庆北', 'CUW'], ['杭州', 'HZH'], ['南京', 'NJH'], ['武汉', 'WHN'], ['长沙', 'CSQ'], ['郑州', 'ZZF']];
    const routes = [date, addDays(date, 1)].flatMap((d) => cities.map(([name, code]) => ({ date: d, name, to: code })));
    expect(routes).toHaveLength(20);
    // The page moves its URL to each route and queries 12306 for it itself (its own XHR, which the
    // tap copies as it copies every query of the page's), each answer filed as a capture.
    const answered = await queryAsThePage(page, routes, true);
    expect(answered).toBe(20);
    await page.waitForTimeout(5000);
    // More of the page's searches were filed than the quota allows live queries for (so the quota,
    // not a missing capture, is what holds them; the channel may refuse a flood's later ones)…
    const keys = new Set((await stored()).captureResults?.map((r) => r.key));
    expect(routes.filter((r) => keys.has(`12306|${r.date}|BJP|${r.to}`)).length).toBeGreaterThan(TAB_ROUTES_PER_MINUTE);
    // …and still the worker searched Fliggy for at most the tab's routes a minute, the first included.
    expect(first).toBeGreaterThanOrEqual(1);
    const sent = liveFlightSearches();
    expect(sent.length).toBeLessThanOrEqual(TAB_ROUTES_PER_MINUTE);
    await page.close();
  });
});
