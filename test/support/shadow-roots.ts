// RailAir's shadow roots are closed (issue 15): `host.shadowRoot` is null for the page and for a
// test alike. A component test reads inside them the way our own code does, through the root
// `attachShadow` returned, which this records for every host while a test runs.
import { afterEach, beforeEach, vi, type MockInstance } from 'vitest';

export function shadowRoots(): (host: Element | null | undefined) => ShadowRoot {
  const roots = new WeakMap<Element, ShadowRoot>();
  let spy: MockInstance | undefined;
  beforeEach(() => {
    const attach = Element.prototype.attachShadow;
    spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.set(this, root);
      return root;
    });
  });
  afterEach(() => spy?.mockRestore());
  return (host) => {
    const root = host ? roots.get(host) : undefined;
    if (!root) throw new Error('no shadow root was attached to this host during the test');
    return root;
  };
}
