// Reading and clicking inside RailAir's closed shadow roots in Firefox, with the same API and
// selectors as the Chromium suite's (../e2e/shadow.ts, documented at the top of ../e2e/harness.ts).
// A page script sees `host.shadowRoot === null`; WebDriver BiDi serializes a node with its closed
// shadow root when asked (serializationOptions.includeShadowTree: 'all'), as a shared reference a
// later script.callFunction can take as an argument. Every host of ours carries
// data-railair-overlay, so the roots are found host by host, level by level (the panel's host sits
// inside the slot's root). Clicks are puppeteer's mouse (BiDi input actions): trusted, as the user's.
import type { Page } from 'puppeteer-core';
import { deepQuery, segmentsOf, shadowApi, type Shadow } from '../e2e/shadow';

interface BidiSession {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}
type BidiResult =
  | { type: 'success'; result: RemoteValue }
  | { type: 'exception'; exceptionDetails: { text: string } };
interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

/** puppeteer's BiDi core objects (public on BidiFrame, not in Frame's type), as harness.ts reaches them. */
function bidi(page: Page): { session: BidiSession; context: string } {
  const bc = (page.mainFrame() as unknown as { browsingContext: { id: string; userContext: { browser: { session: BidiSession } } } }).browsingContext;
  return { session: bc.userContext.browser.session, context: bc.id };
}

async function call(page: Page, fn: string, args: object[], serializationOptions?: object): Promise<RemoteValue> {
  const { session, context } = bidi(page);
  const { result } = await session.send('script.callFunction', {
    functionDeclaration: fn,
    arguments: args,
    awaitPromise: true,
    target: { context },
    ...(serializationOptions ? { serializationOptions } : {}),
  });
  if (result.type === 'exception') throw new Error(`in the page: ${result.exceptionDetails.text}`);
  return result.result;
}

/** Shared references to the closed (and open) roots of every host of ours, nested ones included. */
async function ourRoots(page: Page): Promise<string[]> {
  const found: string[] = [];
  let scopes: string[] | undefined;
  for (let level = 0; level < 6 && (!scopes || scopes.length); level++) {
    const hosts = await call(
      page,
      `function (...scopes) { return (scopes.length ? scopes : [document]).flatMap((s) => Array.from(s.querySelectorAll('[data-railair-overlay]'))); }`,
      (scopes ?? []).map((sharedId) => ({ sharedId })),
      { maxDomDepth: 1, includeShadowTree: 'all' },
    );
    const next = ((hosts.value as Array<{ value?: { shadowRoot?: RemoteValue | null } }>) ?? [])
      .map((h) => h.value?.shadowRoot?.sharedId)
      .filter((id): id is string => !!id && !found.includes(id));
    found.push(...next);
    scopes = next;
  }
  return found;
}

/** The page's elements, our closed shadow roots included. */
export function shadow(page: Page): Shadow {
  return shadowApi(
    async (selector, fn, arg) => {
      const roots = await ourRoots(page);
      const source = `function (input, ...roots) {
        const { segments, arg } = JSON.parse(input);
        return JSON.stringify((${deepQuery.toString()}).call(document, segments, (${fn.toString()}), arg, roots) ?? null);
      }`;
      const out = await call(page, source, [{ type: 'string', value: JSON.stringify({ segments: segmentsOf(selector), arg: arg ?? null }) }, ...roots.map((sharedId) => ({ sharedId }))]);
      return JSON.parse(out.value as string);
    },
    (x, y) => page.mouse.click(x, y),
  );
}
