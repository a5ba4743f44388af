import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildTopRequest, md5Hex, topSignBase, topSignParams, topTimestamp } from '../../../lib/air/top-sign';

const md5 = (s: string) => md5Hex(new TextEncoder().encode(s));

describe('md5Hex', () => {
  it('matches the RFC 1321 test suite', () => {
    expect(md5('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(md5('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5('abcdefghijklmnopqrstuvwxyz')).toBe('c3fcd3d76192e4007dfb496cca67e13b');
    expect(md5('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')).toBe('d174ab98d277d9f5a5611c2c9f419d9f');
    expect(md5('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe(
      '57edf4a22be3c955ac49da2e2107b67a',
    );
  });

  it('agrees with node:crypto across block boundaries and on UTF-8 text', () => {
    for (const n of [54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096 + 3]) {
      const s = Array.from({ length: n }, (_, i) => String.fromCharCode(33 + ((i * 7) % 90))).join('');
      expect(md5(s), `length ${n}`).toBe(createHash('md5').update(s).digest('hex'));
    }
    const zh = '北京→上海 2026-11-23 经济舱';
    expect(md5(zh)).toBe(createHash('md5').update(zh, 'utf8').digest('hex'));
  });
});

// Fixed inputs: a search request as the client sends it.
const PARAMS: Record<string, string> = {
  method: 'taobao.trip.jipiao.nsearch.ow.search',
  app_key: '12345678',
  timestamp: '2026-11-23 00:05:09',
  format: 'json',
  v: '2.0',
  sign_method: 'md5',
  dep_city_code: 'BJS',
  arr_city_code: 'SHA',
  dep_date: '2026-11-23',
};
const SECRET = 'secretABC';
const BASE =
  'app_key12345678arr_city_codeSHAdep_city_codeBJSdep_date2026-11-23formatjsonmethodtaobao.trip.jipiao.nsearch.ow.searchsign_methodmd5timestamp2026-11-23 00:05:09v2.0';

describe('topSignParams', () => {
  it('concatenates name+value sorted by name, leaving out sign and empty values', () => {
    expect(topSignBase(PARAMS)).toBe(BASE);
    expect(topSignBase({ ...PARAMS, sign: 'XYZ', pid: '' })).toBe(BASE);
  });

  it('md5: MD5(secret + pairs + secret), uppercase hex — the known signature', async () => {
    const expected = createHash('md5').update(SECRET + BASE + SECRET, 'utf8').digest('hex').toUpperCase();
    expect(expected).toBe('AA57D38CD23918F2A95923660CC6A471');
    expect(await topSignParams(PARAMS, SECRET, 'md5')).toBe(expected);
  });

  it('hmac-sha256: HMAC keyed with the secret over the pairs only, uppercase hex', async () => {
    const params = { ...PARAMS, sign_method: 'hmac-sha256' };
    const expected = createHmac('sha256', SECRET).update(topSignBase(params), 'utf8').digest('hex').toUpperCase();
    const got = await topSignParams(params, SECRET, 'hmac-sha256');
    expect(got).toBe(expected);
    expect(got).toMatch(/^[0-9A-F]{64}$/);
  });

  it('changes with any parameter or the secret', async () => {
    const a = await topSignParams(PARAMS, SECRET, 'md5');
    expect(await topSignParams({ ...PARAMS, dep_date: '2026-11-24' }, SECRET, 'md5')).not.toBe(a);
    expect(await topSignParams(PARAMS, 'secretABD', 'md5')).not.toBe(a);
  });
});

describe('buildTopRequest', () => {
  it('formats the timestamp in GMT+8 whatever the machine zone', () => {
    expect(topTimestamp(Date.UTC(2026, 10, 22, 16, 5, 9, 999))).toBe('2026-11-23 00:05:09');
    expect(topTimestamp(Date.UTC(2026, 11, 31, 15, 59, 59))).toBe('2026-12-31 23:59:59');
    expect(topTimestamp(Date.UTC(2026, 11, 31, 16, 0, 0))).toBe('2027-01-01 00:00:00');
  });

  it('adds the system parameters and a sign that verifies', async () => {
    const q = await buildTopRequest({
      appKey: '12345678',
      secret: SECRET,
      method: 'taobao.trip.jipiao.nsearch.ow.search',
      signMethod: 'md5',
      timestamp: Date.UTC(2026, 10, 22, 16, 5, 9),
      params: { dep_city_code: 'BJS', arr_city_code: 'SHA', dep_date: '2026-11-23' },
    });
    const all = Object.fromEntries(q);
    const { sign, ...rest } = all;
    expect(rest).toEqual(PARAMS);
    expect(sign).toBe('AA57D38CD23918F2A95923660CC6A471');
    expect(q.toString()).toContain('timestamp=2026-11-23+00%3A05%3A09');
  });

  it('signs with hmac-sha256 and says so', async () => {
    const q = await buildTopRequest({
      appKey: 'k',
      secret: 's',
      method: 'm',
      signMethod: 'hmac-sha256',
      timestamp: 0,
      params: { a: '1', method: 'overridden?' },
    });
    expect(q.get('sign_method')).toBe('hmac-sha256');
    expect(q.get('method')).toBe('m'); // system parameters win over API parameters of the same name
    expect(q.get('timestamp')).toBe('1970-01-01 08:00:00');
    const { sign, ...rest } = Object.fromEntries(q);
    expect(sign).toBe(createHmac('sha256', 's').update(topSignBase(rest)).digest('hex').toUpperCase());
  });
});
