import { describe, expect, it } from 'vitest';
import { ANCHOR_STATIONS } from '../../../lib/rail/station-plausible';
import { createStationStore, type StoredStations } from '../../../lib/rail/station-store';
import { DAY_MS, chinaInstant } from '../../../lib/time';
import { REPLAY_STATIONS, stationNameJs } from '../../replay/stations';
import { fake12306 } from '../net/fake-sites';

const T0 = chinaInstant('2026-03-04', 600);
const FULL = stationNameJs(REPLAY_STATIONS);
/** A short list a page may still offer: the big cities' main stations under their real telecodes. */
const ANCHORED = REPLAY_STATIONS.filter((st) => ANCHOR_STATIONS[st.name] === st.telecode || st.name === '北京南');
const SMALL = stationNameJs(ANCHORED);

function setup(script: string | null = FULL) {
  const site = fake12306({ stationScript: script });
  const clock = { t: T0 };
  const box: { value: StoredStations | null } = { value: null };
  const storage = { getValue: async () => box.value, setValue: async (v: StoredStations | null | undefined) => void (box.value = structuredClone(v ?? null)) };
  const store = createStationStore({ fetch: site.fetch, now: () => clock.t, storage });
  const fetches = () => site.requests.filter((u) => u.includes('station_name.js'));
  return { site, clock, box, storage, store, fetches };
}

describe('createStationStore', () => {
  it('hands the capture path the list it holds without ever fetching one', async () => {
    const { store, fetches } = setup(SMALL);
    expect(await store.held()).toBeUndefined();
    expect(fetches()).toHaveLength(0);
    expect(await store.offer(SMALL, '1.0')).toBe(true);
    expect((await store.held())?.stations).toHaveLength(ANCHORED.length);
    expect(fetches()).toHaveLength(0);
  });

  it("waits for a first copy already being fetched (the worker's start), without starting one itself", async () => {
    const { store, fetches } = setup(SMALL);
    const first = store.get();
    const held = await store.held();
    expect(held?.stations).toHaveLength(ANCHORED.length);
    await first;
    expect(fetches()).toHaveLength(1);
  });

  it('fetches the list once, keeps it with its time, and serves it for a day without asking again', async () => {
    const { store, box, fetches, clock } = setup();
    const list = await store.get();
    expect(list?.stations.length).toBe(REPLAY_STATIONS.length);
    expect(list?.stations.find((s) => s.telecode === 'VNP')?.name).toBe('北京南');
    expect(box.value).toMatchObject({ fetchedAt: T0, source: 'fetch' });
    clock.t += DAY_MS - 1;
    await store.get();
    expect(fetches()).toHaveLength(1);
  });

  it('refreshes a copy older than a day in the background, serving the old one meanwhile', async () => {
    const { store, site, fetches, clock } = setup(SMALL);
    expect((await store.get())?.stations).toHaveLength(ANCHORED.length);
    site.stationScript = FULL;
    clock.t += DAY_MS;
    expect((await store.get())?.stations).toHaveLength(ANCHORED.length); // old copy, refresh started
    await store.refresh(); // joins the running refresh
    expect(fetches()).toHaveLength(2);
    expect((await store.get())?.stations).toHaveLength(REPLAY_STATIONS.length);
  });

  it('keeps the last good copy when a refresh fails, and does not retry within the hour', async () => {
    const { store, site, fetches, clock, box } = setup(SMALL);
    await store.get();
    site.stationScript = '<html><title>铁路客户服务中心</title></html>';
    clock.t += DAY_MS;
    expect(await store.refresh()).toBe(false);
    expect((await store.get())?.stations).toHaveLength(ANCHORED.length);
    expect(box.value?.lastError).toBeTruthy();
    expect((await store.status()).lastError).toBeTruthy();
    clock.t += 30 * 60_000;
    await store.refresh();
    expect(fetches()).toHaveLength(2);
    site.stationScript = FULL;
    clock.t += 31 * 60_000;
    expect(await store.refresh()).toBe(true);
    expect((await store.status())).toMatchObject({ count: REPLAY_STATIONS.length });
    expect(box.value?.lastError).toBeUndefined();
  });

  it('refreshes before the day is out when the search page names another version', async () => {
    const { store, fetches, site, clock } = setup();
    await store.get();
    store.noteVersion('1.9999');
    clock.t += 5 * 60_000;
    expect(await store.refresh()).toBe(true);
    expect(fetches()).toHaveLength(2);
    expect(fetches()[1]).toContain('station_version=1.9999');
    expect((await store.status()).version).toBe('1.9999');
    site.stationScript = FULL;
    expect(await store.refresh()).toBe(false); // same version now: not due
  });

  it('takes a copy offered by a page capture, and refuses one that does not decode', async () => {
    const { store, fetches, box } = setup(null);
    expect(await store.offer(SMALL, '1.9001')).toBe(true);
    expect(box.value).toMatchObject({ version: '1.9001', source: 'page' });
    expect(await store.offer('var station_names = 42;', '1.9002')).toBe(false);
    expect((await store.get())?.stations).toHaveLength(ANCHORED.length);
    expect(fetches()).toHaveLength(0);
  });

  it('starts from the stored copy after a restart, without fetching', async () => {
    const a = setup();
    await a.store.get();
    const b = createStationStore({ fetch: a.site.fetch, now: () => a.clock.t + 1000, storage: a.storage });
    expect((await b.get())?.stations).toHaveLength(REPLAY_STATIONS.length);
    expect(a.fetches()).toHaveLength(1);
  });

  it('with no copy and a failing site, answers undefined and does not hammer', async () => {
    const { store, fetches } = setup(null);
    expect(await store.get()).toBeUndefined();
    expect(await store.get()).toBeUndefined();
    expect(fetches()).toHaveLength(1);
    expect((await store.status()).lastError).toContain('404');
  });

  it('notifies listeners when a new list is kept', async () => {
    const { store } = setup();
    const seen: number[] = [];
    store.onChange((l) => seen.push(l.stations.length));
    await store.get();
    await store.offer(stationNameJs(REPLAY_STATIONS.slice(0, -2)));
    expect(seen).toEqual([REPLAY_STATIONS.length, REPLAY_STATIONS.length - 2]);
  });

  it('keeps its list when a page offers one that does not look like 12306\'s', async () => {
    const { store } = setup();
    await store.get();
    // Far shorter than the list held…
    expect(await store.offer(SMALL, '1.9500')).toBe(false);
    // …or naming 北京 by another station's telecode.
    const forged = REPLAY_STATIONS.map((st) => (st.name === '北京' ? { ...st, telecode: 'SHH' } : st.name === '上海' ? { ...st, telecode: 'BJP' } : st));
    expect(await store.offer(stationNameJs(forged), '1.9501')).toBe(false);
    const held = await store.held();
    expect(held?.stations).toHaveLength(REPLAY_STATIONS.length);
    expect(held?.stations.find((st) => st.name === '北京')?.telecode).toBe('BJP');
    expect((await store.status()).lastError).toBeUndefined();
  });
});
