// Closes extension storage to content scripts. storage.local holds the Taobao Open Platform
// secret, and Chrome's default access level lets content scripts (which run beside untrusted
// pages) read it; they get what they need through messages instead (lib/messages/capture.ts).
// setAccessLevel exists from Chrome 102; Firefox and older browsers lack it, so it is optional.
import { browser } from 'wxt/browser';

type AccessLevelArea = { setAccessLevel?: (opts: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void> | void };

/** Returns whether the restriction was applied (false where the API does not exist or refused). */
export async function restrictStorageToTrustedContexts(area: AccessLevelArea | undefined = browser.storage?.local as AccessLevelArea | undefined): Promise<boolean> {
  if (typeof area?.setAccessLevel !== 'function') return false;
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch (e) {
    console.warn('[RailAir] could not close storage to content scripts', e);
    return false;
  }
}
