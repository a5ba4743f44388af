// The Taobao Open Platform answer around the flights: JSON or XML text → the response object,
// gateway errors (error_response) → typed errors, and the readers of TOP's list and *_map shapes.
import type { DecodeIssue, DecodeResult } from '../../result';
import { excerpt, fail } from '../../result';
import type { FlightSearchResult } from '../../model';
import type { Bilingual } from '../../i18n';
import { isObj, present, str, type Obj } from '../../loose';
import { parseXml, XmlError } from '../xml';

export const NAME = 'TOP flight search';
export const ROOT = 'trip_jipiao_nsearch_ow_search_response';


/**
 * TOP wraps lists as `{ at_n_search_item_v_o: [...] }`; XML with one child gives an object instead
 * of an array; `simplify=true` answers give the bare array. Accept all three.
 */
export function list(v: unknown, inner: string): unknown[] | undefined {
  if (!present(v)) return [];
  if (Array.isArray(v)) return v;
  if (!isObj(v)) return undefined;
  if (inner in v) {
    const x = v[inner];
    if (Array.isArray(x)) return x;
    if (isObj(x)) return [x];
    return present(x) ? undefined : [];
  }
  return [v];
}

/** The `*_map` fields: JSON strings per the documentation, objects accepted too. */
export function readMap(v: unknown): Obj | undefined | 'bad' {
  if (!present(v)) return undefined;
  if (isObj(v)) return v;
  if (typeof v !== 'string') return 'bad';
  try {
    const parsed: unknown = JSON.parse(v);
    return isObj(parsed) ? parsed : 'bad';
  } catch {
    return 'bad';
  }
}

export function nameMap(v: unknown, field: string, issues: DecodeIssue[]): Record<string, string> {
  const m = readMap(v);
  if (m === 'bad') {
    issues.push({ code: 'row-bad-field', field, message: `${field} is not a JSON object`, sample: excerpt(String(v), 60) });
    return {};
  }
  const out: Record<string, string> = {};
  if (m) for (const [k, name] of Object.entries(m)) if (typeof name === 'string') out[k] = name;
  return out;
}

// TOP gateway error codes that have a clearer explanation than their `msg`.
const GATEWAY: Record<string, Bilingual> = {
  '7': { zh: '此 App Key 调用次数超限，请稍后再试', en: 'call limit reached for this app key, try again later' },
  '11': { zh: '此 App Key 没有调用该接口的权限', en: 'this app key lacks the permission for this API' },
  '25': { zh: '签名无效，请检查 App Secret 和签名方式', en: 'invalid signature — check the app secret and sign method' },
  '29': { zh: 'App Key 无效', en: 'invalid app key' },
};

export function topError(e: Obj): DecodeResult<FlightSearchResult> {
  const code = str(e.code) ?? '';
  const msg = str(e.msg) ?? '';
  const subCode = str(e.sub_code) ?? '';
  const subMsg = str(e.sub_msg) ?? '';
  const detail = [subCode, subMsg].filter(Boolean).join(': ') || [code, msg].filter(Boolean).join(' ');
  const sample = excerpt(JSON.stringify(e), 200);
  if (/USER_AUTH_FAIL/i.test(`${subCode} ${subMsg} ${msg}`)) {
    return fail(
      'rejected',
      `Taobao Open Platform: this app key is not authorised for flight search (${detail})`,
      `淘宝开放平台：此 App Key 未获授权使用机票搜索（${detail}）`,
      { sample },
    );
  }
  const known = GATEWAY[code];
  const why = known ? `${known.en} (code ${code}${detail ? `, ${detail}` : ''})` : `${detail || 'no reason given'}${code ? ` (code ${code})` : ''}`;
  const whyZh = known ? `${known.zh}（错误码 ${code}${detail ? `，${detail}` : ''}）` : `${detail || '未说明原因'}${code ? `（错误码 ${code}）` : ''}`;
  return fail('rejected', `Taobao Open Platform refused the request: ${why}`, `淘宝开放平台拒绝了请求：${whyZh}`, {
    sample,
    site: { ...(code ? { code } : {}), ...(subCode ? { subCode } : {}) },
  });
}

const looksLikeHtml = (t: string) => /^<(!doctype\s+html|html|head|body)\b/i.test(t);

export type Parsed = { body: Obj } | { error: DecodeResult<FlightSearchResult> };

/** Raw text → the response object, or a typed error. */
export function parseBody(text: string): Parsed {
  const t = text.trim().replace(/^\uFEFF/, '');
  if (!t) return { error: fail('empty', `${NAME}: empty response`, `${NAME}：响应为空`) };
  if (t[0] === '<') {
    if (looksLikeHtml(t)) {
      return {
        error: fail('html-page', `${NAME}: the server answered with an HTML page`, `${NAME}：服务器返回了网页而不是数据`, {
          sample: excerpt(t),
        }),
      };
    }
    try {
      return { body: parseXml(t) };
    } catch (e) {
      const why = e instanceof XmlError ? e.message : String(e);
      return { error: fail('not-json', `${NAME}: malformed XML (${why})`, `${NAME}：XML 格式错误（${why}）`, { sample: excerpt(t) }) };
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { error: fail('not-json', `${NAME}: not JSON or XML (${why})`, `${NAME}：不是 JSON 或 XML（${why}）`, { sample: excerpt(t) }) };
  }
  if (!isObj(parsed)) {
    return { error: fail('schema', `${NAME}: expected an object with ${ROOT}`, `${NAME}：应为含 ${ROOT} 的对象`, { sample: excerpt(t) }) };
  }
  return { body: parsed };
}
