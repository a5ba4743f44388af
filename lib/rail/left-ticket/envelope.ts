// The outer shapes of a left-ticket answer: BOM and blanks, HTML pages instead of JSON, 12306's
// error envelopes (c_url moved, status false, maintenance), and where the rows are — pipe rows
// in data.result with a telecode → name map, pre-2017 objects in data[], or a bare array.
import type { LeftTicketResult } from '../../model';
import { isObj } from '../../loose';
import { excerpt, fail, type DecodeIssue, type DecodeResult } from '../../result';
import { isChinaDate } from '../../time';
import { decodeObjects, str } from './objects';
import type { LeftTicketContext } from './row';
import { decodeRows } from './rows';

function htmlTitle(text: string): string | undefined {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(text);
  return m ? m[1]!.trim() : undefined;
}

function messagesOf(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join('; ');
  return '';
}

export function decodeEnvelope(text: string, ctx: LeftTicketContext): DecodeResult<LeftTicketResult> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trim();
  if (trimmed === '') return fail('empty', 'left-ticket: empty body', '余票查询：返回内容为空');
  if (ctx.date !== undefined && !isChinaDate(ctx.date)) {
    return fail('bad-input', `left-ticket: bad date ${String(ctx.date)}`, `余票查询：日期无效 ${String(ctx.date)}`);
  }
  const first = trimmed[0];
  if (first === '<' || /^[^{[]{0,1000}<(!doctype\s+html|html)\b/i.test(trimmed)) {
    const title = htmlTitle(trimmed);
    const known = /铁路客户服务中心|error\.html|12306/.test(trimmed) ? 'a 12306 page' : 'an HTML page';
    return fail('html-page', `left-ticket: got ${known}${title ? ` "${title}"` : ''} instead of JSON`, `余票查询：返回的是网页${title ? `「${title}」` : ''}而不是数据`, { sample: excerpt(trimmed) });
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail('not-json', `left-ticket: not JSON (${why})`, '余票查询：返回内容不是 JSON', { sample: excerpt(trimmed) });
  }

  if (Array.isArray(json)) {
    if (json.length > 0 && json.every(isObj)) return decodeObjects(json, ctx);
    return decodePipes(json, {}, ctx);
  }
  if (!isObj(json)) {
    return fail('schema', `left-ticket: expected an object or array, got ${typeof json}`, '余票查询：数据格式无法识别', { sample: excerpt(trimmed) });
  }
  if (typeof json.c_url === 'string' && json.c_url !== '') {
    const endpoint = json.c_url.replace(/^\/?(otn\/)?/, '');
    return fail('endpoint-moved', `left-ticket: 12306 moved the query to ${endpoint}`, `余票查询：12306 的查询地址已改为 ${endpoint}`, { endpoint });
  }
  const msg = messagesOf(json.messages);
  if (json.status === false || json.status === 'false') {
    if (/维护/.test(msg)) return fail('maintenance', `left-ticket: 12306 maintenance: ${msg}`, `余票查询：12306 系统维护中：${msg}`);
    return fail('rejected', `left-ticket: 12306 refused the query${msg ? `: ${msg}` : ''}`, `余票查询：12306 拒绝了查询${msg ? `：${msg}` : ''}`, { sample: excerpt(trimmed) });
  }
  const data = json.data;
  if (Array.isArray(data)) return decodeObjects(data, ctx);
  if (!isObj(data)) {
    if (msg) return fail('rejected', `left-ticket: 12306 says: ${msg}`, `余票查询：12306 提示：${msg}`);
    return fail('schema', 'left-ticket: no data.result in the response', '余票查询：返回数据缺少 data.result', { sample: excerpt(trimmed) });
  }
  if (!Array.isArray(data.result)) {
    return fail('schema', 'left-ticket: data.result is missing or not a list', '余票查询：返回数据缺少 data.result 列表', { sample: excerpt(trimmed) });
  }
  const names: Record<string, string> = {};
  const issues: DecodeIssue[] = [];
  if (isObj(data.map)) {
    for (const [k, v] of Object.entries(data.map)) if (typeof v === 'string') names[k] = v;
  } else if (data.map !== undefined && data.map !== null) {
    issues.push({ code: 'unknown-field', field: 'data.map', message: 'data.map is not a telecode → name object' });
  }
  return decodePipes(data.result, names, ctx, issues);
}

function decodePipes(
  rows: unknown[],
  names: Record<string, string>,
  ctx: LeftTicketContext,
  issues: DecodeIssue[] = [],
): DecodeResult<LeftTicketResult> {
  return decodeRows('pipe', rows, names, ctx, issues, (row, i) => {
    if (typeof row === 'string') return row;
    issues.push({ code: 'row-bad-field', row: i, message: `row ${i}: not a string (${row === null ? 'null' : typeof row})`, sample: excerpt(JSON.stringify(row) ?? '', 60) });
    return undefined;
  });
}
