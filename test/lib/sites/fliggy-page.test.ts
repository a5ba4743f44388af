import { describe, expect, it } from 'vitest';
import { findFlightItem, panelAnchor, readFlightRows, readSearchFromUrl, searchPageUrl } from '../../../lib/sites/fliggy-page';

describe('Fliggy page', () => {
  it.each([
    'https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=2026-11-23',
    'https://sjipiao.fliggy.com/homeow/trip_flight_search.htm?tripType=0&depCity=bjs&arrCity=SHA&depDate=2026-11-23&searchBy=1280',
  ])('reads the search from %s', (url) => {
    expect(readSearchFromUrl(url)).toEqual({ date: '2026-11-23', depCity: 'BJS', arrCity: 'SHA' });
  });

  it('ignores what is not a search', () => {
    expect(readSearchFromUrl('https://sjipiao.fliggy.com/?depCity=北京&depDate=2026-13-01')).toEqual({});
  });

  it('builds the search URL Fliggy expects, which reads back the same', () => {
    const url = searchPageUrl({ date: '2026-11-23', depCity: 'BJS', arrCity: 'SHA' });
    expect(url).toBe('https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=2026-11-23');
    expect(readSearchFromUrl(url)).toEqual({ date: '2026-11-23', depCity: 'BJS', arrCity: 'SHA' });
  });

  it('puts the panel before the flight list, or at the top of the page without one', () => {
    const d = document.implementation.createHTMLDocument('t');
    expect(panelAnchor(d)).toEqual({ anchor: d.body, append: 'first' });
    d.body.innerHTML = '<div id="J_FlightListBox"></div>';
    expect(panelAnchor(d)?.append).toBe('before');
  });
});

/** Our own rendered list, in the structure scrapers of the real page rely on (SITES.md). */
const OWN_LIST = `<div id="J_FlightListBox">
<div class="flight-list-item J_FlightItem" data-is-transfer="0"><table><tbody><tr class="flight-item-tr">
  <td class="flight-line"><p class="J_line">东方航空 MU5102</p><p class="J_FlightType">空客333(大)</p></td>
  <td class="flight-time"><p class="flight-time-deptime">08:00</p><p class="s-time">10:15</p></td>
  <td class="flight-port"><p class="port-dep">首都机场T2</p><p class="port-arr">虹桥机场T2</p></td>
  <td class="flight-total-time">2小时15分</td>
  <td class="flight-price"><span class="J_FlightListPrice">¥680</span> <span class="discount">3.5折</span></td>
</tr></tbody></table></div>
<div class="flight-list-item J_FlightItem" style="display:none"><table><tbody><tr class="flight-item-tr">
  <td class="flight-line"><p class="J_line">东方航空 MU5102</p></td></tr></tbody></table></div>
<div class="flight-list-item J_FlightItem" data-is-transfer="1"><table><tbody><tr class="flight-item-tr">
  <td class="flight-line"><p class="J_line">中国国航 CA1831</p></td>
  <td class="flight-time"><p class="flight-time-deptime">23:30</p><p class="s-time">01:40+1</p></td>
  <td class="flight-port"><p class="port-dep">大兴国际机场</p><p class="port-arr">浦东国际机场 T2</p></td>
  <td class="flight-price"><span class="sold-out">售完</span></td>
</tr></tbody></table></div>
</div>`;

describe('Fliggy page: rendered list', () => {
  it('reads each visible flight row as texts, with the search date and cities', () => {
    const d = document.implementation.createHTMLDocument('t');
    d.body.innerHTML = OWN_LIST;
    const rows = readFlightRows(d, { date: '2026-11-23', depCity: 'BJS', arrCity: 'SHA' });
    expect(rows).toEqual([
      {
        date: '2026-11-23',
        flightNo: 'MU5102',
        airlineName: '东方航空',
        aircraft: '空客333(大)',
        depTime: '08:00',
        arrTime: '10:15',
        depAirport: '首都机场T2',
        arrAirport: '虹桥机场T2',
        price: '¥680',
        discount: '3.5折',
        depCity: 'BJS',
        arrCity: 'SHA',
      },
      {
        date: '2026-11-23',
        flightNo: 'CA1831',
        airlineName: '中国国航',
        depTime: '23:30',
        arrTime: '01:40+1',
        depAirport: '大兴国际机场',
        arrAirport: '浦东国际机场 T2',
        price: '售完',
        transfer: true,
        depCity: 'BJS',
        arrCity: 'SHA',
      },
    ]);
    expect(readFlightRows(d, {})).toEqual([]);
  });
});

describe('Fliggy page: the flight a RailAir link names', () => {
  it('finds the visible item showing that flight number, whatever its case', () => {
    const d = document.implementation.createHTMLDocument('t');
    d.body.innerHTML = OWN_LIST;
    const item = findFlightItem(d, 'ca1831');
    expect(item?.textContent).toContain('CA1831');
    expect(item?.matches('.J_FlightItem')).toBe(true);
    expect(findFlightItem(d, 'MU5102')?.textContent).toContain('MU5102');
    expect(findFlightItem(d, 'MU5101')).toBeUndefined();
  });
});
