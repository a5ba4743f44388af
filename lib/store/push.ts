// The push channels the user set up (local:push): each channel's configuration with its secret
// (storage.local only: never synced, never in diagnostics or exports), whether it is on, and how
// its last send went; plus the shared cap's state (lib/push/limit.ts). Read back leniently: an
// entry this build cannot read is kept aside, not deleted, so an update can read it again.
import * as z from 'zod/mini';
import '../zod-locale';
import { pushChannelSchema } from '../push/channels';
import type { PushLimitState } from '../push/limit';

export const MAX_PUSH_CHANNELS = 10;

const bilingual = z.object({ zh: z.string(), en: z.string() });
export const pushStatusSchema = z.object({
  lastOkAt: z.optional(z.number()),
  lastError: z.optional(z.object({ at: z.number(), message: bilingual })),
});
export type PushStatus = z.infer<typeof pushStatusSchema>;

export const pushEntrySchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  enabled: z.boolean(),
  channel: pushChannelSchema(),
  status: z._default(pushStatusSchema, {}),
});
export type PushEntry = z.infer<typeof pushEntrySchema>;

const limitSchema = z.object({ sent: z.array(z.number()), keys: z.array(z.string()) });

export interface PushStore {
  channels: PushEntry[];
  limit: PushLimitState;
  /** Entries this build could not read, kept as they were. */
  unreadable?: unknown[];
}

export const EMPTY_PUSH_STORE: PushStore = { channels: [], limit: { sent: [], keys: [] } };

/** The stored value as this build reads it; nothing unreadable is lost. */
export function parsePushStore(raw: unknown): PushStore {
  if (typeof raw !== 'object' || raw === null) return { ...EMPTY_PUSH_STORE };
  const o = raw as { channels?: unknown; limit?: unknown; unreadable?: unknown };
  const channels: PushEntry[] = [];
  const unreadable: unknown[] = Array.isArray(o.unreadable) ? [...o.unreadable] : [];
  for (const c of Array.isArray(o.channels) ? o.channels : []) {
    const r = pushEntrySchema.safeParse(c);
    if (r.success) channels.push(r.data);
    else unreadable.push(c);
  }
  const limit = limitSchema.safeParse(o.limit);
  return {
    channels,
    limit: limit.success ? limit.data : { sent: [], keys: [] },
    ...(unreadable.length ? { unreadable } : {}),
  };
}
