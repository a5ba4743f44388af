// A search tab runs the worker's refused query from the page's origin: same-origin credentials,
// the page's headers, the answer as a capture; nothing but a 12306 left-ticket query is run.
import { describe, expect, it } from 'vitest';
import { runRelayedQuery } from '../../../lib/capture/relay-run';
import { captureSchema } from '../../../lib/capture/schema';
import * as z from 'zod/mini';

const URL_Q = 'https://kyfw.12306.cn/otn/leftTicket/queryZ?leftTicketDTO.train_date=2026-03-05&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT';

describe('runRelayedQuery', () => {
  it("sends the page's query with the page's cookies and headers and returns a valid capture", async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const out = await runRelayedQuery(URL_Q, {
      fetch: async (url, init) => (seen.push({ url, init }), new Response('{"status":true}', { status: 200 })),
      now: () => 42,
    });
    expect(seen[0]!.url).toBe(URL_Q);
    expect(seen[0]!.init.credentials).toBe('same-origin');
    expect(seen[0]!.init.headers).toEqual({ 'X-Requested-With': 'XMLHttpRequest', Accept: '*/*', 'If-Modified-Since': '0', 'Cache-Control': 'no-cache' });
    expect(out).toEqual({ ok: true, capture: { v: 1, kind: 'left-ticket', url: URL_Q, status: 200, body: '{"status":true}', at: 42 } });
    expect(out.ok && z.safeParse(captureSchema(), out.capture).success).toBe(true);
  });

  it('refuses any other URL without sending it', async () => {
    let sent = 0;
    const out = await runRelayedQuery('https://kyfw.12306.cn/otn/confirmPassenger/getPassengerDTOs', { fetch: async () => (sent++, new Response('')), now: () => 0 });
    expect(out).toEqual({ ok: false, reason: 'not a 12306 left-ticket query URL' });
    expect(sent).toBe(0);
  });

  it('reports a failed request (the cross-origin redirect to error.html) instead of throwing', async () => {
    const out = await runRelayedQuery(URL_Q, { fetch: async () => Promise.reject(new TypeError('Failed to fetch')), now: () => 0 });
    expect(out).toEqual({ ok: false, reason: 'Failed to fetch' });
  });
});
