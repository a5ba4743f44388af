// The MAIN-world taps: copy the bodies of the few responses we care about, as the page receives
// them, without touching anything the page can observe. Rules every hook follows:
// - the page's own call runs first and its result (or exception) is returned unchanged;
// - requests the matcher rejects cost one regular-expression test and nothing else;
// - our own work runs inside try/catch and is deferred off the page's call stack, so a bug of
//   ours can neither throw into the page nor slow its callbacks.
// Everything is passed in (window, matcher, emitter) so tests can drive it with fakes.

import { MAX_BODY_CHARS, type Emit, type TapMessage } from './channel';
import { isTopSearch, jsonpCallbackName, type CaptureKind, type UrlMatcher } from './urls';

export interface TapOptions {
  match: UrlMatcher;
  emit: Emit;
  /** Runs our work after the page's callback (default: setTimeout 0). */
  defer?: (fn: () => void) => void;
  /** Base for relative URLs (default: the window's location). */
  base?: string;
}

type Win = Window & typeof globalThis;

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // A failure of ours must never reach the page.
  }
}

function absolute(url: string, base: string | undefined): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

function message(kind: CaptureKind, url: string, status: number, body: string, responseUrl?: string): TapMessage {
  const big = body.length > MAX_BODY_CHARS;
  const m: TapMessage = { v: 1, kind, url, status, body: big ? '' : body, at: Date.now() };
  if (responseUrl && responseUrl !== url) m.responseUrl = responseUrl;
  if (big) m.tooLarge = body.length;
  return m;
}

function deferrer(win: Win, opts: TapOptions): (fn: () => void) => void {
  return opts.defer ?? ((fn) => win.setTimeout(() => safely(fn), 0));
}

/** Wraps XMLHttpRequest.prototype.open/send. Returns a function that restores the originals. */
export function installXhrTap(win: Win, opts: TapOptions): () => void {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto) return () => {};
  const open = proto.open;
  const send = proto.send;
  const defer = deferrer(win, opts);
  const base = () => opts.base ?? win.location?.href;
  /** Requests we copy, keyed by the XHR object (a request may be re-opened: the last open wins). */
  const wanted = new WeakMap<XMLHttpRequest, { kind: CaptureKind; url: string }>();
  const listening = new WeakSet<XMLHttpRequest>();

  function onDone(this: XMLHttpRequest, event: Event) {
    safely(() => {
      const req = wanted.get(this);
      if (!req) return;
      wanted.delete(this);
      if (event.type !== 'load') {
        // error / timeout: the page got no answer (a network error, or a redirect to another
        // origin it may not read, as 12306's error.html is). Reported, for diagnostics.
        const m = message(req.kind, req.url, 0, '');
        defer(() => opts.emit(m));
        return;
      }
      if (this.readyState !== 4) return;
      let body: string;
      const type = this.responseType;
      if (type === '' || type === 'text') body = this.responseText;
      else if (type === 'json') body = JSON.stringify(this.response);
      else return; // binary types: never used by the sites we read
      const m = message(req.kind, req.url, this.status, body, this.responseURL || undefined);
      defer(() => opts.emit(m));
    });
  }

  proto.open = function (this: XMLHttpRequest) {
    // eslint-disable-next-line prefer-rest-params -- keep the exact argument count: open(m, u, undefined) is synchronous
    const result = open.apply(this, arguments as unknown as Parameters<typeof open>);
    safely(() => {
      const raw = String(arguments[1]);
      const kind = opts.match(raw);
      if (!kind) {
        wanted.delete(this);
        return;
      }
      wanted.set(this, { kind, url: absolute(raw, base()) });
      if (!listening.has(this)) {
        listening.add(this);
        // Not 'abort': a request the page cancelled is not a failure.
        this.addEventListener('load', onDone);
        this.addEventListener('error', onDone);
        this.addEventListener('timeout', onDone);
      }
    });
    return result;
  } as typeof open;

  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    safely(() => {
      const req = wanted.get(this);
      if (req?.kind === 'top-search' && !isTopSearch(req.url, body)) wanted.delete(this);
    });
    // eslint-disable-next-line prefer-rest-params
    return send.apply(this, arguments as unknown as Parameters<typeof send>);
  };

  return () => {
    proto.open = open;
    proto.send = send;
  };
}

function requestUrl(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (input && typeof input === 'object') {
    const u = (input as { href?: unknown; url?: unknown }).href ?? (input as { url?: unknown }).url;
    if (typeof u === 'string') return u;
  }
  return undefined;
}

