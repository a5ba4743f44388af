// The watches tab says when 12306 makes the watches wait, whatever form its refusal took: a 403,
// an HTML page where JSON was expected, or a 302 to its error page (which the worker's fetch sees
// as a failed request). The real client over the fake site that answers as 12306 does.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { createRailClient } from '../../../lib/rail/client';
import { createWatchService } from '../../../lib/background/watch-service';
import { createWatchLayout } from '../../../lib/store/watch-layout';
import { fake12306 } from '../net/fake-sites';
import { countingArea } from '../../support/watch-heavy';
import { DATE, NOON } from '../watch/support';

const clock = { t: NOON };
beforeEach(() => {
  fakeBrowser.reset();
  clock.t = NOON;
});

async function statusAfter(failure: '403' | 'html' | '302') {
  const site = fake12306();
  site.failure = failure;
  const rail = createRailClient({ fetch: site.fetch, now: () => clock.t, backoff: { baseMs: 30_000, maxMs: 600_000 } });
  const svc = createWatchService({ rail, store: createWatchLayout(countingArea()), now: () => clock.t, rng: () => 0.5, settings: async () => DEFAULT_SETTINGS, log: () => undefined, sleep: async () => undefined });
  await svc.create({ date: DATE, from: { telecode: 'BJP', name: '北京' }, to: { telecode: 'SHH', name: '上海' }, trains: ['G1'], classes: ['ze'], seats: 1 });
  await svc.runCycle();
  const list = await svc.list();
  return { status: await svc.status(), watch: list.watches[0]!.status, queries: site.queries().length, rail };
}

describe('watch status after 12306 turns the watches away', () => {
  it.each(['403', 'html', '302'] as const)('after a %s answer: back-off with its end, on the summary and the watch; one query', async (failure) => {
    const { status, watch, queries, rail } = await statusAfter(failure);
    const until = await rail.blockedUntil();
    expect(until).toBeGreaterThan(NOON);
    expect(status.backoff).toMatchObject({ code: failure === '403' ? 'rate-limited' : 'blocked', until });
    expect(watch).toMatchObject({ kind: 'paused-backoff', until });
    expect(queries).toBe(1);
  });
});
