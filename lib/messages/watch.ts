// Messages of the availability watches (issue 6): overlay/popup → background.
import type { MessageDef } from '../messaging';

export const watchMessages = {} satisfies Record<string, MessageDef>;
