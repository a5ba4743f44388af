// The hand-over from the MAIN-world tap to the isolated content script.
//
// Why this channel: a MAIN-world script shares everything with the page, so no channel out of it
// can be secret (the page could read any token we agreed on). We therefore do not pretend: the
// tap dispatches a CustomEvent with a unique type on `document`, carrying one string (strings
// cross the world boundary in Chrome and Firefox; objects do not): a one-line JSON header, a
// newline, then the body exactly as the page received it. The body is never JSON-encoded or
// parsed on the page's thread: the isolated script reads the small header and hands the body on
// as it is, to be validated once where it enters the worker. The page never sees it unless
// it listens for this exact type, so its own handlers are not disturbed (unlike `postMessage`,
// which every `message` listener of the page would receive). The isolated script treats every
// event as untrusted page data — exactly as trustworthy as what the page itself displays — and
// validates the header with zod and the body's size (lib/capture/schema.ts) before passing it on.

import type { CaptureKind } from './urls';

export const CAPTURE_EVENT = 'railair:capture:v1';

/** Bodies longer than this (UTF-16 code units) are not copied; the tap reports their size instead. */
export const MAX_BODY_CHARS = 2 * 1024 * 1024;

/** What the tap hands over. `body` is the response text exactly as the page received it. */
export interface TapMessage {
  v: 1;
  kind: CaptureKind;
  /** The URL the page asked for (absolute). */
  url: string;
  /** The URL that answered, after redirects, when known. */
  responseUrl?: string;
  /** HTTP status; 200 for JSONP (a script that ran). */
  status: number;
  body: string;
  /** Set when the body was over MAX_BODY_CHARS and not copied: its length. */
  tooLarge?: number;
  /** When the tap saw it (page clock, for information only). */
  at: number;
}

export type Emit = (message: TapMessage) => void;

/** The event's detail: the header as one line of JSON (JSON.stringify escapes newlines), '\n', the body. */
export function encodeTapDetail(message: TapMessage): string {
  const { body, ...header } = message;
  return `${JSON.stringify(header)}\n${body}`;
}

/** The tap's sender: one CustomEvent per capture on `doc`. */
export function documentEmitter(doc: Document, Custom: typeof CustomEvent = CustomEvent): Emit {
  return (message) => {
    doc.dispatchEvent(new Custom(CAPTURE_EVENT, { detail: encodeTapDetail(message) }));
  };
}
