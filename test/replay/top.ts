// The Taobao Open Platform gateway (gw.api.taobao.com/router/rest) as the replay serves it: checks
// the app key and the signature exactly as TOP does (md5, hmac (md5) and hmac-sha256 over the sorted
// parameters) and answers taobao.trip.jipiao.nsearch.ow.search in JSON; everything else, and every
// bad key or signature, gets TOP's error_response.

import { createHash, createHmac } from 'node:crypto';
import { JSON_TYPE, notFound, type Handler, type Reply } from './reply';
import { topSearchBodyFor } from './air-data';

export const TOP_SEARCH_METHOD = 'taobao.trip.jipiao.nsearch.ow.search';

/** TOP's signature of a parameter set (every parameter except `sign`), upper-case hex. */
export function topSign(params: Record<string, string>, secret: string, method: string): string {
  const base = Object.keys(params)
    .filter((k) => k !== 'sign')
    .sort()
    .map((k) => `${k}${params[k]}`)
    .join('');
  if (method === 'hmac') return createHmac('md5', secret).update(base, 'utf8').digest('hex').toUpperCase();
  if (method === 'hmac-sha256') return createHmac('sha256', secret).update(base, 'utf8').digest('hex').toUpperCase();
  return createHash('md5').update(secret + base + secret, 'utf8').digest('hex').toUpperCase();
}

function errorResponse(code: number, msg: string, sub?: { sub_code: string; sub_msg: string }): Reply {
  return {
    status: 200,
    headers: { 'content-type': JSON_TYPE },
    body: JSON.stringify({ error_response: { code, msg, ...sub, request_id: 'replay' + Date.now().toString(36) } }),
  };
}

export const handleTop: Handler = (req, ctx) => {
  if (req.path !== '/router/rest') return notFound();
  const s = ctx.scenario().top;
  const params: Record<string, string> = Object.fromEntries(req.query);
  if (req.method === 'POST' && req.body) Object.assign(params, Object.fromEntries(new URLSearchParams(req.body)));
  const delayMs = s.delayMs;
  const fail = (code: number, msg: string, sub?: { sub_code: string; sub_msg: string }) => ({ ...errorResponse(code, msg, sub), delayMs });

  if (!params.method) return fail(21, 'Missing Method');
  if (!params.app_key) return fail(28, 'Missing App Key');
  if (params.app_key !== s.appKey) return fail(29, 'Invalid App Key');
  if (!params.sign) return fail(24, 'Missing Signature');
  const signMethod = params.sign_method ?? 'md5';
  if (!['md5', 'hmac', 'hmac-sha256'].includes(signMethod)) return fail(32, 'Invalid Sign Method');
  if (params.sign.toUpperCase() !== topSign(params, s.appSecret, signMethod)) return fail(25, 'Invalid Signature');
  if (!params.timestamp) return fail(30, 'Missing Timestamp');
  if (s.error) return { ...errorResponse(s.error.code, s.error.msg, s.error.sub_code ? { sub_code: s.error.sub_code, sub_msg: s.error.sub_msg ?? '' } : undefined), delayMs };
  if (params.method !== TOP_SEARCH_METHOD) return fail(22, 'Invalid Method');
  if ((params.format ?? 'xml') !== 'json') return fail(40, 'Missing Required Arguments:format=json (the replay speaks JSON only)');
  const dep = params.dep_city_code;
  const arr = params.arr_city_code;
  const date = params.dep_date;
  if (!dep || !arr || !date) {
    return fail(40, 'Missing Required Arguments', { sub_code: 'isv.missing-parameter', sub_msg: 'dep_city_code, arr_city_code, dep_date' });
  }
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body: topSearchBodyFor({ date, depCity: dep, arrCity: arr }), delayMs };
};
