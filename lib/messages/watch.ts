// Messages of the availability watches (issue 6): overlay/popup → background.
import { z } from 'zod';
import type { MessageDef } from '../messaging';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const station = z.object({ telecode: z.string().regex(/^[A-Z]{3}$/), name: z.string().max(32).optional() });
const seatClass = z.enum(['swz', 'tz', 'zy', 'gg', 'ze', 'gr', 'rw', 'srrb', 'yw', 'rz', 'yz', 'wz', 'qt']);

export const watchMessages = {
  /** One click on a bell: watch this train (or these trains) for seats of these classes. */
  'watch.create': {
    req: z.object({
      date,
      from: station,
      to: station,
      /** Train codes people use (G101); empty = any train matching the filter. */
      trains: z.array(z.string().max(8)).max(50),
      /** 12306 internal train numbers, when known (more exact than the code). */
      trainNos: z.array(z.string().max(16)).max(50).optional(),
      classes: z.array(seatClass).min(1),
      seats: z.number().int().min(1).max(9).default(1),
      origin: z.enum(['overlay', 'popup']).optional(),
    }),
    res: z.object({ id: z.string(), created: z.boolean() }),
  },
} satisfies Record<string, MessageDef>;
