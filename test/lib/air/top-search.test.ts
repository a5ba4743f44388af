import { describe, expect, it } from 'vitest';
import { decodeTopSearch } from '../../../lib/air/top-search';
import { parseXml } from '../../../lib/air/xml';
import type { FlightSearchResult } from '../../../lib/model';
import type { DecodeResult } from '../../../lib/result';
import {
  buildTopError,
  buildTopSearchJson,
  buildTopSearchObject,
  buildTopSearchXml,
  type FlightSpec,
  generateFlights,
  specInstants,
} from '../../support/air-bodies';

function value(r: DecodeResult<FlightSearchResult>): FlightSearchResult {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message.en}`);
  return r.value;
}
function error(r: DecodeResult<FlightSearchResult>) {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

// China wall clock written as UTC arithmetic, independent of lib/time and of the machine's zone.
const cn = (y: number, mo: number, d: number, h: number, mi: number) => Date.UTC(y, mo - 1, d, h - 8, mi);

const DAY: FlightSpec[] = [
  { flightNo: 'MU5101', airline: 'MU', dep: 'PEK', arr: 'SHA', depTerm: 'T2', arrTerm: 'T2', depTime: '2026-11-23 07:00', arrTime: '09:15', priceFen: 68000, taxesFen: 9000, cabin: 'R', fullFareFen: 125000 },
  { flightNo: 'CA1501', airline: 'CA', dep: 'PEK', arr: 'SHA', depTerm: 'T3', arrTerm: 'T2', depTime: '2026-11-23 08:00', arrTime: '10:20', priceFen: 92000, taxesFen: 9000 },
  { flightNo: 'HU7605', airline: 'HU', dep: 'PEK', arr: 'PVG', depTerm: 'T2', arrTerm: 'T2', depTime: '2026-11-23 12:30', arrTime: '14:45', priceFen: null, taxesFen: 9000 },
  { flightNo: 'FM9108', airline: 'FM', dep: 'PKX', arr: 'SHA', arrTerm: 'T2', depTime: '2026-11-23 15:10', arrTime: '17:25', priceFen: 75000, taxesFen: 9000, operatedBy: 'MU5108' },
  { flightNo: 'CZ3908', airline: 'CZ', dep: 'PKX', arr: 'PVG', depTime: '2026-11-23 23:30', arrTime: '01:45', priceFen: 54000, taxesFen: 9000 },
];

// The seed's XML sample (public API documentation), verbatim; flight_info_map holds the doc's placeholder.
const SEED_XML = `<trip_jipiao_nsearch_ow_search_response>
    <result>
        <city_info_map>{&quot;SHA&quot;:&quot;上海&quot;,&quot;BJS&quot;:&quot;北京&quot;}</city_info_map>
        <airport_info_map>{&quot;SHA&quot;:&quot;虹桥机场&quot;,&quot;PEK&quot;:&quot;首都机场&quot;,&quot;PVG&quot;:&quot;浦东机场&quot;,&quot;NAY&quot;:&quot;南苑机场&quot;}</airport_info_map>
        <airline_info_map>{&quot;MU&quot;:&quot;东方航空&quot;}</airline_info_map>
        <flight_type_info_map>{&quot;small&quot;:[],&quot;middle&quot;:[&quot;738&quot;],&quot;large&quot;:[&quot;321&quot;,&quot;330&quot;,&quot;332&quot;,&quot;333&quot;,&quot;340&quot;]}</flight_type_info_map>
        <agent_info_map>{&quot;6309&quot;:{&quot;id&quot;:6309,&quot;wangwang&quot;:&quot;tworkb20039&quot;,&quot;rate&quot;:{&quot;flight&quot;:77853874,&quot;sellerId&quot;:2049514023,&quot;score&quot;:0,&quot;feed&quot;:16},&quot;nick&quot;:&quot;tworkb20039&quot;,&quot;normalProdcutScore&quot;:5.3,&quot;name&quot;:&quot;t39兰铃专用&quot;,&quot;supplyType&quot;:2}</agent_info_map>
        <flight_info_map>示例值请看描述</flight_info_map>
        <cabin_info_map>{&quot;MU-R&quot;:{&quot;cabinClass&quot;:2,&quot;cabin&quot;:&quot;R&quot;,&quot;name&quot;:&quot;经济舱&quot;,&quot;airline&quot;:&quot;MU&quot;},&quot;MU-Y&quot;:{&quot;cabinClass&quot;:2,&quot;cabin&quot;:&quot;Y&quot;,&quot;name&quot;:&quot;经济舱&quot;,&quot;airline&quot;:&quot;MU&quot;}}</cabin_info_map>
        <items>
            <at_n_search_item_v_o>
                <agent_id>1426</agent_id>
                <price>1333</price>
                <support_insure_promotion>true</support_insure_promotion>
                <trip_type>1</trip_type>
                <item_type>1</item_type>
                <segments>
                    <at_n_search_segment_v_o>
                        <dep_city>BJS</dep_city>
                        <arr_city>SHA</arr_city>
                        <fare_type>0</fare_type>
                        <price>333</price>
                        <stock_type>1</stock_type>
                        <segment_number>00</segment_number>
                        <cabin>Y</cabin>
                        <cabin_class>0</cabin_class>
                        <cabin_num>A</cabin_num>
                        <invoice_type>1</invoice_type>
                        <basic_cabin_price>100</basic_cabin_price>
                        <ticket_price>1200</ticket_price>
                        <auto_book>true</auto_book>
                        <flag>0</flag>
                        <flight_no>CA1710</flight_no>
                        <activity_id>1001</activity_id>
                        <activity_bonus>20</activity_bonus>
                        <force_insure_price>2000</force_insure_price>
                        <force_insure>true</force_insure>
                    </at_n_search_segment_v_o>
                </segments>
                <basic_cabin_price>113000</basic_cabin_price>
                <ticket_price>10000</ticket_price>
                <is_qijian>true</is_qijian>
                <attributes>{&quot;sit&quot;:true}</attributes>
                <activity_bonus>100</activity_bonus>
                <insure_price>1100</insure_price>
                <force_insure>true</force_insure>
                <force_insure_price>2000</force_insure_price>
            </at_n_search_item_v_o>
        </items>
        <activity_map_json>{&quot;1200&quot;: {&quot;id&quot;: 1200,&quot;type&quot;: 0,&quot;activityDesc&quot;:&quot;\\u5c71\\u822a612\\u5927\\u4fc3\\u75af\\u72c2\\u62a2&quot;,&quot;actIcon&quot;:&quot;http://img01.taobaocdn.com/tfscom/T16da1XsxeXXXXXXXX.png&quot;}}</activity_map_json>
        <insure_promotion_info_map_json>{&quot;insurePrice&quot;:20,&quot;insureAdultPrice&quot;:15,&quot;insureChildPrice&quot;:0,&quot;insure9cPrice&quot;:20}</insure_promotion_info_map_json>
    </result>
</trip_jipiao_nsearch_ow_search_response>`;

// The documentation's flight_info_map example (in its description), entity-encoded as XML carries it.
const DOC_FLIGHT_MAP =
  '{"BJSSHAMU5102":{"depTime":1403178600000,"flightType":"333","depAirportCode":"PEK","fees":5000,"depTerm":"T2","flight":"MU5102","stops":0,"airlineCode":"MU","meals":1,"arrTerm":"T2","arrTime":1403178600000,"carrier":"","arrAirportCode":"SHA","taxes":14000}}';
const enc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

describe('decodeTopSearch: the seed samples', () => {
  it('names flight_info_map when it holds the documentation placeholder instead of JSON', () => {
    const e = error(decodeTopSearch(SEED_XML));
    expect(e.code).toBe('schema');
    expect(e.message.en).toContain('flight_info_map');
  });

  it('reads the sample with the documented flight map; the round-trip item is reported, not dropped', () => {
    const xml = SEED_XML.replace('示例值请看描述', enc(DOC_FLIGHT_MAP.replace('"arrTime":1403178600000', '"arrTime":1403186700000')));
    const r = decodeTopSearch(xml);
    const v = value(r);
    expect(v.airports).toMatchObject({ PEK: '首都机场', SHA: '虹桥机场', NAY: '南苑机场' });
    expect(v.airlines).toEqual({ MU: '东方航空' });
    expect(v.flights).toHaveLength(1);
    const f = v.flights[0]!;
    expect(f).toMatchObject({
      id: 'MU5102@2014-06-19',
      flightNo: 'MU5102',
      airline: 'MU',
      airlineName: '东方航空',
      date: '2014-06-19',
      from: { code: 'PEK', terminal: 'T2', name: '首都机场', city: 'BJS' },
      to: { code: 'SHA', terminal: 'T2', name: '虹桥机场', city: 'SHA' },
      depart: cn(2014, 6, 19, 19, 50),
      arrive: cn(2014, 6, 19, 22, 5),
      durationMin: 135,
      arriveDayOffset: 0,
      aircraft: '333',
      fares: [],
      source: 'top',
    });
    expect(f.lowest).toBeUndefined();
    expect(f.operatedBy).toBeUndefined();
    expect(v.depCity).toBe('BJS');
    expect(v.arrCity).toBe('SHA');
    const skipped = r.ok ? r.issues.filter((i) => i.code === 'skipped') : [];
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ row: 0 });
    expect(skipped[0]!.message).toMatch(/round-trip/);
  });

  it("reports the documentation's own example (arrival equal to departure) instead of inventing a duration", () => {
    const r = decodeTopSearch(SEED_XML.replace('示例值请看描述', enc(DOC_FLIGHT_MAP)));
    const v = value(r);
    expect(v.flights).toHaveLength(0);
    expect(r.ok && r.issues.some((i) => i.field === 'flight_info_map.BJSSHAMU5102.arrTime')).toBe(true);
  });

  it('maps the seed error sample to a rejected error naming sub_code and sub_msg', () => {
    const xml = `<error_response>
    <code>50</code>
    <msg>Remote service error</msg>
    <sub_code>isv.invalid-parameter</sub_code>
    <sub_msg>非法参数</sub_msg>
</error_response>`;
    const e = error(decodeTopSearch(xml));
    expect(e.code).toBe('rejected');
    expect(e.message.en).toContain('isv.invalid-parameter');
    expect(e.message.zh).toContain('非法参数');
  });
});

describe('decodeTopSearch: flights and fares', () => {
  const v = value(decodeTopSearch(buildTopSearchJson(DAY)));

  it('produces one option per flight, in departure order, in China time', () => {
    expect(v.flights.map((f) => f.flightNo)).toEqual(['MU5101', 'CA1501', 'HU7605', 'FM9108', 'CZ3908']);
    expect(v.date).toBe('2026-11-23');
    const mu = v.flights[0]!;
    expect(mu.depart).toBe(cn(2026, 11, 23, 7, 0));
    expect(new Date(mu.depart).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(mu.arrive).toBe(cn(2026, 11, 23, 9, 15));
    expect(mu.durationMin).toBe(135);
    expect(mu.from).toEqual({ code: 'PEK', terminal: 'T2', name: '首都机场', city: 'BJS' });
    expect(mu.to).toEqual({ code: 'SHA', terminal: 'T2', name: '虹桥机场', city: 'SHA' });
  });

  it('keeps prices in fen and adds taxes + fees from flight_info_map', () => {
    const mu = v.flights[0]!;
    expect(mu.fares).toEqual([{ cabinClass: 'economy', cabin: 'R', price: 68000, taxes: 9000, total: 77000, discount: 5.4 }]);
    expect(mu.lowest?.price).toBe(68000);
    expect(v.flights[1]!.lowest).toMatchObject({ price: 92000, total: 101000, cabin: 'Y' });
  });

  it('lists a flight without any item with no fares (sold out)', () => {
    const hu = v.flights[2]!;
    expect(hu.fares).toEqual([]);
    expect(hu.lowest).toBeUndefined();
  });

  it('carries the codeshare carrier', () => {
    expect(v.flights[3]!.operatedBy).toBe('MU5108');
    expect(v.flights[0]!.operatedBy).toBeUndefined();
  });

  it('puts a red-eye landing after midnight on the next day', () => {
    const cz = v.flights[4]!;
    expect(cz.date).toBe('2026-11-23');
    expect(cz.arrive).toBe(cn(2026, 11, 24, 1, 45));
    expect(cz.arriveDayOffset).toBe(1);
    expect(cz.durationMin).toBe(135);
    expect(cz.from.terminal).toBeUndefined();
  });

  it('decodes XML, object maps and unwrapped lists to the same result as JSON', () => {
    expect(value(decodeTopSearch(buildTopSearchXml(DAY)))).toEqual(v);
    expect(value(decodeTopSearch(buildTopSearchJson(DAY, { mapsAsObjects: true })))).toEqual(v);
    expect(value(decodeTopSearch(buildTopSearchJson(DAY, { unwrapLists: true })))).toEqual(v);
  });

  it('reads a single-item XML list (one child element, not an array)', () => {
    const one = value(decodeTopSearch(buildTopSearchXml(DAY.slice(0, 1))));
    expect(one.flights[0]!.lowest?.price).toBe(68000);
  });

  it('collects several fares per flight, cheapest first, same fare from two agents once', () => {
    const specs: FlightSpec[] = [
      { ...DAY[0]!, priceFen: 120000, cabin: 'C', cabinClass: 'business' },
      { ...DAY[0]!, priceFen: 68000, cabin: 'R' },
      { ...DAY[0]!, priceFen: 68000, cabin: 'R' },
      { ...DAY[0]!, priceFen: 250000, cabin: 'F', cabinClass: 'first' },
    ];
    const r = decodeTopSearch(buildTopSearchJson(specs));
    const f = value(r).flights;
    expect(r.ok && r.issues.filter((i) => i.code === 'skipped').map((i) => i.message)).toEqual(['1 fare(s) repeated by other agents merged']);
    expect(f).toHaveLength(1);
    expect(f[0]!.fares.map((x) => [x.cabinClass, x.cabin, x.price])).toEqual([
      ['economy', 'R', 68000],
      ['business', 'C', 120000],
      ['first', 'F', 250000],
    ]);
  });

  it('falls back to cabin_info_map for the cabin class and reads cabin_num seat counts', () => {
    const obj = buildTopSearchObject(DAY.slice(0, 1), { mapsAsObjects: true }) as any;
    const seg = obj.trip_jipiao_nsearch_ow_search_response.result.items.at_n_search_item_v_o[0].segments.at_n_search_segment_v_o[0];
    delete seg.cabin_class;
    seg.cabin_num = '3';
    const fare = value(decodeTopSearch(JSON.stringify(obj))).flights[0]!.fares[0]!;
    expect(fare.cabinClass).toBe('economy');
    expect(fare.seatsLeft).toBe(3);
  });

  it('treats waitlist / request / closed cabin_num states as no seats, never as the lowest fare', () => {
    const obj = buildTopSearchObject([{ ...DAY[0]!, priceFen: 50000, cabin: 'V' }, { ...DAY[0]!, priceFen: 68000, cabin: 'R' }]) as any;
    const segs = obj.trip_jipiao_nsearch_ow_search_response.result.items.at_n_search_item_v_o.map((it: any) => it.segments.at_n_search_segment_v_o[0]);
    const cheap = segs.find((x: any) => x.cabin === 'V');
    cheap.cabin_num = 'L';
    const r = decodeTopSearch(JSON.stringify(obj));
    const flight = value(r).flights[0]!;
    expect(flight.fares.map((x) => [x.cabin, x.seatsLeft])).toEqual([['V', 0], ['R', undefined]]);
    expect(flight.lowest?.price).toBe(68000);
    cheap.cabin_num = 'Z';
    const odd = decodeTopSearch(JSON.stringify(obj));
    expect(odd.ok && odd.issues.some((i) => i.code === 'unknown-field' && i.message.includes('cabin_num Z'))).toBe(true);
  });

  it('decodes a generated 200-flight day exactly', () => {
    const specs = generateFlights(200, 'BJS', 'SHA', '2026-11-23', 7);
    const r = decodeTopSearch(buildTopSearchJson(specs));
    const got = value(r);
    expect(r.ok && r.issues).toEqual([]);
    expect(got.flights).toHaveLength(200);
    const byNo = new Map(got.flights.map((f) => [f.flightNo, f]));
    for (const s of specs) {
      const f = byNo.get(s.flightNo)!;
      const { depart, arrive } = specInstants(s);
      expect(f.depart).toBe(depart);
      expect(f.arrive).toBe(arrive);
      expect(f.lowest?.price).toBe(s.priceFen ?? undefined);
      if (s.priceFen !== null) expect(f.lowest?.total).toBe(s.priceFen + s.taxesFen!);
    }
    expect(got.flights.some((f) => f.arriveDayOffset === 1)).toBe(true);
    expect(got.flights.some((f) => f.fares.length === 0)).toBe(true);
  });
});

describe('decodeTopSearch: itineraries that are not one-way flights', () => {
  it('reports transfer (multi-segment) products as skipped, naming the flights', () => {
    const specs: FlightSpec[] = [
      DAY[0]!,
      { flightNo: 'MU5101/MU2345', airline: 'MU', dep: 'PEK', arr: 'SHA', depTime: '2026-11-23 07:00', arrTime: '13:00', priceFen: 50000, transfer: true },
    ];
    const r = decodeTopSearch(buildTopSearchJson(specs));
    const v = value(r);
    expect(v.flights).toHaveLength(1);
    expect(v.flights[0]!.fares).toHaveLength(1);
    const skipped = r.ok ? r.issues.filter((i) => i.code === 'skipped') : [];
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ row: 1 });
    expect(skipped[0]!.message).toContain('MU5101+MU2345');
  });

  it('reports round-trip products (trip_type 1) as skipped', () => {
    const obj = buildTopSearchObject(DAY.slice(0, 2)) as any;
    obj.trip_jipiao_nsearch_ow_search_response.result.items.at_n_search_item_v_o[1].trip_type = 1;
    const r = decodeTopSearch(JSON.stringify(obj));
    const v = value(r);
    expect(v.flights[1]!.fares).toEqual([]);
    expect(r.ok && r.issues.map((i) => [i.code, i.row])).toEqual([['skipped', 1]]);
  });
});

describe('decodeTopSearch: error_response', () => {
  for (const format of ['json', 'xml'] as const) {
    it(`says the app key is not authorised for USER_AUTH_FAIL (${format})`, () => {
      const e = error(decodeTopSearch(buildTopError('isv.remote-service-error:USER_AUTH_FAIL', 'error:USER_AUTH_FAIL', format)));
      expect(e.code).toBe('rejected');
      expect(e.message.en).toMatch(/app key is not authorised/);
      expect(e.message.en).toContain('isv.remote-service-error:USER_AUTH_FAIL');
      expect(e.message.zh).toContain('未获授权');
    });
  }

  it('explains gateway codes (invalid signature) and keeps unknown sub_codes verbatim', () => {
    const sig = error(decodeTopSearch(buildTopError('', '', 'json', 25, 'Invalid signature')));
    expect(sig.message.en).toMatch(/invalid signature/);
    expect(sig.message.en).toContain('code 25');
    const other = error(decodeTopSearch(buildTopError('isv.flight-not-found', '没有航班', 'xml', 15)));
    expect(other.message.en).toContain('isv.flight-not-found: 没有航班');
    expect(other.message.zh).toContain('没有航班');
  });
});

describe('decodeTopSearch: malformed input never throws', () => {
  const good = buildTopSearchJson(DAY);

  it.each([
    ['empty', 'empty', ''],
    ['whitespace', 'empty', '  \n'],
    ['truncated JSON', 'not-json', good.slice(0, good.length / 2)],
    ['truncated XML', 'not-json', buildTopSearchXml(DAY).slice(0, 400)],
    ['mismatched XML tags', 'not-json', '<a><b>1</a></b>'],
    ['HTML page', 'html-page', '<!DOCTYPE html><html><head><title>淘宝网</title></head><body>登录</body></html>'],
    ['plain text', 'not-json', 'Service Unavailable'],
    ['an array', 'schema', '[1,2,3]'],
    ['unknown object', 'schema', '{"foo":{"bar":1}}'],
    ['flight_info_map not JSON', 'schema', '{"trip_jipiao_nsearch_ow_search_response":{"result":{"flight_info_map":"{oops"}}}'],
  ])('%s → %s', (_name, code, text) => {
    const r = decodeTopSearch(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('names the missing root in a schema error', () => {
    expect(error(decodeTopSearch('{"foo":1}')).message.en).toContain('trip_jipiao_nsearch_ow_search_response.result');
  });

  it('treats a response without result as a search that found nothing, and says so', () => {
    const r = decodeTopSearch('{"trip_jipiao_nsearch_ow_search_response":{"request_id":"x"}}');
    expect(value(r).flights).toEqual([]);
    expect(r.ok && r.issues[0]?.field).toBe('trip_jipiao_nsearch_ow_search_response.result');
  });

  it('reports bad flights, bad prices and unknown flights per entry and keeps the rest', () => {
    const obj = buildTopSearchObject(DAY, { mapsAsObjects: true }) as any;
    const res = obj.trip_jipiao_nsearch_ow_search_response.result;
    res.flight_info_map.BJSSHACA1501.depTime = 'soon'; // wrong type
    delete res.flight_info_map.BJSSHAFM9108.flight; // the key still names it
    delete res.flight_info_map.BJSSHAFM9108.arrAirportCode; // but no arrival airport
    const items = res.items.at_n_search_item_v_o;
    items[0].price = 'abc'; // garbage price on MU5101
    items[3].segments.at_n_search_segment_v_o[0].flight_no = 'ZZ9999'; // CZ3908's item → unknown flight
    const r = decodeTopSearch(JSON.stringify(obj));
    const v = value(r);
    expect(v.flights.map((f) => f.flightNo)).toEqual(['MU5101', 'HU7605', 'CZ3908']);
    expect(v.flights[0]!.fares).toEqual([]);
    expect(v.flights[2]!.fares).toEqual([]);
    const issues = r.ok ? r.issues : [];
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['row-bad-field', 'flight_info_map.BJSSHACA1501.depTime'],
      ['row-bad-field', 'flight_info_map.BJSSHAFM9108.arrAirportCode'],
      ['row-bad-price', 'items[0].price'],
      ['row-bad-field', 'items[1].segments[0].flight_no'], // CA1501's item: its flight was unreadable
      ['row-bad-field', 'items[2].segments[0].flight_no'], // FM9108's item
      ['row-bad-field', 'items[3].segments[0].flight_no'],
    ]);
    expect(issues[5]!.message).toContain('ZZ9999');
  });

  it('reports items that are not a list, and an unknown cabin class', () => {
    const obj = buildTopSearchObject(DAY.slice(0, 1), { mapsAsObjects: true }) as any;
    obj.trip_jipiao_nsearch_ow_search_response.result.items.at_n_search_item_v_o[0].segments.at_n_search_segment_v_o[0].cabin_class = 9;
    const r1 = decodeTopSearch(JSON.stringify(obj));
    expect(value(r1).flights[0]!.fares[0]!.cabinClass).toBe('unknown');
    expect(r1.ok && r1.issues[0]).toMatchObject({ code: 'unknown-field', field: 'items[0].cabin_class' });
    obj.trip_jipiao_nsearch_ow_search_response.result.items = 42;
    const r2 = decodeTopSearch(JSON.stringify(obj));
    expect(value(r2).flights).toHaveLength(1);
    expect(r2.ok && r2.issues[0]).toMatchObject({ code: 'row-bad-field', field: 'items' });
  });
});

describe('parseXml (the reader behind TOP XML)', () => {
  it('decodes entities, numeric references and CDATA, and turns repeated siblings into arrays', () => {
    const x = parseXml(
      '<?xml version="1.0"?><!-- c --><r a="1"><m>{&quot;A&quot;:&#21271;&#x4EAC;}</m><i><v>1</v></i><i><v>2</v></i><i><v>3</v></i><e/><c><![CDATA[a &amp; <b>]]></c></r>',
    );
    expect(x).toEqual({ r: { m: '{"A":北京}', i: [{ v: '1' }, { v: '2' }, { v: '3' }], e: '', c: 'a &amp; <b>' } });
  });
  it.each([
    ['<r><a>1</a>', /unclosed element <r>/],
    ['<r><a>1</b></r>', /does not match/],
    ['<r/><s/>', /more than one root/],
    ['text', /outside the root/],
    ['<r>1</r> trailing', /outside the root/],
  ])('rejects %s', (text, why) => {
    expect(() => parseXml(text)).toThrow(why);
  });
});
