import { describe, expect, it, vi } from 'vitest';
import type { TapMessage } from '../../../lib/capture/channel';
import { installFetchTap, installJsonpTap, installScriptTap, installXhrTap, readStationNames } from '../../../lib/capture/tap';
import { match12306, matchFliggy } from '../../../lib/capture/urls';

type Reply = { status: number; body: string; responseURL?: string; fail?: 'error' | 'abort' | 'timeout' };

/** A minimal XMLHttpRequest speaking the parts of the interface the page and the tap use. */
function fakeXhrClass(respond: (url: string) => Reply) {
  return class FakeXhr extends EventTarget {
    readyState = 0;
    status = 0;
    responseText = '';
    responseType: XMLHttpRequestResponseType = '';
    responseURL = '';
    onload: (() => void) | null = null;
    url = '';
    openArgCount = 0;
    open(_method: string, url: string) {
      // eslint-disable-next-line prefer-rest-params
      this.openArgCount = arguments.length;
      this.url = url;
      this.readyState = 1;
    }
    send() {
      queueMicrotask(() => {
        const r = respond(this.url);
        if (r.fail) {
          this.readyState = 4;
          this.dispatchEvent(new Event(r.fail));
          this.dispatchEvent(new Event('loadend'));
          return;
        }
        this.status = r.status;
        this.responseText = r.body;
        this.responseURL = r.responseURL ?? `https://kyfw.12306.cn${this.url}`;
        this.readyState = 4;
        this.onload?.();
        this.dispatchEvent(new Event('load'));
        this.dispatchEvent(new Event('loadend'));
      });
    }
    get response() {
      return this.responseText;
    }
  };
}

function fakeWindow(respond: (url: string) => Reply) {
  return {
    XMLHttpRequest: fakeXhrClass(respond),
    location: { href: 'https://kyfw.12306.cn/otn/leftTicket/init' },
    setTimeout: (fn: () => void) => setTimeout(fn, 0),
    fetch: undefined as unknown,
    MutationObserver,
  } as unknown as Window & typeof globalThis;
}

const flush = () => new Promise((r) => setTimeout(r, 5));

function pageRequest(win: Window & typeof globalThis, url: string): Promise<{ text: string; status: number }> {
  return new Promise((resolve) => {
    const xhr = new win.XMLHttpRequest();
    xhr.open('GET', url);
    xhr.onload = () => resolve({ text: xhr.responseText, status: xhr.status });
    xhr.send();
  });
}

const LEFT_TICKET = '{"httpstatus":200,"data":{"result":["x|预订|240000G1010D"],"flag":"1","map":{}},"status":true}';

