// What the overlays keep: each site's panel collapsed or not (local:overlayState), and the tabs
// showing a panel (session:overlayTabs), told when the stored captures change.
import * as z from 'zod/mini';
import '../zod-locale';

export const overlaySiteSchema = z.enum(['12306', 'fliggy']);
export type OverlaySite = z.infer<typeof overlaySiteSchema>;

export const overlayStateSchema = z.object({
  collapsed: z.object({ '12306': z.optional(z.boolean()), fliggy: z.optional(z.boolean()) }),
});
export type OverlayState = z.infer<typeof overlayStateSchema>;

/** Reads the stored state leniently: anything else there counts as nothing collapsed. */
export function parseOverlayState(raw: unknown): OverlayState {
  const r = overlayStateSchema.safeParse(raw);
  return r.success ? r.data : { collapsed: {} };
}

/** Tab ids; the session area forgets them with the browser session. */
export type OverlayTabIds = number[];
