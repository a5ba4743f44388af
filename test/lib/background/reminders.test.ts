// Sale-opening reminders with a fixed China clock: the opening from the station's own time
// (learnt with one query when unknown), one reminder a few minutes before, a seat watch at the
// opening, and nothing twice.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { registerReminderHandlers } from '../../../lib/background/reminder-handlers';
import { REMINDER_NOTIFICATION_PREFIX } from '../../../lib/background/reminders';
import { createReminderService } from '../../../lib/background/reminders';
import type { ChinaDate, EpochMs } from '../../../lib/model';
import type { Reminder, RemindersDoc } from '../../../lib/reminders/model';
import { reminderNotification } from '../../../lib/reminders/notify';
import { chinaInstant } from '../../../lib/time';
import { useTestLanguage } from '../../support/i18n';

const TODAY = '2026-11-26' as ChinaDate;
const FAR = '2026-12-20' as ChinaDate; // on sale from 12-06
const OPENS = chinaInstant('2026-12-06' as ChinaDate, 12 * 60 + 30);
const REQ = { date: FAR, from: { telecode: 'BJP', name: '北京' }, to: { telecode: 'SHH', name: '上海' }, trains: ['G1'], classes: ['ze' as const] };

function setup(opts: { known?: string; learnt?: string | null; watchFails?: number } = {}) {
  let now: EpochMs = chinaInstant(TODAY, 10 * 60);
  let doc: RemindersDoc | null = null;
  const times: Record<string, string> = opts.known ? { BJP: opts.known } : {};
  const learnt: unknown[] = [];
  const watches: unknown[] = [];
  const said: [string, 'soon' | 'open'][] = [];
  const wakes: (EpochMs | null)[] = [];
  let fails = opts.watchFails ?? 0;
  const svc = createReminderService({
    store: { getValue: async () => doc, setValue: async (v) => void (doc = structuredClone(v)) },
    now: () => now,
    saleTimes: async () => times,
    learn: async (q) => {
      learnt.push(q);
      if (opts.learnt !== null) times.BJP = opts.learnt ?? '1230';
    },
    createWatch: async (req) => {
      if (fails-- > 0) throw new Error('no watch service yet');
      watches.push(req);
      return { id: 'w1' };
    },
    notify: async (r, kind) => void said.push([r.id, kind]),
    wakeAt: async (at) => void wakes.push(at),
    newId: () => 'r1',
  });
  return { svc, learnt, watches, said, wakes, doc: () => doc, at: (t: EpochMs) => (now = t) };
}

