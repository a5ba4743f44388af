import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  mergeSearch,
  readPageSearch,
  readSearchFromCookies,
  readSearchFromQueryUrl,
  readSearchFromUrl,
  readTrainRows,
  searchPageUrl,
  SELECTORS,
  unescapeCookie,
} from '../../../lib/sites/12306-page';

/** Our own results table, as the 2026 page renders it (ids ticket_<no>_<from>_<to>, aria labels). */
const OWN_RESULTS = `
<div id="sear-result"><p>北京 --&gt; 上海（11月23日）共计2个车次</p></div>
<div id="t-list"><table><thead><tr id="float"><th>车次</th></tr><tbody id="queryLeftTable"></tbody></thead>
<tbody id="queryLeftTable">
<tr id="ticket_240000G1010D_01_05" class="bgc" datatran="G1">
  <td colspan="4"><div class="ticket-info"><div class="train"><div><a class="number" href="javascript:">G1</a></div></div>
  <div class="cdz"><strong class="start-s">北京南</strong><strong class="end-s">上海虹桥</strong></div></div></td>
  <td id="SWZ_240000G1010D" aria-label="G1次列车，商务座票价2318元，余票无">无</td>
  <td id="ZY_240000G1010D" class="t-num">5</td>
  <td id="ZE_240000G1010D" class="yes">有</td>
  <td id="WZ_240000G1010D">候补</td>
  <td id="QT_240000G1010D">--</td>
  <td class="no-br"><a class="btn72" href="javascript:">预订</a></td>
</tr>
<tr datatran="G1" id="price_240000G1010D_01_05" style="display:none;"></tr>
<tr id="ticket_5l000Z28100_01_03" datatran="Z281">
  <td colspan="4"><div class="ticket-info"><div class="train"><div><a class="number">Z281</a></div></div></div></td>
  <td id="RW_5l000Z28100">无</td><td id="YW_5l000Z28100">2</td><td id="YZ_5l000Z28100"> 无 </td>
  <td class="no-br">预订</td>
</tr>
<tr datatran="Z281" id="price_5l000Z28100_01_03" style="display:none;"></tr>
</tbody></table></div>`;

function doc(html: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.body.innerHTML = html;
  return d;
}

