// What the panel needs from the settings, asked of the background (content scripts cannot read
// extension storage). Its own file: the content scripts ask for it early, without the UI code.
import type { Lang } from '../../lib/i18n';
import { send } from '../../lib/messages/capture';

/** The UI language and whether the user collapsed this site's panel; Chinese, expanded when the background does not answer. */
export async function overlayPrefs(site: '12306' | 'fliggy'): Promise<{ language: Lang; collapsed: boolean }> {
  try {
    return await send('overlay.prefs', { site });
  } catch {
    return { language: 'zh-CN', collapsed: false };
  }
}
