// Messages of the capture and overlay feature (issue 4): content scripts → background.
import type { MessageDef } from '../messaging';

export const captureMessages = {} satisfies Record<string, MessageDef>;