describe('XHR tap', () => {
  it('copies an interesting response and gives the page exactly the same body and status', async () => {
    const win = fakeWindow(() => ({ status: 200, body: LEFT_TICKET }));
    const emitted: TapMessage[] = [];
    installXhrTap(win, { match: match12306, emit: (m) => emitted.push(m) });
    const seen = await pageRequest(win, '/otn/leftTicket/queryG?leftTicketDTO.train_date=2026-11-23');
    expect(seen).toEqual({ text: LEFT_TICKET, status: 200 });
    await flush();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({
      v: 1,
      kind: 'left-ticket',
      url: 'https://kyfw.12306.cn/otn/leftTicket/queryG?leftTicketDTO.train_date=2026-11-23',
      status: 200,
      body: LEFT_TICKET,
    });
  });

  it('does nothing but one URL test for other requests', async () => {
    const win = fakeWindow(() => ({ status: 200, body: 'hello' }));
    const listen = vi.spyOn(win.XMLHttpRequest.prototype, 'addEventListener');
    const match = vi.fn(match12306);
    const emit = vi.fn();
    installXhrTap(win, { match, emit });
    const seen = await pageRequest(win, '/otn/login/conf');
    expect(seen.text).toBe('hello');
    await flush();
    expect(match).toHaveBeenCalledTimes(1);
    expect(listen).not.toHaveBeenCalled();
    expect(emit).not.toHaveBeenCalled();
  });

  it('passes open() its exact arguments (open(m, u, undefined) would be synchronous)', () => {
    const win = fakeWindow(() => ({ status: 200, body: '' }));
    installXhrTap(win, { match: match12306, emit: () => {} });
    const xhr = new win.XMLHttpRequest() as unknown as { open: (...a: unknown[]) => void; openArgCount: number };
    xhr.open('GET', '/otn/leftTicket/query');
    expect(xhr.openArgCount).toBe(2);
  });

  it('survives a throwing matcher and a throwing emitter: the page still gets its response', async () => {
    const win = fakeWindow(() => ({ status: 200, body: LEFT_TICKET }));
    installXhrTap(win, {
      match: () => {
        throw new Error('matcher bug');
      },
      emit: () => {},
    });
    expect(await pageRequest(win, '/otn/leftTicket/query')).toEqual({ text: LEFT_TICKET, status: 200 });

    const win2 = fakeWindow(() => ({ status: 200, body: LEFT_TICKET }));
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    installXhrTap(win2, {
      match: match12306,
      emit: () => {
        throw new Error('emit bug');
      },
    });
    expect(await pageRequest(win2, '/otn/leftTicket/query')).toEqual({ text: LEFT_TICKET, status: 200 });
    await flush();
    process.off('uncaughtException', onError);
    expect(errors).toEqual([]);
  });

  it('copies the error page the server answers with, untouched, for diagnostics', async () => {
    const html = '<html><head><title>铁路客户服务中心</title></head></html>';
    const win = fakeWindow(() => ({ status: 200, body: html, responseURL: 'https://www.12306.cn/mormhweb/logFiles/error.html' }));
    const emitted: TapMessage[] = [];
    installXhrTap(win, { match: match12306, emit: (m) => emitted.push(m) });
    await pageRequest(win, '/otn/leftTicket/queryZ');
    await flush();
    expect(emitted[0]?.body).toBe(html);
    expect(emitted[0]?.responseUrl).toBe('https://www.12306.cn/mormhweb/logFiles/error.html');
  });

  it('reports a request that got no answer (network error, timeout), but not one the page aborted', async () => {
    for (const fail of ['error', 'timeout', 'abort'] as const) {
      const win = fakeWindow(() => ({ status: 0, body: '', fail }));
      const emitted: TapMessage[] = [];
      installXhrTap(win, { match: match12306, emit: (m) => emitted.push(m) });
      const xhr = new win.XMLHttpRequest();
      xhr.open('GET', '/otn/leftTicket/queryZ');
      xhr.send();
      await flush();
      expect(emitted.map((m) => [m.status, m.body]), fail).toEqual(fail === 'abort' ? [] : [[0, '']]);
    }
  });

  it('reports an oversized body by size instead of copying it', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024 + 1);
    const win = fakeWindow(() => ({ status: 200, body: big }));
    const emitted: TapMessage[] = [];
    installXhrTap(win, { match: match12306, emit: (m) => emitted.push(m) });
    expect((await pageRequest(win, '/otn/leftTicket/query')).text.length).toBe(big.length);
    await flush();
    expect(emitted[0]).toMatchObject({ body: '', tooLarge: big.length });
  });

  it('restores the original methods', () => {
    const win = fakeWindow(() => ({ status: 200, body: '' }));
    const { open, send } = win.XMLHttpRequest.prototype;
    const restore = installXhrTap(win, { match: match12306, emit: () => {} });
    expect(win.XMLHttpRequest.prototype.open).not.toBe(open);
    restore();
    expect(win.XMLHttpRequest.prototype.open).toBe(open);
    expect(win.XMLHttpRequest.prototype.send).toBe(send);
  });
});

