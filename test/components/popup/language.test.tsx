// The popup in one language at a time: an English UI shows English words only (the search's
// data aside: stations, airports, airlines), a Chinese one no English twin beside its words.
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { RailAnswer } from '../../../lib/messages/search';
import type { RailOption } from '../../../lib/model';
import { useTestLanguage } from '../../support/i18n';
import { DATE, airOk, fakeApi, railOk } from './fake-api';
import { popupDom } from './dom';

const trainsOf = (r: RailAnswer): RailOption[] => (r.ok ? r.trains : []);
const { flush, $, $$, text, mount, searchLast } = popupDom();

describe('PopupApp in one language', () => {
  const CJK = /[\u4e00-\u9fff]/;
  /** What the popup says in words of its own: the text without the search's data (stations, airlines). */
  function uiWords(): string {
    const r = railOk();
    const a = airOk();
    const data = [
      ...(r.ok ? Object.values(r.stationNames) : []),
      ...(a.ok ? a.flights.flatMap((f) => [f.airlineName, f.from.name, f.to.name]) : []),
      '北京',
      '上海',
    ].filter((x): x is string => !!x);
    return data.sort((x, y) => y.length - x.length).reduce((t, name) => t.replaceAll(name, ''), text());
  }
  /** Titles, labels and placeholders (the overlay's bell aside: it speaks its own words). */
  const attrs = () =>
    $$('[aria-label], [title], [placeholder]')
      .filter((e) => !e.closest('.ra'))
      .flatMap((e) => ['aria-label', 'title', 'placeholder'].map((n) => e.getAttribute(n) ?? ''))
      .join(' | ');

  it('speaks English only in an English UI, search form to verdict', async () => {
    useTestLanguage('en');
    const api = fakeApi();
    api.comparison = { date: DATE, options: [], rankings: { cheapest: trainsOf(railOk())[0]!.id, pareto: [] }, verdict: { zh: '坐高铁更划算', en: 'The train wins' }, sources: {}, partial: null };
    await searchLast(api);
    expect($$('[role=tab]').map((b) => b.textContent)).toEqual(['Search', 'Watches']);
    expect($('label[for=from]')!.textContent).toBe('From');
    expect($('button.go')!.textContent).toBe('Search');
    expect($$('.columns h2').map((h) => h.textContent!.replace(/\s*\d+\/\d+$/, ''))).toEqual(['Trains', 'Flights']);
    expect($('[data-testid=verdict-text]')!.textContent).toBe('The train wins');
    expect($('[data-testid=air-source]')!.textContent).toBe('Flights from: Taobao Open Platform · just now');
    expect($<HTMLOptionElement>('#date option')!.textContent).toBe('3-4 Wed (today)');
    expect(uiWords()).not.toMatch(CJK);
    expect(attrs()).not.toMatch(CJK);
    expect($('h1')!.textContent).toBe('RailAir');
  });

  it('speaks Chinese only in a Chinese UI: no English twin beside the words', async () => {
    const api = fakeApi();
    await searchLast(api);
    expect($$('[role=tab]').map((b) => b.textContent)).toEqual(['查询', '提醒']);
    expect($('[data-testid=air-source]')!.textContent).toBe('航班来源：淘宝开放平台 · 刚刚');
    expect($<HTMLOptionElement>('#date option')!.textContent).toBe('3月4日 周三（今天）');
    expect(text()).not.toMatch(/Search|Watches|Trains|Flights|Sort|Retry/);
  });

  it('says the watch list could not be loaded in English too', async () => {
    useTestLanguage('en');
    await mount(fakeApi());
    await act(() => $$('[role=tab]')[1]!.click());
    await flush();
    expect($('[data-testid=watches]')!.textContent).toBe('The watch list could not be loaded.');
  });
});
