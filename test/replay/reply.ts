// The shape every site handler of the replay server speaks: a request in, a reply out.

import type { Scenario } from './scenario';

export interface ReplayRequestIn {
  host: string;
  method: string;
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Request body (POST only), UTF-8. */
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  /** Wait this long before answering (slow-site scenarios). */
  delayMs?: number;
}

/** Server state a handler may read or update. */
export interface ReplayContext {
  scenario(): Scenario;
  /** Failed rail queries served since the failure was set (for RailScenario.failureCount). */
  railFailuresServed: number;
}

export type Handler = (req: ReplayRequestIn, ctx: ReplayContext) => Reply | Promise<Reply>;

export const HTML = 'text/html;charset=UTF-8';
export const JSON_TYPE = 'application/json;charset=UTF-8';
export const JS = 'application/javascript;charset=UTF-8';

export const notFound = (what = 'Not Found'): Reply => ({
  status: 404,
  headers: { 'content-type': HTML },
  body: `<html><head><title>404 Not Found</title></head><body><h1>${what}</h1></body></html>`,
});