describe('fetch tap', () => {
  function fetchWindow(impl: (url: string) => Promise<Response>) {
    const win = fakeWindow(() => ({ status: 200, body: '' }));
    (win as unknown as { fetch: unknown }).fetch = vi.fn((input: string) => impl(input));
    return win;
  }

  it('returns the very promise of the original fetch and an unread body to the page', async () => {
    let original: Promise<Response> | undefined;
    const win = fetchWindow(() => (original = Promise.resolve(new Response(LEFT_TICKET, { status: 200 }))));
    const emitted: TapMessage[] = [];
    installFetchTap(win, { match: match12306, emit: (m) => emitted.push(m) });
    const p = win.fetch('/otn/leftTicket/queryZ?x=1');
    expect(p).toBe(original);
    const res = await p;
    expect(res.bodyUsed).toBe(false);
    expect(await res.text()).toBe(LEFT_TICKET);
    expect(res.status).toBe(200);
    await flush();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ kind: 'left-ticket', body: LEFT_TICKET, url: 'https://kyfw.12306.cn/otn/leftTicket/queryZ?x=1' });
  });

  it('lets a failed fetch fail for the page exactly as before, without unhandled rejections of ours', async () => {
    const boom = new TypeError('Failed to fetch');
    const win = fetchWindow(() => Promise.reject(boom));
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    installFetchTap(win, { match: match12306, emit: () => {} });
    await expect(win.fetch('/otn/leftTicket/query')).rejects.toBe(boom);
    await flush();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('reports a failed fetch as no answer, and ignores one the page aborted', async () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    let next: unknown = new TypeError('Failed to fetch');
    const win = fetchWindow(() => Promise.reject(next));
    const emitted: TapMessage[] = [];
    installFetchTap(win, { match: match12306, emit: (m) => emitted.push(m) });
    await win.fetch('/otn/leftTicket/query').catch(() => undefined);
    next = abort;
    await win.fetch('/otn/leftTicket/query').catch(() => undefined);
    await flush();
    expect(emitted.map((m) => m.status)).toEqual([0]);
  });

  it('keeps a TOP router call only when its body names the flight search', async () => {
    const win = fetchWindow(() => Promise.resolve(new Response('{"trip_jipiao_nsearch_ow_search_response":{}}')));
    const emitted: TapMessage[] = [];
    installFetchTap(win, { match: matchFliggy, emit: (m) => emitted.push(m) });
    await win.fetch('https://gw.api.taobao.com/router/rest', { method: 'POST', body: 'method=taobao.user.get' });
    await win.fetch('https://gw.api.taobao.com/router/rest', {
      method: 'POST',
      body: 'method=taobao.trip.jipiao.nsearch.ow.search',
    });
    await flush();
    expect(emitted.map((m) => m.kind)).toEqual(['top-search']);
  });

  it('survives a throwing emitter', async () => {
    const win = fetchWindow(() => Promise.resolve(new Response('ok')));
    installFetchTap(win, {
      match: match12306,
      emit: () => {
        throw new Error('bug');
      },
    });
    expect(await (await win.fetch('/otn/leftTicket/query')).text()).toBe('ok');
    await flush();
  });
});

