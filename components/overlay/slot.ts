// The panel's place on the page, reserved before the page paints its own result rows. The panel's
// UI loads later (lazy.ts), and inserting a 300 px box above a table the user is already
// reading moves every row under the pointer: a click meant for one train lands on another, and
// the page's own pop-ups (the stop list opened from a train number) no longer sit by their row.
// So the slot goes in at the moment the rows are added (in the same microtask checkpoint as the
// page's DOM write, before the browser paints) with a fixed height, and the panel fills it. Only
// the user's own actions (collapse, expand) change its height afterwards.
// Kept tiny and free of imports: it runs in the document_start content script.

/** Marks every element RailAir adds to a page (components/overlay/host.tsx re-exports it). */
export const OVERLAY_ATTR = 'data-railair-overlay';

/** The slot's height in CSS px; the panel's CSS (overlay.css, `:host([data-fixed])`) fills it. */
export const SLOT_HEIGHT = { expanded: 340, collapsed: 36 } as const;

const SLOT_TAG = 'railair-slot';

// The slot's shadow root is closed (a page script must not reach into anything of ours), so the
// slot keeps its mount in a property named after its tag (the name is reused: the overlay's
// bundle is at its size budget). It is set in the content-script world: Chromium gives each
// world its own wrapper of the element and Firefox keeps a content script's expandos on its Xray,
// so the page's own scripts never see it. The overlay's script, loaded later into the same world,
// reads it (`slotMount`).
type Slot = HTMLElement & { [SLOT_TAG]?: Element };

/** Sets the slot's height for the panel's state (called again when the user collapses or expands it). */
export function sizeSlot(slot: HTMLElement, collapsed: boolean): void {
  slot.style.height = `${collapsed ? SLOT_HEIGHT.collapsed : SLOT_HEIGHT.expanded}px`;
}

/**
 * The slot beside `anchor` (`after` it, `before` it, or as its `first` child), created once. It
 * is a shadow host like everything else we add: the panel's own shadow host is mounted inside
 * its shadow root (`slotMount`), never in the page's DOM.
 */
export function placeSlot(anchor: Element, collapsed: boolean, where: 'after' | 'before' | 'first' = 'after'): HTMLElement {
  const near = where === 'after' ? anchor.nextElementSibling : where === 'before' ? anchor.previousElementSibling : anchor.firstElementChild;
  if (near instanceof HTMLElement && near.localName === SLOT_TAG) return near;
  const doc = anchor.ownerDocument;
  const slot = doc.createElement(SLOT_TAG);
  slot.setAttribute(OVERLAY_ATTR, 'slot');
  slot.style.display = 'block';
  slot.style.margin = '8px 0';
  slot.style.overflow = 'hidden';
  sizeSlot(slot, collapsed);
  const mount = doc.createElement('div');
  mount.style.height = '100%';
  slot.attachShadow({ mode: 'closed' }).append(mount);
  (slot as Slot)[SLOT_TAG] = mount;
  if (where === 'after') anchor.after(slot);
  else if (where === 'before') anchor.before(slot);
  else anchor.prepend(slot);
  return slot;
}

/** Where the panel mounts inside a slot made by `placeSlot`. */
export function slotMount(slot: HTMLElement): Element {
  return (slot as Slot)[SLOT_TAG] ?? slot;
}

/**
 * For a content script: `reserve()` places the slot where `place()` says (nothing when it says
 * nothing), sized by the collapse preference once that has arrived; `slot()` is what it placed.
 */
export function slotReserver(
  prefs: Promise<{ collapsed: boolean }>,
  place: () => { anchor: Element; where: 'after' | 'before' | 'first' } | undefined,
): { reserve: () => void; slot: () => HTMLElement | undefined } {
  let collapsed = false;
  void prefs.then((p) => (collapsed = p.collapsed));
  let slot: HTMLElement | undefined;
  return {
    reserve() {
      const at = place();
      if (at) slot = placeSlot(at.anchor, collapsed, at.where);
    },
    slot: () => slot,
  };
}
