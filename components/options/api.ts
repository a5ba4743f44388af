// What the options page needs from the extension; the real one is entrypoints/options/api.ts,
// tests pass a fake. The Taobao secret only ever goes in (saveCredentials): nothing here reads
// it back, so the page can never show or log it.
import type { Diagnostics } from '../../lib/store/diagnostics';
import type { SignMethod } from '../../lib/air/client';
import type { Settings } from '../../lib/settings';

export interface CredentialsView {
  appKey: string;
  signMethod: SignMethod;
  /** A secret is stored (its value is never shown). */
  hasSecret: boolean;
}

export interface ClientStatus {
  endpoint: { name: string; source: string; at: number; lastPath?: { via: 'worker' | 'tab'; at: number } };
  blockedUntil?: number;
  stations: { count: number; version?: string; fetchedAt?: number; lastError?: string };
}

export interface OptionsApi {
  loadSettings(): Promise<Settings>;
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
  /** Offers a file to download (the diagnostics export). */
  download(name: string, text: string): void;
  now(): number;
}
