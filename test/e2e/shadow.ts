// Reading and clicking inside RailAir's closed shadow roots from a Chromium e2e test (documented
// at the top of harness.ts). Playwright's locators pierce open roots only, and a page script sees
// `host.shadowRoot === null`, so the test goes through the DevTools protocol instead:
// DOM.getDocument({ pierce: true }) lists every shadow root, closed ones included; each is
// resolved to a handle (DOM.resolveNode) and a function runs over them (Runtime.callFunctionOn).
// Clicks are real input (page.mouse at the element's centre), so the extension sees a trusted
// event, as from the user; nothing here opens a root or changes the build.
import type { CDPSession, Page } from 'playwright-core';

interface CdpNode {
  backendNodeId: number;
  nodeName?: string;
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
  templateContent?: CdpNode;
}
interface RemoteObject {
  objectId?: string;
  value?: unknown;
}

const GROUP = 'railair-shadow';
const sessions = new WeakMap<Page, Promise<CDPSession>>();
const session = (page: Page) => {
  let s = sessions.get(page);
  if (!s) sessions.set(page, (s = page.context().newCDPSession(page)));
  return s;
};

/** Every author shadow root in the page's main frame (open and closed), in document order. */
function rootsOf(node: CdpNode, out: number[] = []): number[] {
  for (const r of node.shadowRoots ?? []) {
    if (r.shadowRootType !== 'user-agent') out.push(r.backendNodeId);
    rootsOf(r, out);
  }
  for (const c of node.children ?? []) rootsOf(c, out);
  return out;
}

/**
 * Runs in the page (its source is sent, so it uses only its parameters): the elements `segments`
 * find through `roots` (see evalDeep), handed to `each`. Shared with the Firefox suite's helper.
 */
export function deepQuery(this: Document, segments: string[], each: (els: Element[], arg: unknown, roots: ShadowRoot[]) => unknown, fnArg: unknown, roots: ShadowRoot[]): unknown {
  // The host a node hangs under, across roots: a root's parent is its host.
  const up = (n: Node): Node | null => (n instanceof ShadowRoot ? n.host : n.parentNode);
  const within = (scope: Node, n: Node | null) => {
    for (; n; n = up(n)) if (n === scope) return true;
    return false;
  };
  const deep = (scope: Document | Element, sel: string) => [
    ...Array.from(scope.querySelectorAll(sel)),
    ...roots.filter((r) => within(scope, r.host)).flatMap((r) => Array.from(r.querySelectorAll(sel))),
  ];
  let found: Element[] = [];
  segments.forEach((sel, i) => {
    const scopes: Array<Document | Element> = i === 0 ? [this] : found;
    found = [...new Set(scopes.flatMap((s) => deep(s, sel)))];
  });
  return each(found, fnArg, roots);
}

/** A selector's segments (' >>> ' between them). */
export const segmentsOf = (selector: string) => selector.split('>>>').map((s) => s.trim());

/**
 * Runs `fn(matches, arg, roots)` in the page, `matches` being the elements `selector` finds through
 * every shadow root, `roots` every author shadow root in the page (closed ones included).
 * `selector` is CSS segments joined by ` >>> `: each segment is looked for deep under the previous
 * one's matches (in their light DOM and in every shadow root below them, nested roots included);
 * the first under the document.
 */
async function evalDeep<T, A>(page: Page, selector: string, fn: (els: Element[], arg: A, roots: ShadowRoot[]) => T, arg?: A): Promise<T> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  try {
    const handles: RemoteObject[] = [];
    for (const backendNodeId of [root.backendNodeId, ...rootsOf(root)]) {
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId, objectGroup: GROUP })) as { object: RemoteObject };
      handles.push(object);
    }
    const [doc, ...roots] = handles;
    const segments = segmentsOf(selector);
    const { result, exceptionDetails } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: doc!.objectId!,
      // One declaration holding both functions' sources (no eval in the page: its CSP may forbid it).
      functionDeclaration: `function (segments, arg, ...roots) { return (${deepQuery.toString()}).call(this, segments, (${fn.toString()}), arg, roots); }`,
      arguments: [{ value: segments }, { value: arg ?? null }, ...roots.map((r) => ({ objectId: r.objectId! }))],
      returnByValue: true,
      awaitPromise: true,
    })) as { result: RemoteObject; exceptionDetails?: { exception?: { description?: string }; text: string } };
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: GROUP }).catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeout: number): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    // A navigation may swap the document under a read: try again until the time is up.
    const v = await read().catch((e: unknown) => e as T);
    if (!(v instanceof Error) && done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${v instanceof Error ? `: ${v.message}` : ''}`);
    await sleep(150);
  }
}

export interface Shadow {
  /**
   * `fn` over every element `selector` finds (through closed roots), with every shadow root in the
   * page (`root.host`, `root.mode`); `fn` is serialized, so it uses only its parameters.
   */
  evalAll<T, A = undefined>(selector: string, fn: (els: Element[], arg: A, roots: ShadowRoot[]) => T, arg?: A): Promise<T>;
  count(selector: string): Promise<number>;
  /** The first match's textContent (innerText with `{ inner: true }`); null when nothing matches. */
  text(selector: string, opts?: { inner?: boolean }): Promise<string | null>;
  /** The first match's attribute; null when nothing matches or it has none. */
  attr(selector: string, name: string): Promise<string | null>;
  /** That attribute of every match, in order. */
  attrs(selector: string, name: string): Promise<Array<string | null>>;
  /** Waits until something matches (state 'attached', the default) or nothing does ('detached'). Default timeout 30 s. */
  waitFor(selector: string, opts?: { state?: 'attached' | 'detached'; timeout?: number }): Promise<void>;
  /** Waits for the first match, scrolls it into view and clicks its centre with the mouse: a trusted click. */
  click(selector: string, opts?: { timeout?: number }): Promise<void>;
}

/** The page's elements, closed shadow roots included (see the top of harness.ts). */
export function shadow(page: Page): Shadow {
  return shadowApi((selector, fn, arg) => evalDeep(page, selector, fn, arg), (x, y) => page.mouse.click(x, y));
}

/** The Shadow API over a browser's way to run a function on the matches and to click with the mouse (also the Firefox suite's). */
export function shadowApi(evalAll: Shadow['evalAll'], mouseClick: (x: number, y: number) => Promise<unknown>): Shadow {
  const api: Shadow = {
    evalAll,
    count: (selector) => evalAll(selector, (els) => els.length),
    text: (selector, opts) =>
      evalAll(selector, (els, inner) => (els[0] ? (inner ? (els[0] as HTMLElement).innerText : els[0].textContent) : null), opts?.inner ?? false),
    attr: (selector, name) => evalAll(selector, (els, n) => els[0]?.getAttribute(n) ?? null, name),
    attrs: (selector, name) => evalAll(selector, (els, n) => els.map((el) => el.getAttribute(n)), name),
    async waitFor(selector, opts = {}) {
      const attached = (opts.state ?? 'attached') === 'attached';
      await until(`${selector} ${attached ? 'to appear' : 'to go'}`, () => api.count(selector), (n) => (n > 0) === attached, opts.timeout ?? 30_000);
    },
    async click(selector, opts = {}) {
      await api.waitFor(selector, opts);
      const box = await evalAll(selector, (els) => {
        const el = els[0] as HTMLElement & { scrollIntoViewIfNeeded?: (center: boolean) => void };
        el.scrollIntoViewIfNeeded?.(true);
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height };
      });
      if (!box.width || !box.height) throw new Error(`${selector} has no box to click`);
      await mouseClick(box.x, box.y);
    },
  };
  return api;
}
