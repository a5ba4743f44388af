// What the options page needs from the extension; the real one is entrypoints/options/api.ts,
// tests pass a fake. The Taobao secret only ever goes in (saveCredentials): nothing here reads
// it back, so the page can never show or log it.
import type { Diagnostics } from '../../lib/store/diagnostics';
import type { SignMethod } from '../../lib/air/client';
import type { Settings } from '../../lib/settings';
import type { PushChannelView } from '../../lib/messages/push';
import type { PushRes } from '../../lib/messages/push';

export interface CredentialsView {
  appKey: string;
  signMethod: SignMethod;
  /** A secret is stored (its value is never shown). */
  hasSecret: boolean;
}

export interface ClientStatus {
  endpoint: { name: string; source: string; at: number; lastPath?: { via: 'worker' | 'tab'; at: number } };
  blockedUntil?: number;
  /** Until when Fliggy's live search is held. */
  fliggyBlockedUntil?: number;
  stations: { count: number; version?: string; fetchedAt?: number; lastError?: string };
}

export interface OptionsApi {
  loadSettings(): Promise<Settings>;
  /** Makes the page speak the language a setting means (the catalog may have to be loaded first). */
  applyLanguage(setting: Settings['language']): Promise<void>;
  saveSettings(s: Settings): Promise<void>;
  loadCredentials(): Promise<CredentialsView | null>;
  /** `secret` undefined keeps the stored one. */
  saveCredentials(c: { appKey: string; secret?: string; signMethod: SignMethod }): Promise<void>;
  clearCredentials(): Promise<void>;
  /** Must be called straight from the click (browsers require a user gesture). */
  requestTopPermission(): Promise<boolean>;
  hasTopPermission(): Promise<boolean>;
  diagnostics(): Promise<Diagnostics>;
  status(): Promise<ClientStatus | undefined>;
  clearAll(): Promise<void>;
  /** Push channels (secrets masked) and how many stored ones this build cannot read. */
  pushList(): Promise<{ channels: PushChannelView[]; unreadable: number }>;
  /** A new channel's configuration as typed (validated in the background). */
  pushSave(req: { enabled: boolean; channel: Record<string, string> }): Promise<{ id: string }>;
  pushEnable(id: string, enabled: boolean): Promise<void>;
  pushRemove(id: string): Promise<void>;
  pushTest(id: string): Promise<PushRes<'push.test'>>;
  /** Asks for one host (e.g. https://api.day.app/*); must be called straight from the click. */
  requestOrigin(origin: string): Promise<boolean>;
  /** Offers a file to download (the diagnostics export). */
  download(name: string, text: string): void;
  now(): number;
}
