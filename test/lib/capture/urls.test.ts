import { describe, expect, it } from 'vitest';
import { isTopSearch, jsonpCallbackName, match12306, matchFliggy, siteOfPage } from '../../../lib/capture/urls';

describe('12306 URL filter', () => {
  it.each([
    ['/otn/leftTicket/query?leftTicketDTO.train_date=2026-11-23', 'left-ticket'],
    ['https://kyfw.12306.cn/otn/leftTicket/queryZ?leftTicketDTO.train_date=2019-02-13&purpose_codes=ADULT', 'left-ticket'],
    ['/otn/leftTicket/queryG?a=1', 'left-ticket'],
    ['leftTicket/queryX', 'left-ticket'],
    ['/otn/leftTicket/queryU', 'left-ticket'],
    ['/otn/resources/js/framework/station_name.js?station_version=1.9053', 'station-list'],
    ['https://www.12306.cn/index/script/core/common/station_name_new_v10065.js', 'station-list'],
  ])('copies %s', (url, kind) => {
    expect(match12306(url)).toBe(kind);
  });

  it.each([
    '/otn/leftTicket/queryTicketPrice?train_no=1',
    '/otn/leftTicket/init?linktypeid=dc',
    '/otn/leftTicket/log?x',
    '/otn/czxx/queryByTrainNo?train_no=1',
    '/lcquery/queryG?x',
    '/otn/resources/js/query/queryLeftTicket_end_js.js',
    'https://kyfw.12306.cn/otn/login/conf',
  ])('ignores %s', (url) => {
    expect(match12306(url)).toBeNull();
  });
});

describe('Fliggy URL filter', () => {
  it('copies the search JSONP and TOP router calls', () => {
    expect(matchFliggy('https://sjipiao.fliggy.com/searchow/search.htm?tripType=0&depCity=BJS&callback=jsonp123')).toBe('fliggy-search');
    expect(matchFliggy('https://gw.api.taobao.com/router/rest?method=taobao.trip.jipiao.nsearch.ow.search')).toBe('top-search');
    expect(matchFliggy('https://sjipiao.fliggy.com/flight_search_result.htm?tripType=0')).toBeNull();
    expect(matchFliggy('https://g.alicdn.com/x.js')).toBeNull();
  });
  it('keeps a TOP router call only when it names the flight search', () => {
    expect(isTopSearch('https://gw.api.taobao.com/router/rest', 'method=taobao.trip.jipiao.nsearch.ow.search&x=1')).toBe(true);
    expect(isTopSearch('https://gw.api.taobao.com/router/rest', new URLSearchParams({ method: 'taobao.trip.jipiao.nsearch.ow.search' }))).toBe(true);
    expect(isTopSearch('https://gw.api.taobao.com/router/rest', 'method=taobao.user.get')).toBe(false);
    expect(isTopSearch('https://gw.api.taobao.com/router/rest', null)).toBe(false);
  });
  it('reads a safe JSONP callback name', () => {
    expect(jsonpCallbackName('https://x/searchow/search.htm?a=1&callback=jsonp_17&b=2')).toBe('jsonp_17');
    expect(jsonpCallbackName('https://x/searchow/search.htm?callback=a.b')).toBeUndefined();
    expect(jsonpCallbackName('https://x/searchow/search.htm?a=1')).toBeUndefined();
  });
});

describe('site of a page', () => {
  it('knows the two sites by host only', () => {
    expect(siteOfPage('https://kyfw.12306.cn/otn/leftTicket/init')).toBe('12306');
    expect(siteOfPage('https://sjipiao.fliggy.com/flight_search_result.htm')).toBe('fliggy');
    expect(siteOfPage('https://evil.example/?kyfw.12306.cn')).toBeUndefined();
    expect(siteOfPage(undefined)).toBeUndefined();
  });
});