/** Wraps window.fetch. The page gets the very promise the original returned. */
export function installFetchTap(win: Win, opts: TapOptions): () => void {
  const original = win.fetch;
  if (typeof original !== 'function') return () => {};
  const defer = deferrer(win, opts);
  const base = () => opts.base ?? win.location?.href;

  const tapped = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    // eslint-disable-next-line prefer-rest-params
    const promise = original.apply(this, arguments as unknown as Parameters<typeof fetch>);
    safely(() => {
      const raw = requestUrl(input);
      if (raw === undefined) return;
      const kind = opts.match(raw);
      if (!kind) return;
      const url = absolute(raw, base());
      if (kind === 'top-search' && !isTopSearch(url, init?.body)) return;
      // Registered before the page can attach its own handlers, so the body is still unread
      // when we clone it; the page's response object is never read by us.
      promise.then(
        (res) => {
          safely(() => {
            res
              .clone()
              .text()
              .then(
                (body) => defer(() => opts.emit(message(kind, url, res.status, body, res.url || undefined))),
                () => {},
              );
          });
        },
        (e: unknown) => {
          safely(() => {
            // A fetch the page aborted is not a failure; anything else is reported.
            if ((e as { name?: unknown } | null)?.name === 'AbortError') return;
            const m = message(kind, url, 0, '');
            defer(() => opts.emit(m));
          });
        },
      );
    });
    return promise;
  };
  win.fetch = tapped as typeof fetch;
  return () => {
    if (win.fetch === (tapped as typeof fetch)) win.fetch = original;
  };
}

const WRAPPED = Symbol.for('railair.jsonp');

/**
 * JSONP arrives as a <script> that calls a global function named in its URL. When such a script
 * element is added, we wrap that global (the page defines it before adding the script) so the
 * argument is copied as it is delivered — nothing is fetched again. The copy is taken before the
 * page's function runs (it may change the object), then the page's function is called as before.
 */
export function installJsonpTap(win: Win, doc: Document, opts: TapOptions): () => void {
  const Observer = win.MutationObserver;
  if (!Observer) return () => {};
  const defer = deferrer(win, opts);
  const globals = win as unknown as Record<string, unknown>;

  function wrap(script: HTMLScriptElement) {
    const src = script.src;
    if (!src) return;
    const kind = opts.match(src);
    if (!kind) return;
    const name = jsonpCallbackName(src);
    if (!name) return;
    const fn = globals[name];
    if (typeof fn !== 'function' || (fn as unknown as Record<symbol, unknown>)[WRAPPED]) return;
    const wrapped = function (this: unknown) {
      let body: string | undefined;
      safely(() => {
        body = `${name}(${JSON.stringify(arguments[0])})`;
      });
      // eslint-disable-next-line prefer-rest-params
      const result = (fn as (...a: unknown[]) => unknown).apply(this, arguments as unknown as unknown[]);
      safely(() => {
        if (body !== undefined) {
          const m = message(kind, src, 200, body);
          defer(() => opts.emit(m));
        }
        // Put the page's own function back: one delivery per script.
        if (globals[name] === wrapped) globals[name] = fn;
      });
      return result;
    };
    (wrapped as unknown as Record<symbol, unknown>)[WRAPPED] = true;
    globals[name] = wrapped;
  }

  const observer = new Observer((records) => {
    safely(() => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) {
          if (node.nodeName === 'SCRIPT') safely(() => wrap(node as HTMLScriptElement));
        }
      }
    });
  });
  observer.observe(doc, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/**
 * A script the page loads with a <script src> (not XHR), whose result is a global it defines:
 * once the element has loaded — i.e. the script has run — `read()` copies that global (nothing is
 * fetched again). Used for 12306's station_name.js (`var station_names = '…'`).
 */
export function installScriptTap(win: Win, doc: Document, opts: TapOptions & { read: (src: string) => string | undefined }): () => void {
  const Observer = win.MutationObserver;
  if (!Observer) return () => {};
  const defer = deferrer(win, opts);

  function watch(script: HTMLScriptElement) {
    const src = script.src;
    if (!src) return;
    const kind = opts.match(src);
    if (!kind) return;
    // A page loads its station list once: stop looking at the page's later DOM changes (its
    // result rows, thousands of nodes) as soon as the script is found.
    observer.disconnect();
    script.addEventListener(
      'load',
      () =>
        safely(() => {
          const body = opts.read(src);
          if (body === undefined) return;
          const m = message(kind, src, 200, body);
          defer(() => opts.emit(m));
        }),
      { once: true },
    );
  }

  const observer = new Observer((records) => {
    safely(() => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) {
          if (node.nodeName === 'SCRIPT') safely(() => watch(node as HTMLScriptElement));
        }
      }
    });
  });
  observer.observe(doc, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** station_name.js defines `var station_names = '@bjb|北京北|VAP|…'`: rebuild that text from the global. */
export function readStationNames(win: Win): string | undefined {
  const v = (win as unknown as { station_names?: unknown }).station_names;
  return typeof v === 'string' && v.length > 0 ? `var station_names ='${v}';` : undefined;
}
