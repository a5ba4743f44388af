// Connections (one ticket, changing planes) are listed apart from direct flights, saying where
// they change, in the overlay's table and in the popup's flight list; student trains carry 12306's caveat.
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { domRoot } from '../../support/dom-root';
import { OptionRows } from '../../../components/overlay/OptionRows';
import { FlightList } from '../../../components/popup/FlightList';
import { connectionVia } from '../../../lib/air/connection';
import { baseOption } from '../../../lib/air/fliggy/common';
import type { RowView } from '../../../lib/capture/view';
import type { AirOption } from '../../../lib/model';
import { chinaInstant } from '../../../lib/time';
import { useTestLanguage } from '../../support/i18n';

const DATE = '2026-11-23';
const at = (min: number) => chinaInstant(DATE, min);

function air(no: string, dep: number, legs?: Array<[string, string, string, number, number]>): AirOption {
  const o = baseOption(no, no.slice(0, 2), at(dep), at(dep + 200), { code: 'PEK' }, { code: 'SHA' });
  o.fares.push({ cabinClass: 'economy', price: 50000, taxes: 5000, total: 55000 });
  if (legs) {
    o.transfer = true;
    o.stops = legs.length - 1;
    o.legs = legs.map(([flightNo, from, to, d, a]) => ({ flightNo, from: { code: from, ...(from === 'WUH' ? { name: '武汉天河' } : {}) }, to: { code: to, ...(to === 'WUH' ? { name: '武汉天河' } : {}) }, depart: at(d), arrive: at(a) }));
  }
  return o;
}

const connection = air('MU5101+MU5202', 420, [
  ['MU5101', 'PEK', 'WUH', 420, 545],
  ['MU5202', 'WUH', 'SHA', 600, 700],
]);

function row(o: AirOption, extra: Partial<RowView> = {}): RowView {
  const via = connectionVia(o);
  return {
    id: o.id,
    mode: 'air',
    code: o.flightNo,
    fromName: 'PEK',
    toName: 'SHA',
    depart: o.depart,
    arrive: o.arrive,
    arriveDayOffset: 0,
    durationMin: 200,
    doorToDoorMin: 390,
    price: 55000,
    priceIncludesTaxes: true,
    soldOut: false,
    departed: false,
    reachDoorAt: { hm: '13:00', dayOffset: 0, text: '13:00' },
    tops: [],
    best: [],
    seats: [],
    ...(via ? { via } : {}),
    ...extra,
  };
}

const dom = domRoot();
beforeEach(() => void useTestLanguage('zh-CN'));

describe('connections', () => {
  it('say where they change planes', () => {
    expect(connectionVia(connection)).toEqual({ zh: '经 武汉天河 中转', en: 'via WUH' });
    expect(connectionVia(air('MU5102', 480))).toBeUndefined();
  });

  it('come after the direct flights in the overlay, under their own heading', () => {
    // Given in departure order: the connection leaves first.
    render(<OptionRows rows={[row(connection), row(air('MU5102', 480)), row(air('CA1501', 540))]} mode="air" />, dom.root());
    const lines = Array.from(dom.root().querySelectorAll('tbody tr'), (tr) => tr.getAttribute('data-code') ?? `[${tr.textContent}]`);
    expect(lines).toEqual(['MU5102', 'CA1501', '[中转联程（一张票，中途换乘）]', 'MU5101+MU5202']);
    expect(dom.root().querySelector('[data-testid="railair-via"]')?.textContent?.trim()).toBe('经 武汉天河 中转');
  });

  it('are headed in English in an English overlay', () => {
    useTestLanguage('en');
    render(<OptionRows rows={[row(connection), row(air('MU5102', 480))]} mode="air" />, dom.root());
    const lines = Array.from(dom.root().querySelectorAll('tbody tr'), (tr) => tr.getAttribute('data-code') ?? `[${tr.textContent}]`);
    expect(lines).toEqual(['MU5102', '[Connections (one ticket, changing planes)]', 'MU5101+MU5202']);
    expect(dom.root().querySelector('[data-testid="railair-via"]')?.textContent?.trim()).toBe('via WUH');
    expect(dom.root().textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('are a list of their own in the popup', () => {
    render(<FlightList flights={[connection, air('MU5102', 480)]} lang="zh-CN" marked={new Set()} now={at(0)} qualifies={{}} />, dom.root());
    const lists = dom.root().querySelectorAll('ul.flights');
    expect(lists).toHaveLength(2);
    expect(lists[0]!.textContent).toContain('MU5102');
    expect(lists[0]!.textContent).not.toContain('MU5101');
    expect(lists[1]!.getAttribute('data-testid')).toBe('connections');
    expect(lists[1]!.textContent).toContain('经 武汉天河 中转');
  });
});

describe('student trains in the overlay', () => {
  it('say once, above the table, that student prices are as 12306 confirms', () => {
    const train = (note: string): RowView => ({ ...row(air('MU1', 480)), id: `G1-${note}`, mode: 'rail', code: 'G1', priceNote: { zh: note, en: note } });
    render(<OptionRows rows={[train('二等座，学生票价以 12306 为准')]} mode="rail" />, dom.root());
    expect(dom.root().querySelector('[data-testid="railair-student-note"]')?.textContent).toBe('学生票价以 12306 为准');
    render(<OptionRows rows={[train('二等座')]} mode="rail" />, dom.root());
    expect(dom.root().querySelector('[data-testid="railair-student-note"]')).toBeNull();
  });
});
