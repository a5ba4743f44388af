// @vitest-environment happy-dom
// The panel's reserved place: one slot per anchor, a shadow host with nothing in the page's DOM,
// its height fixed by the panel's state.
import { describe, expect, it } from 'vitest';
import { OVERLAY_ATTR, placeSlot, SLOT_HEIGHT, sizeSlot, slotMount } from '../../../components/overlay/slot';
import { shadowRoots } from '../../support/shadow-roots';

const rootOf = shadowRoots();

describe('panel slot', () => {
  it('goes right after the anchor once, as a shadow host of fixed height', () => {
    document.body.innerHTML = '<div id="bar"></div><table id="t"></table>';
    const bar = document.getElementById('bar')!;
    const slot = placeSlot(bar, false);
    expect(bar.nextElementSibling).toBe(slot);
    expect(slot.getAttribute(OVERLAY_ATTR)).toBe('slot');
    expect(slot.style.height).toBe(`${SLOT_HEIGHT.expanded}px`);
    expect(slot.childNodes).toHaveLength(0);
    // Closed: the page finds no root; the panel mounts inside it all the same.
    expect(slot.shadowRoot).toBeNull();
    expect(slotMount(slot).parentNode).toBe(rootOf(slot));
    expect(placeSlot(bar, true)).toBe(slot);
    expect(document.querySelectorAll(`[${OVERLAY_ATTR}]`)).toHaveLength(1);
  });

  it('takes the collapsed height when the user collapses the panel', () => {
    document.body.innerHTML = '<div id="bar"></div>';
    const slot = placeSlot(document.getElementById('bar')!, true);
    expect(slot.style.height).toBe(`${SLOT_HEIGHT.collapsed}px`);
    sizeSlot(slot, false);
    expect(slot.style.height).toBe(`${SLOT_HEIGHT.expanded}px`);
  });
});
