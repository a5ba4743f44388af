// Request signing for the Taobao Open Platform (TOP) gateway. Parameters are sorted by name and
// concatenated as name+value (empty values and `sign` itself left out), then:
//   md5:         MD5(secret + pairs + secret), uppercase hex
//   hmac-sha256: HMAC-SHA256(key = secret, pairs), uppercase hex
// WebCrypto has no MD5, so a compact RFC 1321 implementation lives here (tested against the RFC's
// vectors); HMAC-SHA256 uses crypto.subtle, present in service workers and Node 20.

import type { EpochMs } from '../model';
import { hmacSha256 } from '../util/hmac';
import { chinaDateOf, chinaHm, CHINA_OFFSET_MS } from '../time';

export type TopSignMethod = 'md5' | 'hmac-sha256';

// Per-round shift amounts and the sine-derived constants of RFC 1321.
const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** MD5 of bytes, as lowercase hex. */
export function md5Hex(bytes: Uint8Array): string {
  const len = bytes.length;
  const padded = new Uint8Array((((len + 8) >>> 6) + 1) << 6);
  padded.set(bytes);
  padded[len] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, (len << 3) >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(len / 0x20000000), true);

  let a0 = 0x67452301;
  let b0 = 0xefcdab89;
  let c0 = 0x98badcfe;
  let d0 = 0x10325476;
  const m = new Uint32Array(16);
  for (let off = 0; off < padded.length; off += 64) {
    for (let j = 0; j < 16; j++) m[j] = view.getUint32(off + j * 4, true);
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const s = S[((i >> 4) << 2) + (i & 3)]!;
      const x = (a + f + K[i]! + m[g]!) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  let hex = '';
  for (const w of [a0, b0, c0, d0]) {
    for (let k = 0; k < 4; k++) hex += ((w >>> (k * 8)) & 0xff).toString(16).padStart(2, '0');
  }
  return hex;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Sorted name+value concatenation TOP signs (names compared by UTF-16 code unit, as its SDKs do). */
export function topSignBase(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && k !== '' && params[k] !== undefined && params[k] !== '')
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
    .map((k) => k + params[k])
    .join('');
}

/** The uppercase hex `sign` for a TOP request. */
export async function topSignParams(params: Record<string, string>, secret: string, method: TopSignMethod): Promise<string> {
  const base = topSignBase(params);
  if (method === 'md5') return md5Hex(utf8(secret + base + secret)).toUpperCase();
  return toHex(await hmacSha256(secret, base)).toUpperCase();
}

/** "yyyy-MM-dd HH:mm:ss" in GMT+8, the timestamp format the gateway checks (±10 min). */
export function topTimestamp(t: EpochMs): string {
  const sec = Math.floor((((t + CHINA_OFFSET_MS) % 60_000) + 60_000) % 60_000 / 1000);
  return `${chinaDateOf(t)} ${chinaHm(t)}:${String(sec).padStart(2, '0')}`;
}

export interface TopRequestOptions {
  appKey: string;
  secret: string;
  /** API name, e.g. "taobao.trip.jipiao.nsearch.ow.search". */
  method: string;
  signMethod: TopSignMethod;
  timestamp: EpochMs;
  /** API parameters (dep_city_code, arr_city_code, dep_date, …). */
  params: Record<string, string>;
}

/** System + API parameters with their sign, ready for a GET query string or a form POST body. */
export async function buildTopRequest(opts: TopRequestOptions): Promise<URLSearchParams> {
  const all: Record<string, string> = {
    ...opts.params,
    method: opts.method,
    app_key: opts.appKey,
    timestamp: topTimestamp(opts.timestamp),
    format: 'json',
    v: '2.0',
    sign_method: opts.signMethod,
  };
  const sign = await topSignParams(all, opts.secret, opts.signMethod);
  const out = new URLSearchParams();
  for (const k of Object.keys(all).sort()) {
    const v = all[k];
    if (v !== undefined && v !== '') out.set(k, v);
  }
  out.set('sign', sign);
  return out;
}
