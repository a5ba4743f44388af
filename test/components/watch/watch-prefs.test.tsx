// The watches tab's editor for how people travel (classes in order of preference, moved with
// buttons; the day before and after) and a watch whose wanted class shows only 候补: the state
// says so, with the link that joins 12306's waiting list. Against the real watch service.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dispatch } from '../../../lib/messaging';
import { send as sendMessage } from '../../../lib/messages/watch';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { createWatchService, type TrainSource } from '../../../lib/background/watch-service';
import { registerWatchHandlers } from '../../../lib/background/watch-handlers';
import { watchesItem } from '../../../lib/storage';
import type { RouteAnswer } from '../../../lib/watch/scheduler';
import { WatchList, type Send } from '../../../components/watch/WatchList';
import { DATE, none, NOON, train } from '../../lib/watch/support';
import { useTestLanguage } from '../../support/i18n';

const clock = { t: NOON };
let answer: RouteAnswer;
const rail: TrainSource = { queryTrains: async () => answer };
const send: Send = (name, data) => sendMessage(name, data, (m) => dispatch(m));
let root: HTMLElement;

beforeEach(() => {
  useTestLanguage('zh-CN');
  fakeBrowser.reset();
  clock.t = NOON;
  answer = { ok: true, value: { trains: [train('G101', { ze: none, zy: none })], stationNames: {} } };
  const settings = { ...DEFAULT_SETTINGS, watch: { ...DEFAULT_SETTINGS.watch } };
  registerWatchHandlers(createWatchService({ rail, store: watchesItem, now: () => clock.t, rng: () => 0.5, settings: async () => settings, log: () => undefined, sleep: async () => undefined }));
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const create = () => send('watch.create', { date: DATE, from: { telecode: 'BJP', name: '北京' }, to: { telecode: 'SHH', name: '上海' }, trains: ['G101'], classes: ['ze'] });
async function mount() {
  await act(async () => void render(<WatchList send={send} refreshMs={60_000} />, root));
  await vi.waitFor(() => expect(root.querySelectorAll('.ra-w-item')).toHaveLength(1));
}
const item = () => root.querySelector<HTMLElement>('.ra-w-item')!;
const click = (el: Element | null | undefined) => act(async () => void (el as HTMLElement).click());
const byLabel = (label: string) => root.querySelector(`button[aria-label="${label}"]`);

describe('watch preferences', () => {
  it('orders classes with buttons, covers the day before and after, and saves both', async () => {
    await create();
    await mount();
    await click([...item().querySelectorAll('button')].find((b) => b.textContent === '编辑'));
    await click(root.querySelector('input[value=zy]'));
    // 一等座 was ticked last, so it is the last resort until moved up.
    const order = () => [...root.querySelectorAll<HTMLElement>('.ra-w-prefs li')].map((li) => li.dataset.cls);
    expect(order()).toEqual(['ze', 'zy']);
    expect((byLabel('上移 二等座') as HTMLButtonElement).disabled).toBe(true);
    // A real button: reachable with Tab and pressed with Enter or Space.
    const up = byLabel('上移 一等座') as HTMLButtonElement;
    expect(up.tagName).toBe('BUTTON');
    expect(up.tabIndex).toBe(0);
    await click(up);
    expect(order()).toEqual(['zy', 'ze']);
    await click(root.querySelector('input[name=flex]'));
    await act(async () => void root.querySelector('form.ra-w-editor')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await vi.waitFor(() => expect(root.querySelector('form.ra-w-editor')).toBeNull());
    expect((await send('watch.list', {})).watches[0]!.watch).toMatchObject({ classes: ['zy', 'ze'], flexDays: 1 });
    await vi.waitFor(() => expect(item().textContent).toContain('G101 · 一等座 > 二等座 · 含前后一天'));
  });

  it('says 可候补 when a wanted class shows only the waiting list, with the link to join it', async () => {
    answer = { ok: true, value: { trains: [train('G101', { ze: { kind: 'waitlist' }, zy: none })], stationNames: {} } };
    await create();
    await vi.waitFor(async () => expect((await send('watch.list', {})).watches[0]!.status.kind).toBe('waitlist'));
    await mount();
    expect(item().dataset.state).toBe('waitlist');
    expect(item().querySelector('.ra-w-state')!.textContent).toBe('可候补');
    expect(root.querySelector('[data-testid=watch-waitlist]')!.textContent).toContain('G101 二等座 可候补');
    const link = root.querySelector<HTMLAnchorElement>('[data-testid=watch-waitlist-link]')!;
    expect(link.textContent).toBe('去 12306 候补');
    expect(decodeURIComponent(link.href)).toBe(`https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=北京,BJP&ts=上海,SHH&date=${DATE}&flag=N,N,Y#railair=G101`);
  });
});
