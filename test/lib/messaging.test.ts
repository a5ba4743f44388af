import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { dispatch, MessageError, once, section } from '../../lib/messaging';

let built = 0;
const demo = section({
  'demo.echo': { req: z.object({ n: z.number() }), res: z.object({ n: z.number() }) },
  'demo.lazy': once(() => {
    built++;
    return { req: z.object({}), res: z.object({ ok: z.literal(true) }) };
  }),
});
const viaDispatch = (m: unknown) => dispatch(m);

async function caught(p: Promise<unknown>): Promise<MessageError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MessageError) return e;
    throw e;
  }
  throw new Error('did not fail');
}

describe('message transport', () => {
  it('carries a request to its handler and the validated reply back', async () => {
    const off = demo.on('demo.echo', ({ n }) => ({ n: n + 1 }));
    expect(await demo.send('demo.echo', { n: 1 }, viaDispatch)).toEqual({ n: 2 });
    off();
  });

  it('builds a lazily declared message only when it is first used', async () => {
    expect(built).toBe(0);
    const off = demo.on('demo.lazy', () => ({ ok: true as const }));
    expect(await demo.send('demo.lazy', {}, viaDispatch)).toEqual({ ok: true });
    expect(built).toBe(1);
    off();
  });

  it('lets errors cross as a code and a bilingual message, for callers to branch on the code', async () => {
    const unknown = await caught(demo.send('demo.echo', { n: 1 }, viaDispatch));
    expect(unknown.code).toBe('unknown-message');
    expect(unknown.text.en).toContain('demo.echo');
    expect(unknown.text.zh).toContain('demo.echo');

    const off = demo.on('demo.echo', ({ n }) => {
      if (n < 0) throw new MessageError('negative', { zh: '不能为负', en: 'must not be negative' });
      if (n === 0) throw new Error('zero');
      return { n: n > 100 ? ('big' as unknown as number) : n };
    });
    const bad = await caught(demo.send('demo.echo', { n: 'x' as unknown as number }, viaDispatch));
    expect(bad.code).toBe('bad-request');
    expect(bad.message).toContain('invalid request');
    expect(await caught(demo.send('demo.echo', { n: -1 }, viaDispatch))).toMatchObject({ code: 'negative', text: { zh: '不能为负', en: 'must not be negative' } });
    expect(await caught(demo.send('demo.echo', { n: 0 }, viaDispatch))).toMatchObject({ code: 'failed', message: 'zero' });
    expect((await caught(demo.send('demo.echo', { n: 101 }, viaDispatch))).code).toBe('bad-reply');
    off();

    const raw = (await dispatch({ railair: 1, name: 'demo.echo', data: {} })) as { ok: boolean; error: unknown };
    expect(raw).toEqual({ ok: false, error: { code: 'unknown-message', message: { zh: expect.any(String), en: 'unknown message demo.echo' } } });
  });

  it('names a missing receiver and a reply out of protocol by code', async () => {
    const gone = await caught(demo.send('demo.echo', { n: 1 }, () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))));
    expect(gone.code).toBe('no-receiver');
    expect((await caught(demo.send('demo.echo', { n: 1 }, async () => undefined))).code).toBe('no-reply');
    expect((await caught(demo.send('demo.echo', { n: 1 }, async () => ({ ok: true, data: { n: 'x' } })))).code).toBe('bad-reply');
  });

  it('leaves messages that are not ours to other listeners', async () => {
    expect(await dispatch({ hello: 1 })).toBeUndefined();
  });
});
