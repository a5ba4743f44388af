// The day's timeline: every option (not the first 40), the recommended ones starred, "now" only
// on today and scrolling the rows (not the popup) to the first option still to leave.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { Timeline, type TimelineBar } from '../../../components/timeline/Timeline';
import type { ChinaDate, EpochMs } from '../../../lib/model';
import { chinaInstant } from '../../../lib/time';
import { domRoot } from '../../support/dom-root';
import { useTestLanguage } from '../../support/i18n';

const DATE = '2026-12-01' as ChinaDate;
const at = (h: number, m = 0) => chinaInstant(DATE, h * 60 + m);

/** n options, one every 15 minutes from 06:00, each 2 h long; every 10th recommended. */
function bars(n: number): TimelineBar[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `G${i}@${DATE}`,
    label: `G${i}`,
    mode: i % 3 ? 'rail' : 'air',
    depart: at(6, i * 15),
    arrive: at(8, i * 15),
    recommended: i % 10 === 0,
    departed: false,
  }));
}

describe('Timeline', () => {
  const { root, $, $$ } = domRoot();
  beforeEach(() => void useTestLanguage('zh-CN'));
  const show = (list: TimelineBar[], now: EpochMs) => act(() => render(<Timeline date={DATE} bars={list} now={now} />, root()));

  it('draws every option, each at its time of day', async () => {
    await show(bars(60), at(0) - 86_400_000);
    expect($$('.tl-row')).toHaveLength(60);
    const g4 = $('[data-id="G4@2026-12-01"] .tl-bar:not(.tl-ext)')!;
    // 07:00 → 07:00 + 2 h on a 24 h axis.
    expect(g4.style.left).toBe(`${((7 / 24) * 100).toFixed(2)}%`);
    expect(g4.style.width).toBe(`${((2 / 24) * 100).toFixed(2)}%`);
    expect($('.tl-caption')!.textContent).toContain('60 个选项');
  });

  it('stars the recommended options and says so to screen readers', async () => {
    await show(bars(12), at(0) - 86_400_000);
    expect($$('.tl-rec').map((r) => r.dataset.id)).toEqual(['G0@2026-12-01', 'G10@2026-12-01']);
    expect($('[data-id="G0@2026-12-01"] .tl-star')!.textContent).toBe('★');
    expect($('[data-id="G0@2026-12-01"] .sr-only')!.textContent).toContain('推荐');
    expect($('[data-id="G1@2026-12-01"] .tl-star')).toBeNull();
  });

  it('offers "now" only on today, and it scrolls the rows to the first option still to leave', async () => {
    await show(bars(60), at(0) - 86_400_000);
    expect($('[data-testid=timeline-now]')).toBeNull();
    await show(bars(60), at(12, 5));
    const scroller = $('.tl-scroll')!;
    const target = $<HTMLElement>('[data-id="G25@2026-12-01"]')!; // 06:00 + 25 × 15 min = 12:15
    Object.defineProperty(target, 'offsetTop', { value: 430 });
    await act(() => $<HTMLButtonElement>('[data-testid=timeline-now]')!.click());
    expect(scroller.scrollTop).toBe(430);
    expect(document.activeElement).toBe(target);
  });

  it('speaks one language', async () => {
    useTestLanguage('en');
    await show(bars(3), at(7));
    expect($('[data-testid=timeline]')!.textContent).toMatch(/The day at a glance: 3 options/);
    expect($('[data-testid=timeline]')!.textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
