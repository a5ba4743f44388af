// The typed message protocol between content scripts, popup, options and the background.
// Every message is declared once here with a zod schema for its request and its response;
// both are validated where they enter a context (the receiver validates the request, the
// sender validates the response), so nothing unchecked crosses a context boundary.
//
// Each feature owns one section of `protocol` below; keep the sections in their own files
// (lib/messages/*.ts) and only spread them here.

import * as z from 'zod';
import { browser } from 'wxt/browser';
import { captureMessages } from './messages/capture';
import { searchMessages } from './messages/search';
import { watchMessages } from './messages/watch';

export interface MessageDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  req: Req;
  res: Res;
}

export const protocol = {
  ...captureMessages,
  ...searchMessages,
  ...watchMessages,
} satisfies Record<string, MessageDef>;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type Req<N extends MessageName> = z.input<Protocol[N]['req']>;
export type Res<N extends MessageName> = z.output<Protocol[N]['res']>;

const envelope = z.object({ railair: z.literal(1), name: z.string(), data: z.unknown() });
const replyEnvelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** Typed error raised by `sendMessage` when the receiver failed or answered out of protocol. */
export class MessageError extends Error {
  override name = 'MessageError';
}

type Sender = (message: unknown) => Promise<unknown>;

/** Sends a message to the background (or whatever listens in the extension). */
export async function sendMessage<N extends MessageName>(
  name: N,
  data: Req<N>,
  send: Sender = (m) => browser.runtime.sendMessage(m),
): Promise<Res<N>> {
  const def = protocol[name] as MessageDef;
  const req = def.req.parse(data);
  const raw = await send({ railair: 1, name, data: req });
  const reply = replyEnvelope.safeParse(raw);
  if (!reply.success) throw new MessageError(`${String(name)}: no valid reply`);
  if (!reply.data.ok) throw new MessageError(reply.data.error);
  const res = def.res.safeParse(reply.data.data);
  if (!res.success) throw new MessageError(`${String(name)}: reply out of protocol: ${res.error.message}`);
  return res.data as Res<N>;
}

type Handler<N extends MessageName> = (
  data: z.output<Protocol[N]['req']>,
  sender: { tabId?: number; url?: string },
) => Promise<z.input<Protocol[N]['res']>> | z.input<Protocol[N]['res']>;

const handlers = new Map<string, Handler<MessageName>>();
let listening = false;

/** Registers the handler for one message (background side). Returns an unregister function. */
export function onMessage<N extends MessageName>(name: N, handler: Handler<N>): () => void {
  handlers.set(name, handler as unknown as Handler<MessageName>);
  if (!listening) {
    listening = true;
    // Synchronous undefined for messages that are not ours, so other listeners may answer them.
    browser.runtime.onMessage.addListener(((raw: unknown, sender: never) =>
      envelope.safeParse(raw).success ? dispatch(raw, sender) : undefined) as never);
  }
  return () => handlers.delete(name);
}

/** Routes one raw runtime message to its handler; exported for tests. */
export async function dispatch(
  raw: unknown,
  sender: { tab?: { id?: number; url?: string }; url?: string } = {},
): Promise<unknown> {
  const env = envelope.safeParse(raw);
  if (!env.success) return undefined; // not ours: let other listeners answer
  const name = env.data.name as MessageName;
  const handler = handlers.get(name);
  const def = (protocol as Record<string, MessageDef>)[name];
  if (!handler || !def) return { ok: false, error: `unknown message ${name}` };
  const req = def.req.safeParse(env.data.data);
  if (!req.success) return { ok: false, error: `${name}: invalid request: ${req.error.message}` };
  try {
    const data = await handler(req.data as never, { tabId: sender.tab?.id, url: sender.tab?.url ?? sender.url });
    return { ok: true, data: def.res.parse(data) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
