// The tab relay in Firefox ESR: when 12306 turns the background's query away and a 12306 search
// tab is open, the tab's content script runs the same query as the page would (Firefox: through
// `content.fetch`, so it carries the page's cookies, Referer and Sec-Fetch-Site), and the Fliggy
// overlay lists the trains it got.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaTomorrow, fliggySearchUrl, launchFirefox, railSearchUrl, startReplay, trainsFor, type LaunchedFirefox, type Replay } from './harness';
import { chooseLanguage } from './language';
import { shadow } from './shadow';

const date = chinaTomorrow();
let replay: Replay;
let ff: LaunchedFirefox;

beforeAll(async () => {
  replay = await startReplay();
  ff = await launchFirefox(replay);
  // Chinese, as these checks read it (language.ts: this Firefox itself speaks only English).
  await chooseLanguage(ff, 'zh-CN');
});
afterAll(async () => {
  await ff?.close();
  await replay?.close();
});

// The panel, in our closed shadow roots (read through BiDi: shadow.ts).
const PANEL = '[data-railair-overlay="fliggy"] >>> [data-testid="railair-panel"]';

describe('tab relay in Firefox', () => {
  it('a search tab answers the query 12306 refused the background, and the Fliggy overlay lists its trains', async () => {
    const tab = await ff.page();
    await tab.goto(railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date }));
    await tab.waitForSelector('#queryLeftTable tr[id^="ticket_"]');
    replay.clearRequests();
    // Only queries from a 12306 page pass from now on: the background's are refused.
    replay.setScenario({ rail: { pageOnly: true } });

    const page = await ff.page();
    await page.goto(fliggySearchUrl({ depCity: 'BJS', arrCity: 'CAN', date }));
    await page.waitForSelector('.J_FlightItem');
    // Polled: the panel settles only after the background's refusal and the tab's answer.
    const rows = async () => (await shadow(page).attrs(`${PANEL} >>> [data-testid="railair-rows"] tbody tr[data-code]`, 'data-code')).map((c) => c ?? '');
    let shown: string[] = [];
    for (let i = 0; i < 60 && (shown = await rows()).length === 0; i++) await new Promise((r) => setTimeout(r, 500));
    expect(await shadow(page).count(`${PANEL}[data-state="ok"]`)).toBe(1);
    const expected = trainsFor({ date, from: 'BJP', to: 'GZQ' });
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((c) => expected.some((t) => t.code === c))).toBe(true);

    const queries = replay.railQueries().filter((r) => r.query['leftTicketDTO.to_station'] === 'GZQ');
    expect(queries[0]!.status).toBe(302);
    const relayed = queries.at(-1)!;
    expect(relayed.status).toBe(200);
    expect(relayed.headers['sec-fetch-site']).toBe('same-origin');
    expect(relayed.headers.referer).toBe(tab.url());
    expect(relayed.headers.cookie).toMatch(/JSESSIONID=/);
    await page.close();
    await tab.close();
  });
});
