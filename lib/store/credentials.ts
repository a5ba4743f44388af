// Taobao Open Platform app key and secret (local:topCredentials): local only, never synced,
// never logged, and storage is closed to content scripts (lib/background/storage-access.ts).
import * as z from 'zod/mini';
import '../zod-locale';

export const signMethodSchema = z.enum(['md5', 'hmac-sha256']);
export type SignMethod = z.infer<typeof signMethodSchema>;

export const topCredentialsSchema = z.object({
  appKey: z.string(),
  secret: z.string(),
  signMethod: signMethodSchema,
});
export type TopCredentials = z.infer<typeof topCredentialsSchema>;
