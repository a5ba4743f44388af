import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAirClient, fliggySearchUrl, TOP_GATEWAY, TOP_METHOD, type TopCredentials } from '../../../lib/air/client';
import type { FetchLike } from '../../../lib/net/http';
import { chinaInstant } from '../../../lib/time';
import { buildTopError, buildTopSearchJson, generateFlights } from '../../support/air-bodies';

const NOW = chinaInstant('2026-03-04', 9 * 60 + 5) + 7_000; // 09:05:07 China time
const Q = { date: '2026-03-05', fromCity: 'BJS', toCity: 'SHA' } as const;
const CREDS: TopCredentials = { appKey: '12345678', secret: 'top-secret-abc', signMethod: 'md5' };

/** Independent reference signature (node:crypto), the way TOP documents it. */
function expectedSign(form: URLSearchParams, secret: string, method: 'md5' | 'hmac-sha256'): string {
  const base = [...form.keys()]
    .filter((k) => k !== 'sign')
    .sort()
    .map((k) => `${k}${form.get(k)}`)
    .join('');
  return method === 'md5'
    ? createHash('md5').update(secret + base + secret, 'utf8').digest('hex').toUpperCase()
    : createHmac('sha256', secret).update(base, 'utf8').digest('hex').toUpperCase();
}

/** A fake TOP gateway: checks the form and its signature like the real one, answers JSON. */
function fakeGateway(answer?: (form: URLSearchParams) => Response) {
  const seen: { url: string; init: RequestInit; form: URLSearchParams }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const form = new URLSearchParams(String(init?.body ?? ''));
    seen.push({ url, init: init ?? {}, form });
    if (answer) return answer(form);
    const method = form.get('sign_method') as 'md5' | 'hmac-sha256';
    if (form.get('sign') !== expectedSign(form, CREDS.secret, method)) {
      return new Response(buildTopError('', '', 'json', 25, 'Invalid signature'));
    }
    const specs = generateFlights(8, form.get('dep_city_code')!, form.get('arr_city_code')!, form.get('dep_date') as '2026-03-05', 3);
    return new Response(buildTopSearchJson(specs), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, seen };
}

describe('createAirClient.searchFlights', () => {
  it('POSTs a signed request (md5) with the system parameters TOP requires', async () => {
    const gw = fakeGateway();
    const client = createAirClient({ fetch: gw.fetch, now: () => NOW });
    const r = await client.searchFlights(Q, CREDS);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.flights.length).toBe(8);
    const { url, init, form } = gw.seen[0]!;
    expect(url).toBe(TOP_GATEWAY);
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('omit');
    expect(Object.fromEntries(form)).toMatchObject({
      method: TOP_METHOD,
      app_key: '12345678',
      format: 'json',
      v: '2.0',
      sign_method: 'md5',
      timestamp: '2026-03-04 09:05:07',
      dep_city_code: 'BJS',
      arr_city_code: 'SHA',
      dep_date: '2026-03-05',
    });
    expect(form.get('sign')).toBe(expectedSign(form, CREDS.secret, 'md5'));
    expect(form.has('secret')).toBe(false);
    expect(String(init.body)).not.toContain(CREDS.secret);
  });

  it('signs with hmac-sha256 when chosen', async () => {
    const gw = fakeGateway();
    const client = createAirClient({ fetch: gw.fetch, now: () => NOW });
    const r = await client.searchFlights(Q, { ...CREDS, signMethod: 'hmac-sha256' });
    expect(r.ok).toBe(true);
    const form = gw.seen[0]!.form;
    expect(form.get('sign_method')).toBe('hmac-sha256');
    expect(form.get('sign')).toBe(expectedSign(form, CREDS.secret, 'hmac-sha256'));
  });

  it('gives a clear message for a wrong secret (error_response code 25)', async () => {
    const gw = fakeGateway();
    const client = createAirClient({ fetch: gw.fetch, now: () => NOW });
    const r = await client.searchFlights(Q, { ...CREDS, secret: 'wrong' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('rejected');
    expect(!r.ok && r.error.message.zh).toContain('签名无效');
    expect(!r.ok && JSON.stringify(r.error)).not.toContain('wrong');
  });

  it('maps a call limit to rate-limited', async () => {
    const gw = fakeGateway(() => new Response(buildTopError('accesscontrol.limited-by-app-access-count', 'This ban will last for 1 more seconds', 'json', 7, 'App Call Limited')));
    const r = await createAirClient({ fetch: gw.fetch, now: () => NOW }).searchFlights(Q, CREDS);
    expect(!r.ok && r.error.code).toBe('rate-limited');
  });

  it('maps HTTP errors and transport failures', async () => {
    const r503 = await createAirClient({ fetch: async () => new Response('busy', { status: 503 }), now: () => NOW }).searchFlights(Q, CREDS);
    expect(!r503.ok && r503.error.code).toBe('network');
    const down = await createAirClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      now: () => NOW,
    }).searchFlights(Q, CREDS);
    expect(!down.ok && down.error.code).toBe('network');
  });

  it('caches a good answer per route and credentials, and shares one request between callers', async () => {
    const gw = fakeGateway();
    let t = NOW;
    const client = createAirClient({ fetch: gw.fetch, now: () => t });
    const [a, b] = await Promise.all([client.searchFlights(Q, CREDS), client.searchFlights(Q, CREDS)]);
    expect(a.ok && b.ok).toBe(true);
    expect(gw.seen).toHaveLength(1);
    t += 60_000;
    expect((await client.searchFlights(Q, CREDS)).fromCache).toBe(true);
    await client.searchFlights({ ...Q, toCity: 'CTU' }, CREDS);
    expect(gw.seen).toHaveLength(2);
  });

  it('refuses bad input and missing credentials without a request', async () => {
    const gw = fakeGateway();
    const client = createAirClient({ fetch: gw.fetch, now: () => NOW });
    expect((await client.searchFlights({ ...Q, fromCity: '北京' }, CREDS)).ok).toBe(false);
    expect((await client.searchFlights(Q, { ...CREDS, secret: '' })).ok).toBe(false);
    expect(gw.seen).toHaveLength(0);
  });

  it('links to Fliggy search page for the route', () => {
    const u = new URL(fliggySearchUrl({ ...Q, fromName: '北京', toName: '上海' }));
    expect(u.host).toBe('sjipiao.fliggy.com');
    expect(Object.fromEntries(u.searchParams)).toMatchObject({ tripType: '0', depCity: 'BJS', arrCity: 'SHA', depDate: '2026-03-05', depCityName: '北京' });
  });
});
