// Taobao Open Platform app key and secret (local:topCredentials): local only, never synced,
// never logged, and storage is closed to content scripts (lib/background/storage-access.ts).

export type SignMethod = 'md5' | 'hmac-sha256';

export interface TopCredentials {
  appKey: string;
  secret: string;
  signMethod: SignMethod;
}
