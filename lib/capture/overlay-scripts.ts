// The script each site's overlay UI is built to (entrypoints/overlay-<site>.ts): named by the
// content scripts that ask for it and by the background that runs it in their tab.
export const OVERLAY_SCRIPT = { '12306': '/overlay-12306.js', fliggy: '/overlay-fliggy.js' } as const;

export type OverlaySite = keyof typeof OVERLAY_SCRIPT;

/** The host each overlay's pages are on: the background injects a site's UI into its own pages only. */
export const OVERLAY_HOST: Record<OverlaySite, string> = { '12306': 'kyfw.12306.cn', fliggy: 'sjipiao.fliggy.com' };
