// Mounting the overlays on a site's page (content-script side): the panel in a WXT shadow root
// UI, and small shadow hosts for per-row annotations. Every element we add to the page is a
// shadow host carrying `data-railair-overlay`, with all our markup and styles inside its shadow
// root, so our styles never leak out and the page's never leak in.
import { render, type ComponentChildren } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { capturesChangedEventSchema, send as sendMessage } from '../../lib/messages/capture';
import { OverlayPanel, type PanelState } from './OverlayPanel';
// The panel's styles go into its shadow root only (the overlay's script is loaded on demand, so
// the styles travel with it rather than as the content script's CSS file).
import overlayCss from './overlay.css?inline';
import { OVERLAY_ATTR, sizeSlot, slotMount } from './slot';

export { OVERLAY_ATTR } from './slot';

export interface PanelHandle {
  update(state: PanelState): void;
  /** The CSS text of the panel's shadow root, for the small row hosts. */
  css(): string;
  remove(): void;
}

export async function mountPanel(
  ctx: ContentScriptContext,
  opts: {
    site: '12306' | 'fliggy';
    /** Where the panel goes; a reserved slot (slot.ts) takes it as its first child and keeps its height fixed. */
    anchor: Element;
    append: 'after' | 'before' | 'first';
    slot?: HTMLElement;
    /** As the user left it last time (overlay.prefs). */
    collapsed: boolean;
    /** Asks for the view again: the no-data face's retry (a wait ran out, the network is back). */
    onRetry?: () => void;
  },
): Promise<PanelHandle> {
  let state: PanelState = { kind: 'loading' };
  let collapsed = opts.collapsed;
  let container: HTMLElement | undefined;

  const draw = () => {
    if (!container) return;
    render(
      <OverlayPanel
        site={opts.site}
        state={state}
        collapsed={collapsed}
        now={Date.now()}
        {...(opts.onRetry
          ? {
              onRetry: () => {
                // Say what it is doing while the background asks again.
                state = { kind: 'loading' };
                draw();
                opts.onRetry?.();
              },
            }
          : {})}
        onToggle={() => {
          collapsed = !collapsed;
          // The user's own action: the only time the slot's height changes.
          if (opts.slot) sizeSlot(opts.slot, collapsed);
          draw();
          // Remembered by the background (content scripts have no storage access).
          void sendMessage('overlay.collapse', { site: opts.site, collapsed }).catch(() => undefined);
        }}
      />,
      container,
    );
  };

  const ui = await createShadowRootUi(ctx, {
    name: 'railair-panel',
    css: overlayCss,
    position: 'inline',
    // Closed: a page script finds no `shadowRoot` on our host, so it can neither read the panel
    // nor click inside it: the page cannot act for the user.
    mode: 'closed',
    anchor: opts.slot ? slotMount(opts.slot) : opts.anchor,
    append: opts.slot ? 'first' : opts.append,
    // Keys typed in our panel are ours: the page's shortcuts must not see them.
    isolateEvents: true,
    onMount(uiContainer, _shadow, shadowHost) {
      shadowHost.setAttribute(OVERLAY_ATTR, opts.site);
      shadowHost.style.display = 'block';
      if (opts.slot) {
        // Fills the reserved slot (overlay.css: `:host([data-fixed])`), scrolling inside it.
        shadowHost.setAttribute('data-fixed', '');
        shadowHost.style.height = '100%';
        sizeSlot(opts.slot, collapsed);
      }
      container = uiContainer;
      draw();
    },
    onRemove() {
      if (container) render(null, container);
      container = undefined;
    },
  });
  ui.mount();

  return {
    update(next) {
      state = next;
      draw();
    },
    css() {
      // The one <style> WXT puts in the root's head: its reset and overlay.css.
      return ui.shadow.querySelector('style')?.textContent ?? '';
    },
    remove: () => ui.remove(),
  };
}

export { overlayPrefs } from './prefs';

/**
 * Calls `onChange` when the background says the stored captures changed (a search in another
 * tab). Messages are validated; anything else is left to other listeners.
 */
type MessageEvents = { onMessage: { addListener(l: never): void; removeListener(l: never): void } };

export function onCapturesChanged(onChange: () => void, runtime: MessageEvents = browser.runtime as unknown as MessageEvents): () => void {
  const listener = (message: unknown) => {
    if (!capturesChangedEventSchema().safeParse(message).success) return undefined;
    onChange();
    return Promise.resolve({ ok: true });
  };
  runtime.onMessage.addListener(listener as never);
  return () => runtime.onMessage.removeListener(listener as never);
}

/**
 * A small inline shadow host (row note, bell) rendering `node`; returns a function removing it.
 * `float`: taken out of the page's flow (absolutely positioned where it would have been), so it
 * can never make a row taller and move the rows below it.
 */
export function inlineHost(parent: Element, kind: string, css: string, node: ComponentChildren, float = false): () => void {
  const host = parent.ownerDocument.createElement('railair-note');
  host.setAttribute(OVERLAY_ATTR, kind);
  host.style.display = 'inline-block';
  if (float) host.setAttribute('data-float', '');
  // Closed, like every root of ours: the page cannot reach the bell inside to click it.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = parent.ownerDocument.createElement('style');
  style.textContent = css;
  const box = parent.ownerDocument.createElement('span');
  shadow.append(style, box);
  parent.append(host);
  render(node, box);
  return () => {
    render(null, box);
    host.remove();
  };
}

/** True when every node a mutation record adds or removes is one of our hosts (our own writes). */
export function isOwnMutation(record: MutationRecord): boolean {
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every((n) => n instanceof Element && n.hasAttribute(OVERLAY_ATTR));
}

/** The bell's request (shared with the popup). */
export { requestWatch } from '../common/watch-request';

export { domReady } from './idle';
