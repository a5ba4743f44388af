// The options page's real connection: storage items, the optional host permission for the TOP
// gateway, and the background's status message.
import { browser } from 'wxt/browser';
import { TOP_ORIGINS } from '../../lib/air/client';
import { send as sendMessage } from '../../lib/messages/search';
import { send as sendPush } from '../../lib/messages/push';
import { PUSH_ORIGINS } from '../../lib/push/channels';
import { parseSettings, settingsSchema } from '../../lib/settings';
import { captureDiagnosticsItem, settingsItem, topCredentialsItem } from '../../lib/storage';
import { startLanguage } from '../../lib/i18n/load';
import type { OptionsApi } from '../../components/options/api';

export const optionsApi: OptionsApi = {
  loadSettings: async () => parseSettings(await settingsItem.getValue()),
  applyLanguage: async (setting) => void (await startLanguage(setting)),
  saveSettings: async (s) => settingsItem.setValue(settingsSchema.parse(s)),
  loadCredentials: async () => {
    const c = await topCredentialsItem.getValue();
    return c ? { appKey: c.appKey, signMethod: c.signMethod, hasSecret: !!c.secret } : null;
  },
  saveCredentials: async ({ appKey, secret, signMethod }) => {
    const old = await topCredentialsItem.getValue();
    const keep = secret ?? old?.secret ?? '';
    await topCredentialsItem.setValue({ appKey, secret: keep, signMethod });
  },
  clearCredentials: () => topCredentialsItem.removeValue(),
  requestTopPermission: async () => {
    try {
      return await browser.permissions.request({ origins: TOP_ORIGINS });
    } catch {
      return false;
    }
  },
  hasTopPermission: async () => {
    try {
      return await browser.permissions.contains({ origins: TOP_ORIGINS });
    } catch {
      return false;
    }
  },
  diagnostics: async () => (await captureDiagnosticsItem.getValue()) ?? { entries: [], undecodable: 0, unrecognised: 0 },
  status: async () => {
    const s = await sendMessage('search.status', {});
    return {
      endpoint: s.endpoint,
      stations: s.stations,
      ...(s.blockedUntil !== undefined ? { blockedUntil: s.blockedUntil } : {}),
      ...(s.fliggyBlockedUntil !== undefined ? { fliggyBlockedUntil: s.fliggyBlockedUntil } : {}),
    };
  },
  clearAll: async () => {
    await browser.storage.local.clear();
    // The popup's remembered answers too (session storage), and the badge at once: with no
    // watches left there is nothing for it to count, and the worker may be asleep.
    await Promise.resolve()
      .then(() => browser.storage.session?.clear())
      .catch(() => undefined);
    await Promise.resolve()
      .then(() => browser.action?.setBadgeText({ text: '' }))
      .catch(() => undefined);
    await browser.permissions.remove({ origins: [...TOP_ORIGINS, ...PUSH_ORIGINS] }).catch(() => false);
  },
  pushList: () => sendPush('push.list', {}),
  pushSave: async ({ enabled, channel }) => sendPush('push.save', { enabled, channel: channel as never }),
  pushEnable: async (id, enabled) => void (await sendPush('push.enable', { id, enabled })),
  pushRemove: async (id) => void (await sendPush('push.remove', { id })),
  pushTest: (id) => sendPush('push.test', { id }),
  requestOrigin: async (origin) => {
    try {
      return await browser.permissions.request({ origins: [origin] });
    } catch {
      return false;
    }
  },
  download: (name, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  now: () => Date.now(),
};
