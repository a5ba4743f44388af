import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { WeekStrip } from '../../../components/popup/WeekStrip';
import { PopupApp } from '../../../components/popup/PopupApp';
import type { WeekApi, WeekQuery } from '../../../components/popup/week-run';
import type { WeekMsgRes } from '../../../lib/messages/week';
import type { ChinaDate } from '../../../lib/model';
import { addDays } from '../../../lib/time';
import type { AirDay, RailDay, WeekDay } from '../../../lib/week/model';
import { domRoot } from '../../support/dom-root';
import { DATE, LAST, NOW, fakeApi } from './fake-api';

const { root, flush, $, $$ } = domRoot();
const DAYS: ChinaDate[] = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays('2026-03-04', i));
const Q: WeekQuery = { date: DATE, from: 'BJP', to: 'SHH', student: false, fromCity: '北京', toCity: '上海' };
const railOk = (cheapest?: number, seatsLeft = true): RailDay => ({ state: 'ok', seatsLeft, trains: 9, ...(cheapest !== undefined ? { cheapest } : {}) });
const airOk = (cheapest: number, taxesIn = true): AirDay => ({ state: 'ok', cheapest, taxesIn, flights: 5 });

/** A worker that knows `known` at once and answers each planned step from `answers`. */
function fakeWeek(known: WeekDay[], answers: Record<string, RailDay | AirDay>, open = false) {
  const steps = DAYS.flatMap((date) => (['rail', 'air'] as const).filter((m) => !known.find((k) => k.date === date)?.[m]).map((mode) => ({ date, mode, at: NOW })));
  const days = DAYS.map((date) => known.find((k) => k.date === date) ?? { date });
  let remembered = open;
  const api: WeekApi & { asked: string[] } = {
    asked: [],
    open: vi.fn(async (): Promise<WeekMsgRes<'week.open'>> => ({ stripId: 's1', days, steps })),
    day: vi.fn(async (req) => {
      api.asked.push(`${req.date} ${req.mode}`);
      const day = answers[`${req.date} ${req.mode}`] ?? { state: 'error' as const };
      return { state: req.mode, day } as WeekMsgRes<'week.day'>;
    }),
    close: vi.fn(),
    now: () => NOW,
    wasOpen: () => remembered,
    rememberOpen: vi.fn((v: boolean) => void (remembered = v)),
  };
  return api;
}

async function mount(api: WeekApi, onPick = vi.fn()) {
  await act(() => render(<WeekStrip api={api} query={Q} onPick={onPick} />, root()));
  await flush();
  return onPick;
}
const toggle = async () => {
  await act(() => $<HTMLButtonElement>('.week-toggle')!.click());
  await flush(8);
};
const cell = (date: string, mode: 'rail' | 'air') => $(`.week-day[data-date="${date}"] [data-testid=week-${mode}]`)!;
const barHeight = (date: string, mode: 'rail' | 'air') => parseFloat($<HTMLElement>(`.week-day[data-date="${date}"] .week-bar.week-${mode}`)!.style.height);

