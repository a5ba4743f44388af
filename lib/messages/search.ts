// Messages of the quick search, live clients and options (issue 5): popup/options → background.
import type { MessageDef } from '../messaging';

export const searchMessages = {} satisfies Record<string, MessageDef>;
