// The transport of the typed runtime messages between content scripts, popup, options and the
// background: the envelope, sending, dispatching to handlers, and how errors cross. It knows no
// message: each section (lib/messages/*.ts) declares its own with zod schemas and gets its own
// typed send/on from `section()`, so a content script carries only the sections it imports.
//
// A request is validated once, where it enters the receiving context; a reply is validated where
// it enters the sender. Errors cross as `{ code, message: { zh, en } }`; callers branch on `code`.

import * as z from 'zod/mini';
import type { $ZodType, input, output } from 'zod/v4/core';
import { browser } from 'wxt/browser';
import type { Bilingual } from './i18n';

export interface MessageDef<Req extends $ZodType = $ZodType, Res extends $ZodType = $ZodType> {
  req: Req;
  res: Res;
}
/**
 * A message's schemas, or a function building them on first use: building zod schemas costs
 * time, and a content script must not spend it while the page loads (see `once`).
 */
export type DefSource = MessageDef | (() => MessageDef);
export type Section = Record<string, DefSource>;
type DefOf<D> = D extends () => infer R ? R : D;
export type ReqOf<S extends Section, N extends keyof S> = input<Resolved<S>[N]['req']>;
export type ResOf<S extends Section, N extends keyof S> = output<Resolved<S>[N]['res']>;

/** Builds a value on first call and keeps it (for schemas that content scripts need only later). */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

const defOf = (d: DefSource): MessageDef => (typeof d === 'function' ? d() : d);

export type { Bilingual };

/** Codes the transport itself raises; handlers may add their own by throwing a MessageError. */
export type TransportCode = 'unknown-message' | 'bad-request' | 'bad-reply' | 'no-reply' | 'no-receiver' | 'failed';

export interface WireError {
  code: string;
  message: Bilingual;
}

const envelope = once(() => z.object({ railair: z.literal(1), name: z.string(), data: z.unknown() }));
const replyEnvelope = once(() =>
  z.union([
    z.object({ ok: z.literal(true), data: z.unknown() }),
    z.object({
      ok: z.literal(false),
      error: z.object({ code: z.string().check(z.maxLength(40)), message: z.object({ zh: z.string(), en: z.string() }) }),
    }),
  ]),
);

/** The error a sender sees (and a handler may throw to choose its code and words). */
export class MessageError extends Error {
  override name = 'MessageError';
  constructor(
    readonly code: TransportCode | (string & {}),
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
}

function firstIssue(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const i = error.issues[0];
  return i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'invalid';
}

export type Sender = (message: unknown) => Promise<unknown>;
const runtimeSender: Sender = (m) => browser.runtime.sendMessage(m);

/** Sends one message of a section and validates the reply. Throws MessageError. */
async function sendOne(source: DefSource, name: string, data: unknown, send: Sender): Promise<unknown> {
  let raw: unknown;
  try {
    raw = await send({ railair: 1, name, data });
  } catch (e) {
    // The browser's own rejection (no listener, worker gone): the words stay the browser's.
    const why = e instanceof Error ? e.message : String(e);
    throw new MessageError('no-receiver', { zh: `扩展后台没有应答：${why}`, en: why });
  }
  const reply = z.safeParse(replyEnvelope(), raw);
  if (!reply.success) throw new MessageError('no-reply', { zh: `${name}：后台没有有效应答`, en: `${name}: no valid reply` });
  if (!reply.data.ok) throw new MessageError(reply.data.error.code, reply.data.error.message);
  const res = z.safeParse(defOf(source).res, reply.data.data);
  if (!res.success) {
    throw new MessageError('bad-reply', { zh: `${name}：应答格式不符`, en: `${name}: reply out of protocol: ${firstIssue(res.error)}` });
  }
  return res.data;
}

export interface SenderInfo {
  tabId?: number;
  url?: string;
}
type AnyHandler = (data: unknown, sender: SenderInfo) => unknown;

const handlers = new Map<string, { def: DefSource; handler: AnyHandler }>();
let listening = false;

function register(name: string, def: DefSource, handler: AnyHandler): () => void {
  handlers.set(name, { def, handler });
  if (!listening) {
    listening = true;
    // Synchronous undefined for messages that are not ours, so other listeners may answer them.
    browser.runtime.onMessage.addListener(((raw: unknown, sender: never) =>
      z.safeParse(envelope(), raw).success ? dispatch(raw, sender) : undefined) as never);
  }
  return () => {
    if (handlers.get(name)?.handler === handler) handlers.delete(name);
  };
}

const fail = (code: string, text: Bilingual) => ({ ok: false as const, error: { code, message: text } });

/** Routes one raw runtime message to its handler; exported for tests. */
export async function dispatch(
  raw: unknown,
  sender: { tab?: { id?: number; url?: string }; url?: string } = {},
): Promise<unknown> {
  const env = z.safeParse(envelope(), raw);
  if (!env.success) return undefined; // not ours: let other listeners answer
  const name = env.data.name;
  const entry = handlers.get(name);
  if (!entry) return fail('unknown-message', { zh: `未知消息 ${name}`, en: `unknown message ${name}` });
  const def = defOf(entry.def);
  const req = z.safeParse(def.req, env.data.data);
  if (!req.success) {
    return fail('bad-request', { zh: `${name}：请求格式不符`, en: `${name}: invalid request: ${firstIssue(req.error)}` });
  }
  let data: unknown;
  try {
    data = await entry.handler(req.data, { tabId: sender.tab?.id, url: sender.tab?.url ?? sender.url });
  } catch (e) {
    if (e instanceof MessageError) return fail(e.code, e.text);
    const why = e instanceof Error ? e.message : String(e);
    return fail('failed', { zh: `扩展后台出错：${why}`, en: why });
  }
  const res = z.safeParse(def.res, data);
  if (!res.success) return fail('bad-reply', { zh: `${name}：应答格式不符`, en: `${name}: reply out of protocol: ${firstIssue(res.error)}` });
  return { ok: true, data: res.data };
}

/** A section with every message's schemas as built (what the thunks return). */
export type Resolved<S extends Section> = { [K in keyof S]: DefOf<S[K]> extends MessageDef ? DefOf<S[K]> : never };

export type Handler<D extends MessageDef> = (
  data: output<D['req']>,
  sender: SenderInfo,
) => Promise<input<D['res']>> | input<D['res']>;

/** The typed send/on of one section of messages. */
export function section<S extends Section>(defs: S) {
  type R = Resolved<S>;
  return {
    /** Sends a message to the background (or whatever listens in the extension). */
    send<N extends keyof R & string>(name: N, data: input<R[N]['req']>, send: Sender = runtimeSender): Promise<output<R[N]['res']>> {
      return sendOne(defs[name] as DefSource, name, data, send) as Promise<output<R[N]['res']>>;
    },
    /**
     * Builds what sending `name` will need to read its reply (the reply envelope and the message's
     * schemas) now: content scripts call it in idle time, so the first send, which comes just as
     * the page renders an answer, builds nothing.
     */
    prepare(name: keyof R & string): void {
      replyEnvelope();
      defOf(defs[name] as DefSource);
    },
    /** Registers the handler for one message (background side). Returns an unregister function. */
    on<N extends keyof R & string>(name: N, handler: Handler<R[N]>): () => void {
      return register(name, defs[name] as DefSource, handler as AnyHandler);
    },
  };
}
