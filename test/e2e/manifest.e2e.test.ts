// Least privilege, as built: the permissions and hosts each manifest asks for are exactly the
// ones the shipped features use, nothing of ours is web-accessible to the sites' pages, and the
// Firefox build declares what it collects (nothing).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, REPO_ROOT } from './harness';
import { PUSH_ORIGINS } from '../../lib/push/channels';

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const FIREFOX_DIR = join(REPO_ROOT, '.output/firefox-mv3');

describe('built manifests', () => {
  it('Chromium: storage, alarms, notifications, scripting, declarativeNetRequestWithHostAccess (no install warning); 12306 and Fliggy search hosts; the Taobao gateway only on request', () => {
    const m = read(EXTENSION_DIR);
    expect(m.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting', 'declarativeNetRequestWithHostAccess']);
    expect(m.host_permissions).toEqual(['https://kyfw.12306.cn/*', 'https://sjipiao.fliggy.com/*']);
    // Each asked for at run time: the Taobao gateway, the push services (any https origin for a self-hosted Bark or ntfy).
    expect(m.optional_host_permissions).toEqual(['https://gw.api.taobao.com/*', ...PUSH_ORIGINS, 'https://*/*']);
    // A site could fetch a web-accessible file to detect the extension: the overlays' UI is injected by the worker instead.
    expect(m.web_accessible_resources).toBeUndefined();
  });

  it.runIf(existsSync(join(FIREFOX_DIR, 'manifest.json')))('Firefox: the same permissions, an id, and no data collected', () => {
    const m = read(FIREFOX_DIR);
    expect(m.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting', 'declarativeNetRequestWithHostAccess']);
    expect(m.host_permissions).toEqual(['https://kyfw.12306.cn/*', 'https://sjipiao.fliggy.com/*']);
    expect(m.browser_specific_settings).toMatchObject({
      gecko: { id: 'railair@railair.dev', data_collection_permissions: { required: ['none'] } },
    });
  });
});
