import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotateRows } from '../../../entrypoints/12306.content/rows';
import { OVERLAY_ATTR } from '../../../components/overlay/host';
import { useTestLanguage } from '../../support/i18n';
import { shadowRoots } from '../../support/shadow-roots';
import type { Beat } from '../../../lib/capture/view';

// Annotations are made in idle time (a timeout fallback where there are no idle callbacks).
const wait = () => new Promise((r) => setTimeout(r, 150));

function tbody(trains: Array<{ no: string; code: string; ze: string }>): string {
  return trains
    .map(
      (t) => `<tr id="ticket_${t.no}_01_05" datatran="${t.code}"><td colspan="4"><div class="ticket-info"><a class="number">${t.code}</a></div></td>
      <td id="ZE_${t.no}">${t.ze}</td><td class="no-br"><a class="btn72">预订</a></td></tr>
      <tr id="price_${t.no}_01_05" style="display:none"></tr>`,
    )
    .join('');
}

function page(): Document {
  const d = document.implementation.createHTMLDocument('12306');
  d.body.innerHTML = `<div id="sear-result"></div><div id="t-list"><table><tbody id="queryLeftTable">${tbody([
    { no: '240000G1010D', code: 'G1', ze: '无' },
    { no: '240000G1030D', code: 'G3', ze: '有' },
  ])}</tbody></table></div>`;
  return d;
}

const ROUTE = { date: '2026-11-23', from: { telecode: 'BJP', name: '北京' }, to: { telecode: 'SHH', name: '上海' } };
let stop: (() => void) | undefined;
const rootOf = shadowRoots();
beforeEach(() => void useTestLanguage('zh-CN'));
afterEach(() => stop?.());

const G1_BEAT: Beat = { trainNo: '240000G1010D', code: 'G1', flightNo: 'MU5102', fasterMin: 30, text: { zh: 'MU5102 比二等座快30分钟（08:30 起飞，门到门）', en: 'MU5102 (leaves 08:30): 30m faster than second class, door to door' } };

/** Annotates the page with these notes and the route (bells on sold-out classes), once settled. */
async function annotate(d: Document, beat: Beat): Promise<void> {
  const a = annotateRows(d);
  stop = a.stop;
  a.set({ beats: [beat], route: ROUTE, css: '' });
  await wait();
}

describe('12306 row annotations', () => {
  it('adds a note where a flight beats the train and a bell on sold-out classes, inside shadow hosts only', async () => {
    const d = page();
    const before = d.querySelector('#queryLeftTable')!.textContent;
    await annotate(d, G1_BEAT);
    const notes = d.querySelectorAll(`[${OVERLAY_ATTR}="12306-row"]`);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.closest('tr')?.id).toBe('ticket_240000G1010D_01_05');
    expect(rootOf(notes[0]).textContent).toContain('MU5102 比二等座快30分钟');
    expect(rootOf(notes[0]).textContent).not.toContain('faster');
    const bells = d.querySelectorAll(`[${OVERLAY_ATTR}="12306-bell"]`);
    expect(bells).toHaveLength(1);
    expect(rootOf(bells[0]).querySelector('button')?.getAttribute('aria-label')).toBe('有票提醒：G1 二等座');
    expect(bells[0]?.parentElement?.id).toBe('ZE_240000G1010D');
    // Closed roots: a page script finds nothing to read or click inside.
    expect(notes[0]?.shadowRoot).toBeNull();
    expect(bells[0]?.shadowRoot).toBeNull();
    // The page's own text and rows are unchanged.
    expect(d.querySelector('#queryLeftTable')!.textContent).toBe(before);
    expect(d.querySelectorAll('#queryLeftTable tr')).toHaveLength(4);
  });

  it('notes and bells speak English when the overlay does', async () => {
    useTestLanguage('en');
    const d = page();
    await annotate(d, G1_BEAT);
    const note = rootOf(d.querySelector(`[${OVERLAY_ATTR}="12306-row"]`));
    expect(note.textContent).toBe('✈30m faster✈ MU5102 (leaves 08:30): 30m faster than second class, door to door');
    const bell = rootOf(d.querySelector(`[${OVERLAY_ATTR}="12306-bell"]`)).querySelector('button')!;
    expect(bell.getAttribute('aria-label')).toBe('Watch for seats: G1 Second class');
    expect(bell.getAttribute('title')).toBe('Tell me when seats are back: G1 Second class');
  });

  it('annotates again when the page replaces the tbody with a new query', async () => {
    const d = page();
    await annotate(d, { trainNo: '24000G10100', code: 'G101', flightNo: 'CA1501', cheaperFen: 5000, text: { zh: 'CA1501 比一等座便宜¥50（09:00 起飞，门到门）', en: 'CA1501 (leaves 09:00): ¥50 cheaper than first class, door to door' } });
    expect(d.querySelectorAll(`[${OVERLAY_ATTR}="12306-row"]`)).toHaveLength(0);
    // What the page does on each query: $('#queryLeftTable').replaceWith(html)
    const fresh = d.createElement('tbody');
    fresh.id = 'queryLeftTable';
    fresh.innerHTML = tbody([{ no: '24000G10100', code: 'G101', ze: '候补' }]);
    d.querySelector('#queryLeftTable')!.replaceWith(fresh);
    await wait();
    const notes = d.querySelectorAll(`[${OVERLAY_ATTR}="12306-row"]`);
    expect(notes).toHaveLength(1);
    expect(rootOf(notes[0]).textContent).toContain('CA1501 比一等座便宜¥50');
    expect(d.querySelectorAll(`[${OVERLAY_ATTR}="12306-bell"]`)).toHaveLength(1);
  });

  it('does not re-annotate in a loop on its own writes', async () => {
    const d = page();
    const a = annotateRows(d);
    stop = a.stop;
    a.set({ beats: [], route: ROUTE, css: '' });
    await wait();
    const first = d.querySelector(`[${OVERLAY_ATTR}="12306-bell"]`);
    await wait();
    await wait();
    expect(d.querySelector(`[${OVERLAY_ATTR}="12306-bell"]`)).toBe(first);
  });
});
