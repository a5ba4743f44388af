// Messages of the push channels: options page → background. Secrets only ever go in (push.save):
// what comes back names each channel by its kind, server and masked key.
import * as z from 'zod/mini';
import '../zod-locale';
import { section, type MessageDef, type ReqOf, type ResOf } from '../messaging';
import { pushChannelSchema } from '../push/channels';
import { pushStatusSchema } from '../store/push';

const id = z.object({ id: z.string().check(z.minLength(1), z.maxLength(40)) });
const none = z._default(z.object({}), {});
const bilingual = z.object({ zh: z.string(), en: z.string() });

export const pushChannelViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  enabled: z.boolean(),
  /** Where it sends and to whom, secrets masked: "api.day.app · ••••••••a1b2". */
  summary: z.string(),
  /** The host permission it needs. */
  origin: z.string(),
  status: pushStatusSchema,
});
export type PushChannelView = z.infer<typeof pushChannelViewSchema>;

const outcome = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: bilingual }) }),
]);

export const pushMessages = {
  'push.list': { req: none, res: z.object({ channels: z.array(pushChannelViewSchema), unreadable: z.number() }) },
  /** Adds a channel (or replaces the one with `id`); the options page asked for its host first. */
  'push.save': {
    req: z.object({ id: z.optional(z.string().check(z.maxLength(40))), enabled: z.boolean(), channel: pushChannelSchema() }),
    res: z.object({ id: z.string() }),
  },
  'push.enable': { req: z.extend(id, { enabled: z.boolean() }), res: z.object({ ok: z.boolean() }) },
  'push.remove': { req: id, res: z.object({ removed: z.boolean() }) },
  /** Sends a test message on one channel now (not counted against the cap). */
  'push.test': { req: id, res: outcome },
} satisfies Record<string, MessageDef | (() => MessageDef)>;

export type PushName = keyof typeof pushMessages;
export type PushReq<N extends PushName> = ReqOf<typeof pushMessages, N>;
export type PushRes<N extends PushName> = ResOf<typeof pushMessages, N>;
export const { send, on } = section(pushMessages);