describe('12306 page: route readers', () => {
  it('decodes escape()-encoded cookie values', () => {
    expect(unescapeCookie('%u5317%u4EAC%2CBJP')).toBe('北京,BJP');
    expect(unescapeCookie('%u4E0A%u6D77%2CSHH')).toBe('上海,SHH');
    expect(unescapeCookie('100%')).toBe('100%');
  });

  it('reads the saved route from the cookies', () => {
    const cookie =
      'JSESSIONID=ABC; _jc_save_fromStation=%u5317%u4EAC%2CBJP; _jc_save_toStation=%u4E0A%u6D77%2CSHH; _jc_save_fromDate=2026-11-23; _jc_save_wfdc_flag=dc';
    expect(readSearchFromCookies(cookie)).toEqual({
      date: '2026-11-23',
      from: { name: '北京', telecode: 'BJP' },
      to: { name: '上海', telecode: 'SHH' },
    });
    expect(readSearchFromCookies('')).toEqual({});
  });

  it.each([
    'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC,BJP&ts=%E4%B8%8A%E6%B5%B7,SHH&date=2026-11-23&flag=N,N,Y',
    'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=北京,BJP&ts=上海,SHH&date=2026-11-23&flag=N,N,Y',
  ])('reads fs, ts and date from %s', (url) => {
    expect(readSearchFromUrl(url)).toEqual({ date: '2026-11-23', from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } });
  });

  it('ignores impossible dates and codes', () => {
    expect(readSearchFromUrl('https://kyfw.12306.cn/otn/leftTicket/init?fs=北京,bjp&date=2026-02-30')).toEqual({ from: { name: '北京' } });
    expect(readSearchFromUrl('not a url')).toEqual({});
  });

  it('reads what a query actually asked for', () => {
    expect(
      readSearchFromQueryUrl(
        'https://kyfw.12306.cn/otn/leftTicket/queryG?leftTicketDTO.train_date=2026-11-23&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT',
      ),
    ).toEqual({ date: '2026-11-23', from: { telecode: 'BJP' }, to: { telecode: 'SHH' } });
  });

  it('merges sources: earlier wins, later only fills gaps of the same station', () => {
    expect(
      mergeSearch(
        { from: { telecode: 'BJP' }, to: { telecode: 'SHH' } },
        { date: '2026-11-23', from: { name: '北京', telecode: 'BJP' }, to: { name: '杭州', telecode: 'HZH' } },
      ),
    ).toEqual({ date: '2026-11-23', from: { name: '北京', telecode: 'BJP' }, to: { telecode: 'SHH' } });
  });

  it('reads the cookies (a synchronous round trip) only while the form leaves something out', () => {
    const full = doc(`<input id="fromStation" value="VNP"><input id="fromStationText" value="北京南">
      <input id="toStation" value="AOH"><input id="toStationText" value="上海虹桥"><input id="train_date" value="2026-11-24">`);
    let reads = 0;
    const cookie = () => (reads++, '_jc_save_toStation=%u4E0A%u6D77%2CSHH');
    readPageSearch(full, 'https://kyfw.12306.cn/otn/leftTicket/init', cookie);
    expect(reads).toBe(0);
    const partial = doc(`<input id="fromStation" value="VNP"><input id="fromStationText" value="北京南"><input id="train_date" value="2026-11-24">`);
    expect(readPageSearch(partial, 'https://kyfw.12306.cn/otn/leftTicket/init', cookie)).toEqual({
      date: '2026-11-24',
      from: { name: '北京南', telecode: 'VNP' },
      to: { name: '上海', telecode: 'SHH' },
    });
    expect(reads).toBe(1);
  });

  it('prefers the form (the current search) over cookies and the URL', () => {
    const d = doc(`<input id="fromStation" value="VNP"><input id="fromStationText" value="北京南">
      <input id="toStation" value="AOH"><input id="toStationText" value="上海虹桥"><input id="train_date" value="2026-11-24">`);
    const s = readPageSearch(
      d,
      'https://kyfw.12306.cn/otn/leftTicket/init?fs=北京,BJP&ts=上海,SHH&date=2026-11-23',
      '_jc_save_fromStation=%u5317%u4EAC%2CBJP',
    );
    expect(s).toEqual({ date: '2026-11-24', from: { name: '北京南', telecode: 'VNP' }, to: { name: '上海虹桥', telecode: 'AOH' } });
  });

  it('marks a student search and names a station by its telecode when its name is unknown', () => {
    const url = searchPageUrl({ date: '2026-11-23', from: { telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' }, student: true });
    expect(url).toBe('https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=BJP,BJP&ts=%E4%B8%8A%E6%B5%B7,SHH&date=2026-11-23&flag=N,N,N');
    expect(searchPageUrl({ date: '2026-11-23', from: { telecode: 'BJP' }, to: { telecode: 'SHH' } }, 'https://127.0.0.1:8443')).toMatch(/^https:\/\/127\.0\.0\.1:8443\/otn\/leftTicket\/init\?/);
  });

  it('builds the search URL 12306 expects', () => {
    expect(searchPageUrl({ date: '2026-11-23', from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } })).toBe(
      'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC,BJP&ts=%E4%B8%8A%E6%B5%B7,SHH&date=2026-11-23&flag=N,N,Y',
    );
    expect(readSearchFromUrl(searchPageUrl({ date: '2026-11-23', from: { name: '北京', telecode: 'BJP' }, to: { name: '上海', telecode: 'SHH' } })).to).toEqual({
      name: '上海',
      telecode: 'SHH',
    });
  });
});

describe('12306 page: results table', () => {
  it('reads trains, codes and sold-out classes from our own 2026-style table', () => {
    const rows = readTrainRows(doc(OWN_RESULTS));
    expect(rows.map((r) => [r.trainNo, r.code])).toEqual([
      ['240000G1010D', 'G1'],
      ['5l000Z28100', 'Z281'],
    ]);
    expect(rows[0]?.seatCells.map((c) => [c.cls, c.soldOut])).toEqual([
      ['swz', true],
      ['zy', false],
      ['ze', false],
      ['wz', true],
      ['qt', false],
    ]);
    expect(rows[1]?.seatCells.filter((c) => c.soldOut).map((c) => c.cls)).toEqual(['rw', 'yz']);
    expect(rows[0]?.infoCell?.getAttribute('colspan')).toBe('4');
  });

  it('finds the anchors the overlay uses', () => {
    const d = doc(OWN_RESULTS);
    expect(d.querySelector(SELECTORS.resultBar)).not.toBeNull();
    expect(d.querySelector(SELECTORS.resultList)).not.toBeNull();
  });
});

const PAGES = '../shared/fixtures/pages';
/** Parses a saved page without loading any of its resources (a template's content is inert). */
function inert(html: string): DocumentFragment {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content;
}
describe.skipIf(!existsSync(PAGES))('12306 page: saved real pages (corpus)', () => {
  it('reads the 8 trains of the 2019 rendered results, with their sold-out classes', () => {
    const html = readFileSync(`${PAGES}/12306.leftTicket-results-dom.SZQ-XAY.2019-01-30.html`, 'utf8');
    const d = inert(html);
    const rows = readTrainRows(d);
    expect(rows.map((r) => r.code)).toEqual(['K446', 'K1348', 'Z230', 'G818', 'G822', 'K134', 'G826', 'G840']);
    expect(rows.every((r) => /^[0-9a-z]{12}$/i.test(r.trainNo))).toBe(true);
    const k446 = rows[0]!;
    expect(k446.seatCells.find((c) => c.cls === 'yw')).toMatchObject({ text: '无', soldOut: true });
    expect(k446.seatCells.find((c) => c.cls === 'ze')).toMatchObject({ text: '--', soldOut: false });
  });

  it('finds the form, result bar and table of the 2019 init page, and its route', () => {
    const text = readFileSync(`${PAGES}/12306.leftTicket-init.page.anonymous.SZQ-XAY.2019-02.html`, 'utf8');
    const [firstLine, ...rest] = text.split('\n');
    const url = firstLine!.trim();
    expect(readSearchFromUrl(url)).toEqual({ date: '2019-02-13', from: { name: '深圳', telecode: 'SZQ' }, to: { name: '西安', telecode: 'XAY' } });
    const d = inert(rest.join('\n'));
    for (const sel of [SELECTORS.resultBar, SELECTORS.resultList, ...Object.values(SELECTORS.form)]) {
      expect(d.querySelector(sel), sel).not.toBeNull();
    }
    expect(d.querySelectorAll(SELECTORS.resultBody).length).toBe(2);
    expect(readTrainRows(d)).toEqual([]);
  });
});
