// What the overlays keep: each site's panel collapsed or not (local:overlayState), and the tabs
// showing a panel (session:overlayTabs), told when the stored captures change.

export type OverlaySite = '12306' | 'fliggy';

export interface OverlayState {
  collapsed: Partial<Record<OverlaySite, boolean>>;
}

export const EMPTY_OVERLAY_STATE: OverlayState = { collapsed: {} };

/** Tab ids; the session area forgets them with the browser session. */
export type OverlayTabIds = number[];