describe('reminder service', () => {
  it('learns the from station\'s opening time with one query for the last day on sale, and wakes 5 minutes before', async () => {
    const s = setup();
    const r = await s.svc.create(REQ);
    expect(r).toEqual({ ok: true, id: 'r1', created: true, opensDay: '2026-12-06', opensAt: OPENS, remindAt: OPENS - 5 * 60_000 });
    expect(s.learnt).toEqual([{ date: '2026-12-10', from: 'BJP', to: 'SHH' }]);
    expect(s.wakes.at(-1)).toBe(OPENS - 5 * 60_000);
    // The same trip again: the same reminder, no second query.
    expect(await s.svc.create(REQ)).toMatchObject({ ok: true, id: 'r1', created: false });
    expect(s.learnt).toHaveLength(1);
  });

  it('refuses a date already on sale without asking 12306 anything', async () => {
    const s = setup();
    const r = await s.svc.create({ ...REQ, date: '2026-12-10' as ChinaDate });
    expect(r.ok === false && r.error.code).toBe('on-sale');
    expect(s.learnt).toEqual([]);
    expect(s.doc()).toBeNull();
  });

  it('speaks once before the opening and becomes a seat watch at it', async () => {
    const s = setup({ known: '1230' });
    await s.svc.create(REQ);
    expect(s.learnt).toEqual([]);
    s.at(OPENS - 5 * 60_000 - 1);
    await s.svc.run();
    expect(s.said).toEqual([]);
    s.at(OPENS - 4 * 60_000);
    await s.svc.run();
    await s.svc.run();
    expect(s.said).toEqual([['r1', 'soon']]);
    expect(s.wakes.at(-1)).toBe(OPENS);
    s.at(OPENS + 1000);
    await s.svc.run();
    expect(s.watches).toEqual([{ date: FAR, from: REQ.from, to: REQ.to, trains: ['G1'], classes: ['ze'], seats: 1 }]);
    expect(s.said).toEqual([['r1', 'soon'], ['r1', 'open']]);
    expect(s.doc()!.reminders[0]).toMatchObject({ state: 'done', watchId: 'w1' });
    expect(s.wakes.at(-1)).toBeNull();
    await s.svc.run();
    expect(s.watches).toHaveLength(1);
    // Gone a day after the opening.
    s.at(OPENS + 86_400_000 + 1);
    await s.svc.run();
    expect(await s.svc.list()).toEqual([]);
  });

  it('a worker asleep through both moments still reminds and converts on waking, and retries a watch that failed', async () => {
    const s = setup({ known: '1230', watchFails: 1 });
    await s.svc.create(REQ);
    s.at(OPENS + 10 * 60_000);
    await s.svc.run();
    expect(s.said).toEqual([['r1', 'soon']]);
    expect(s.watches).toEqual([]);
    expect(s.wakes.at(-1)).toBe(OPENS + 11 * 60_000);
    s.at(OPENS + 11 * 60_000);
    await s.svc.run();
    expect(s.watches).toHaveLength(1);
    expect(s.said).toEqual([['r1', 'soon'], ['r1', 'open']]);
  });

  it('without the station\'s time, speaks before 08:00 China time on the opening day', async () => {
    const s = setup({ learnt: null });
    const r = await s.svc.create(REQ);
    expect(r).toMatchObject({ ok: true, opensDay: '2026-12-06', remindAt: chinaInstant('2026-12-06' as ChinaDate, 8 * 60 - 5) });
    expect(r.ok && 'opensAt' in r).toBe(false);
  });

  it('notifies in the user\'s language with the route, day and trains, and links 12306\'s search', () => {
    const r = { ...REQ, id: 'r1', createdAt: 0, opensDay: '2026-12-06', opensAt: OPENS, state: 'waiting' } as Reminder;
    useTestLanguage('zh-CN');
    const zh = reminderNotification(r, 'soon', OPENS);
    expect(zh.title).toBe('12306 即将开售（12:30）');
    expect(zh.body).toBe('北京 → 上海 · 12/20 · G1：准备购票');
    expect(zh.url).toContain('/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC,BJP');
    useTestLanguage('en');
    const en = reminderNotification({ ...r, trains: [] }, 'open', OPENS);
    expect(en.title).toBe('12306 sale open: now watching for seats');
    expect(en.body).toBe('北京 → 上海 · 12/20 · any train: you will hear the moment seats appear');
  });
});

describe('a click on a reminder\'s notification', () => {
  it('opens 12306\'s search for the trip, rebuilt from the stored reminder (a restarted worker has nothing in memory)', async () => {
    fakeBrowser.reset();
    const s = setup({ known: '1230' });
    await s.svc.create(REQ);
    const opened = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    vi.spyOn(fakeBrowser.notifications, 'clear').mockResolvedValue(true);
    registerReminderHandlers(s.svc);
    await fakeBrowser.notifications.onClicked.trigger(`${REMINDER_NOTIFICATION_PREFIX}r1:soon`);
    await vi.waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(opened.mock.calls[0]![0]).toEqual({ url: expect.stringContaining('fs=%E5%8C%97%E4%BA%AC,BJP&ts=%E4%B8%8A%E6%B5%B7,SHH&date=2026-12-20') });
    // Another extension's notification, or one for a reminder gone: nothing opens.
    await fakeBrowser.notifications.onClicked.trigger(`${REMINDER_NOTIFICATION_PREFIX}gone:open`);
    await fakeBrowser.notifications.onClicked.trigger('other:r1:soon');
    await new Promise((r) => setTimeout(r, 20));
    expect(opened).toHaveBeenCalledTimes(1);
  });
});

describe('the popup\'s reminder request', () => {
  it('is one the worker accepts: every class an "any train" reminder watches', async () => {
    const { REMINDER_CLASSES } = await import('../../../components/popup/SaleReminder');
    const { reminderReqSchema } = await import('../../../lib/reminders/model');
    expect(reminderReqSchema.safeParse({ ...REQ, trains: [], classes: REMINDER_CLASSES }).success).toBe(true);
  });
});
