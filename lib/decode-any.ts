// Which of the formats we decode a body holds, and decoding it with the right decoder: used by
// `npm run decode` and by anything that holds a body without knowing where it came from.
// Detection looks only at cheap markers (the start of the body and a few distinctive keys);
// the decoder then decides for good, so a wrong guess becomes a typed error, not a wrong answer.
import { decodeFliggySearch } from './air/fliggy-search';
import { decodeTopSearch } from './air/top-search';
import { fail, type DecodeResult } from './result';
import { decodeLeftTicket } from './rail/left-ticket';
import { decodeStationList } from './rail/stations';

export type DetectedFormat = 'left-ticket' | 'station-list' | 'top-search' | 'fliggy-search' | 'unknown';

const JSONP_RE = /^(?:\/\*\*\/\s*)?(?:try\s*\{\s*)?[A-Za-z_$][\w$.]*\s*\(/;

export function detectFormat(text: string): DetectedFormat {
  const t = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  if (t === '') return 'unknown';
  const head = t.slice(0, 4096);
  if (/station_names\s*=/.test(head) || (t[0] === '@' && head.includes('|'))) return 'station-list';
  if (
    head.includes('trip_jipiao_nsearch_ow_search_response') ||
    head.includes('at_n_search_item_v_o') ||
    /^\{\s*"error_response"/.test(t) ||
    /^<\?xml[^>]*>\s*<(trip_jipiao|error_response)/.test(t) ||
    /^<error_response\b/.test(t)
  ) {
    return 'top-search';
  }
  const first = t[0];
  if (first === '{' || first === '[') {
    if (first === '[' && (/^\[\s*"/.test(t) || head.includes('queryLeftNewDTO') || /^\[\s*\]\s*$/.test(t))) return 'left-ticket';
    if (/"(queryLeftNewDTO|c_url|httpstatus|validateMessagesShowId)"/.test(head)) return 'left-ticket';
    if (/"(depCityCode|arrCityCode|aircodeNameMap|airportMap)"/.test(head) || /"flight"\s*:\s*\[/.test(head)) return 'fliggy-search';
    if (/"result"\s*:\s*\[\s*"[^"]*\|/.test(head)) return 'left-ticket';
    return 'unknown';
  }
  if (JSONP_RE.test(t)) return 'fliggy-search';
  if (first === '<' || /<(!doctype\s+html|html)\b/i.test(head)) {
    if (/铁路客户服务中心|12306/.test(head)) return 'left-ticket';
    if (/fliggy|飞猪|alitrip/i.test(head)) return 'fliggy-search';
  }
  return 'unknown';
}

export function decodeAny(text: string): { format: DetectedFormat; result: DecodeResult<unknown> } {
  const format = detectFormat(text);
  switch (format) {
    case 'left-ticket':
      return { format, result: decodeLeftTicket(text) };
    case 'station-list':
      return { format, result: decodeStationList(text) };
    case 'top-search':
      return { format, result: decodeTopSearch(text) };
    case 'fliggy-search':
      return { format, result: decodeFliggySearch(text) };
  }
  if (text.trim() === '') return { format, result: fail('empty', 'empty input', '内容为空') };
  return {
    format,
    result: fail(
      'unknown-format',
      'not a 12306 left-ticket response, station_name.js, a Taobao flight search or Fliggy search data',
      '无法识别的格式：不是 12306 余票、车站列表、淘宝机票搜索或飞猪搜索数据',
    ),
  };
}