describe('JSONP tap', () => {
  it('copies the argument the script delivers to the page callback, which still gets the same object', async () => {
    const doc = document.implementation.createHTMLDocument('fliggy');
    const win = { MutationObserver, setTimeout: (fn: () => void) => setTimeout(fn, 0) } as unknown as Window &
      typeof globalThis & Record<string, unknown>;
    const received: unknown[] = [];
    win.jsonp_42 = (data: unknown) => {
      received.push(data);
      return 'page result';
    };
    const emitted: TapMessage[] = [];
    installJsonpTap(win, doc, { match: matchFliggy, emit: (m) => emitted.push(m) });

    vi.spyOn(console, 'error').mockImplementation(() => {}); // happy-dom refuses to load scripts: fine, we run the callback ourselves
    const script = doc.createElement('script');
    script.src = 'https://sjipiao.fliggy.com/searchow/search.htm?tripType=0&depCity=BJS&arrCity=SHA&callback=jsonp_42';
    doc.head.appendChild(script);
    await Promise.resolve(); // the observer runs before the script could load

    const data = { data: { flight: [{ flightNo: 'MU5102' }] } };
    // What the JSONP script does when it runs:
    expect((win.jsonp_42 as (d: unknown) => unknown)(data)).toBe('page result');
    expect(received[0]).toBe(data);
    await flush();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ kind: 'fliggy-search', status: 200, body: `jsonp_42(${JSON.stringify(data)})` });
  });

  it('ignores scripts that are not the search', async () => {
    const doc = document.implementation.createHTMLDocument('fliggy');
    const win = { MutationObserver } as unknown as Window & typeof globalThis & Record<string, unknown>;
    const cb = () => {};
    win.cb = cb;
    installJsonpTap(win, doc, { match: matchFliggy, emit: () => {} });
    vi.spyOn(console, 'error').mockImplementation(() => {}); // happy-dom refuses to load scripts: fine, we run the callback ourselves
    const script = doc.createElement('script');
    script.src = 'https://g.alicdn.com/lib.js?callback=cb';
    doc.body.appendChild(script);
    await Promise.resolve();
    expect(win.cb).toBe(cb);
  });
});

describe('script tap (station_name.js)', () => {
  it('copies the list the script defined once it has run, without fetching it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // happy-dom refuses to load scripts: we fire load ourselves
    const doc = document.implementation.createHTMLDocument('12306');
    const win = { MutationObserver, setTimeout: (fn: () => void) => setTimeout(fn, 0) } as unknown as Window & typeof globalThis;
    const emitted: TapMessage[] = [];
    installScriptTap(win, doc, { match: match12306, emit: (m) => emitted.push(m), read: () => readStationNames(win) });
    const script = doc.createElement('script');
    script.src = 'https://kyfw.12306.cn/otn/resources/js/framework/station_name.js?station_version=1.9383';
    doc.body.appendChild(script);
    await Promise.resolve();
    // What running the script does, then its load event:
    (win as unknown as { station_names: string }).station_names = '@bjb|北京北|VAP|beijingbei|bjb|0|0357|北京|||';
    script.dispatchEvent(new Event('load'));
    await flush();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({
      kind: 'station-list',
      url: 'https://kyfw.12306.cn/otn/resources/js/framework/station_name.js?station_version=1.9383',
      body: "var station_names ='@bjb|北京北|VAP|beijingbei|bjb|0|0357|北京|||';",
    });
  });

  it('stops watching the page\'s DOM once the station script is found (the result rows that follow are not looked at)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const doc = document.implementation.createHTMLDocument('12306');
    const seen: number[] = [];
    class CountingObserver extends MutationObserver {
      constructor(cb: MutationCallback) {
        super((records, o) => {
          seen.push(records.length);
          cb(records, o);
        });
      }
    }
    const win = { MutationObserver: CountingObserver, setTimeout: (fn: () => void) => setTimeout(fn, 0) } as unknown as Window & typeof globalThis;
    installScriptTap(win, doc, { match: match12306, emit: () => {}, read: () => readStationNames(win) });
    doc.body.appendChild(doc.createElement('div'));
    await flush();
    const script = doc.createElement('script');
    script.src = 'https://kyfw.12306.cn/otn/resources/js/framework/station_name.js?station_version=1.9383';
    doc.body.appendChild(script);
    await flush();
    const before = seen.length;
    expect(before).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) doc.body.appendChild(doc.createElement('tr'));
    await flush();
    expect(seen).toHaveLength(before);
  });

  it('sends nothing when the script defined no list', () => {
    expect(readStationNames({} as Window & typeof globalThis)).toBeUndefined();
  });
});
