// Messages of the sale-opening reminders: popup → background.
import * as z from 'zod/mini';
import '../zod-locale';
import { section, type MessageDef, type ReqOf, type ResOf } from '../messaging';
import { reminderReqSchema, reminderSchema } from '../reminders/model';

const none = z._default(z.object({}), {});
const bilingual = z.object({ zh: z.string(), en: z.string() });

export const reminderMessages = {
  /** A reminder for a date 12306 does not sell yet; refused (with why) for dates already on sale. */
  'reminder.create': {
    req: reminderReqSchema,
    res: z.union([
      z.object({ ok: z.literal(true), id: z.string(), created: z.boolean(), opensDay: z.string(), opensAt: z.optional(z.number()), remindAt: z.number() }),
      z.object({ ok: z.literal(false), error: z.object({ code: z.enum(['on-sale', 'full']), message: bilingual }) }),
    ]),
  },
  'reminder.list': { req: none, res: z.object({ reminders: z.array(reminderSchema) }) },
  'reminder.delete': { req: z.object({ id: z.string().check(z.maxLength(64)) }), res: z.object({ deleted: z.boolean() }) },
} satisfies Record<string, MessageDef | (() => MessageDef)>;

export type ReminderName = keyof typeof reminderMessages;
export type ReminderMsgReq<N extends ReminderName> = ReqOf<typeof reminderMessages, N>;
export type ReminderMsgRes<N extends ReminderName> = ResOf<typeof reminderMessages, N>;
export const { send, on } = section(reminderMessages);