describe('the week strip', () => {
  it('asks nothing until opened; then shows known days at once and fills the rest with prices and bars on one scale', async () => {
    const known: WeekDay[] = [{ date: DATE, rail: railOk(55300), air: airOk(72000) }];
    const answers: Record<string, RailDay | AirDay> = {};
    DAYS.forEach((d, i) => {
      answers[`${d} rail`] = railOk(40000 + i * 1000);
      answers[`${d} air`] = airOk(80000 - i * 1000);
    });
    answers[`${DAYS[3]} rail`] = railOk(undefined, false);
    answers[`${DAYS[4]} air`] = airOk(30000, false);
    const api = fakeWeek(known, answers);
    await mount(api);
    expect(api.open).not.toHaveBeenCalled();
    expect($('.week-toggle')!.getAttribute('aria-expanded')).toBe('false');
    expect($$('.week-day')).toHaveLength(0);

    await toggle();
    expect(api.open).toHaveBeenCalledWith(Q);
    expect(api.rememberOpen).toHaveBeenCalledWith(true);
    expect($$('.week-day').map((b) => b.dataset.date)).toEqual(DAYS);
    // The chosen day came from what the worker knew: never asked.
    expect(api.asked.some((a) => a.startsWith(DATE))).toBe(false);
    expect(api.asked).toHaveLength(12);
    expect(cell(DATE, 'rail').textContent).toBe('¥553');
    expect(cell(DATE, 'air').textContent).toBe('¥720');
    expect($('.week-day[aria-current=date]')!.dataset.date).toBe(DATE);
    expect(cell(DAYS[0]!, 'rail').textContent).toBe('¥400');
    expect(cell(DAYS[3]!, 'rail').textContent).toBe('无票');
    expect(cell(DAYS[4]!, 'air').textContent).toBe('¥300（未含税）');
    // One scale for both modes: the dearest price is the full bar, half of it half as high.
    expect(barHeight(DAYS[0]!, 'air')).toBe(100);
    expect(barHeight(DAYS[0]!, 'rail')).toBe(50);
    expect(barHeight(DAYS[3]!, 'rail')).toBe(0);
    expect($('[data-testid=week-asking]')).toBeNull();
  });

  it('a day is a labelled button; choosing it moves the search there', async () => {
    const api = fakeWeek([], { [`${DAYS[5]} rail`]: railOk(61000), [`${DAYS[5]} air`]: airOk(90000) }, true);
    const onPick = await mount(api);
    await flush(8);
    const day = $<HTMLButtonElement>(`.week-day[data-date="${DAYS[5]}"]`)!;
    expect(day.tagName).toBe('BUTTON');
    expect(day.getAttribute('aria-label')).toBe('3月9日 周一：火车 ¥610；航班 ¥900。搜索这一天');
    await act(() => day.click());
    expect(onPick).toHaveBeenCalledWith(DAYS[5]);
  });

  it('stops the train side when 12306 makes us wait, and says so; flights go on', async () => {
    const answers: Record<string, RailDay | AirDay> = { [`${DAYS[3]} rail`]: { state: 'held', until: NOW + 60_000 } };
    for (const d of DAYS) answers[`${d} air`] = airOk(70000);
    const api = fakeWeek([], answers, true);
    // The chosen day's trains are asked first and held: no other train query follows.
    vi.mocked(api.open).mockImplementation(async () => ({
      stripId: 's1',
      days: DAYS.map((date) => ({ date })),
      steps: [DAYS[3]!, ...DAYS.filter((d) => d !== DAYS[3])].flatMap((date) => [{ date, mode: 'rail' as const, at: NOW }, { date, mode: 'air' as const, at: NOW }]),
    }));
    await mount(api);
    await flush(8);
    expect(api.asked.filter((a) => a.endsWith('rail'))).toEqual([`${DAYS[3]} rail`]);
    expect(api.asked.filter((a) => a.endsWith('air'))).toHaveLength(7);
    expect($('[data-testid=week-rail-held]')!.textContent).toContain('12306');
    expect(DAYS.map((d) => cell(d, 'rail').dataset.state)).toEqual(DAYS.map(() => 'held'));
    expect(cell(DAYS[0]!, 'air').textContent).toBe('¥700');
  });

  it('closing the strip stops the rest: the timer is dropped and the worker told', async () => {
    const api = fakeWeek([], {}, true);
    let release!: () => void;
    vi.mocked(api.open).mockImplementation(async () => ({
      stripId: 's1',
      days: DAYS.map((date) => ({ date })),
      steps: DAYS.map((date, i) => ({ date, mode: 'air' as const, at: NOW + i * 1500 })),
    }));
    vi.mocked(api.day).mockImplementation(
      (req) =>
        new Promise((r) => {
          api.asked.push(req.date);
          release = () => r({ state: 'air', day: airOk(50000) });
        }),
    );
    await mount(api);
    expect(api.asked).toEqual([DAYS[0]]);
    await toggle();
    release();
    // Past the second step's time: still nothing more asked.
    await act(() => new Promise((r) => setTimeout(r, 1700)));
    await flush(8);
    expect(api.close).toHaveBeenCalledWith('s1');
    expect(api.asked).toEqual([DAYS[0]]);
    expect($$('.week-day')).toHaveLength(0);
    expect(api.rememberOpen).toHaveBeenLastCalledWith(false);
  });
});

describe('the popup with its week strip', () => {
  it('moves the search to the day chosen in the strip', async () => {
    const api = fakeApi();
    api.last = LAST;
    const week = fakeWeek([], { [`${DAYS[4]} rail`]: railOk(50000) }, true);
    await act(() => render(<PopupApp api={api} week={week} />, root()));
    await flush();
    await act(() => void $('form.search-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush(8);
    expect(week.open).toHaveBeenCalledWith({ ...Q, date: DATE });
    await act(() => $<HTMLButtonElement>(`.week-day[data-date="${DAYS[4]}"]`)!.click());
    await flush();
    expect(api.rail).toHaveBeenLastCalledWith(expect.objectContaining({ date: DAYS[4] }));
    expect(api.air).toHaveBeenLastCalledWith(expect.objectContaining({ date: DAYS[4] }));
    expect($<HTMLSelectElement>('#date')!.value).toBe(DAYS[4]);
  });
});
