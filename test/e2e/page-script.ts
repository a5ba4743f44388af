// What a page script does in these tests, and waiting for the worker: shared by the e2e files on
// quotas and floods.
import type { Page } from 'playwright-core';

/**
 * The page queries 12306 itself for each route (its own XHR, same origin, as its search does),
 * optionally moving its URL there first with history.pushState. Returns how many were answered 200.
 */
export function queryAsThePage(page: Page, routes: { date: string; to: string; name?: string }[], pushState = false): Promise<number> {
  return page.evaluate(
    async ({ list, push }) => {
      let ok = 0;
      for (const r of list) {
        if (push) history.pushState(null, '', `/otn/leftTicket/init?linktypeid=dc&fs=${encodeURIComponent('北京,BJP')}&ts=${encodeURIComponent(`${r.name ?? r.to},${r.to}`)}&date=${r.date}&flag=N,N,Y`);
        ok += await new Promise<number>((done) => {
          const x = new XMLHttpRequest();
          x.open('GET', `/otn/leftTicket/queryZ?leftTicketDTO.train_date=${r.date}&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=${r.to}&purpose_codes=ADULT`);
          x.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
          x.onloadend = () => done(x.status === 200 ? 1 : 0);
          x.send();
        });
      }
      return ok;
    },
    { list: routes, push: pushState },
  );
}

/** Polls `read` until `ok` holds, or fails naming `what` and the last value read. */
export async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 500));
    last = await read();
  }
  return last;
}
