// A click on a watch alert opens the alert's own link: the day and train it names (a watch over
// neighbouring days may alert for the next day), and only on the watch's own site; any other
// link in a notification id falls back to the watch's search page.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { watchesItem } from '../../../lib/storage';
import { createWatchService } from '../../../lib/background/watch-service';
import { registerWatchHandlers } from '../../../lib/background/watch-handlers';
import { NOTIFICATION_PREFIX } from '../../../lib/background/watch-effects';
import type { RouteAnswer } from '../../../lib/watch/scheduler';
import type { ChinaDate } from '../../../lib/model';
import { count, DATE, none, NOON, train } from '../watch/support';
import { useTestLanguage } from '../../support/i18n';

const NEXT = '2026-11-24' as ChinaDate;
const page = (date: string) => `https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC,BJP&ts=%E4%B8%8A%E6%B5%B7,SHH&date=${date}&flag=N,N,Y`;

beforeEach(() => {
  fakeBrowser.reset();
  useTestLanguage('zh-CN');
});

describe('a click on a watch alert', () => {
  it('opens the next day’s search with the train named, for a watch over neighbouring days', async () => {
    const answers: Record<string, RouteAnswer> = {
      [DATE]: { ok: true, value: { trains: [train('G101', { ze: none })], stationNames: {} } },
      [NEXT]: { ok: true, value: { trains: [train('G101', { ze: count(2) }, { date: NEXT })], stationNames: {} } },
    };
    const rail = { queryTrains: async (q: { date: string }) => answers[q.date] ?? { ok: true as const, value: { trains: [], stationNames: {} } } };
    const settings = { ...DEFAULT_SETTINGS, language: 'zh-CN' as const, watch: { ...DEFAULT_SETTINGS.watch } };
    const svc = createWatchService({ rail, store: watchesItem, now: () => NOON, rng: () => 0.5, settings: async () => settings, log: () => undefined, sleep: async () => undefined });
    registerWatchHandlers(svc);
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    const { id } = await svc.create({ date: DATE, from: { telecode: 'BJP', name: '北京' }, to: { telecode: 'SHH', name: '上海' }, trains: ['G101'], classes: ['ze'], seats: 1, flexDays: 1 });
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1));
    const [nid, n] = Object.entries(await fakeBrowser.notifications.getAll())[0]! as [string, { title: string }];
    expect(n.title).toBe('有票了：11-24 G101 二等座');
    await fakeBrowser.notifications.onClicked.trigger(nid);
    await vi.waitFor(() => expect(tabs).toHaveBeenLastCalledWith({ url: `${page(NEXT)}#railair=G101` }));
    // A link elsewhere is never opened: the watch's own page instead.
    await fakeBrowser.notifications.onClicked.trigger(`${NOTIFICATION_PREFIX}${id}:1:${encodeURIComponent('https://example.com/x')}`);
    await vi.waitFor(() => expect(tabs).toHaveBeenLastCalledWith({ url: page(DATE) }));
  });
});
