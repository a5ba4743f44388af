// The replay server: one listener on loopback (HTTPS, and plain HTTP on the same port) standing in
// for every site RailAir talks to, routed by the Host header — 12306 (kyfw.12306.cn, www.12306.cn),
// Fliggy (sjipiao.fliggy.com) and the Taobao Open Platform gateway (gw.api.taobao.com,
// eco.taobao.com). Chromium reaches it through --host-resolver-rules (see hostResolverRules), so
// pages keep their real origins and URLs.
// The API is documented at the top of test/e2e/harness.ts.

import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { selfSignedCertificate, REPLAY_HOSTS } from './cert';
import { applyPatch, defaultScenario, type Scenario, type ScenarioPatch } from './scenario';
import type { SeatClassId } from '../../lib/model';
import type { Handler, Reply, ReplayContext, ReplayRequestIn } from './reply';
import { handle12306, handleWww12306 } from './rail';
import { handleFliggy } from './fliggy';
import { handleTop } from './top';
import { PUSH_HOSTS, pushHandler, type ReceivedPush } from './push';

export type { Scenario, ScenarioPatch } from './scenario';
export type { ReceivedPush } from './push';
export type ReplayHost = (typeof REPLAY_HOSTS)[number];
export { REPLAY_HOSTS };

/** One request the server saw (in arrival order). */
export interface ReplayRequest {
  host: string;
  /** 'https' normally; 'http' when a client used http:// (served on the same port). */
  scheme: 'https' | 'http';
  method: string;
  /** Path without the query string: /otn/leftTicket/queryZ */
  path: string;
  /** Decoded query parameters (last value wins). */
  query: Record<string, string>;
  /** Epoch ms of arrival. */
  at: number;
  /** Status the server answered with (set once answered). */
  status?: number;
  /** Lower-cased request headers. */
  headers: Record<string, string>;
}

export interface StartReplayOptions {
  /** Initial scenario changes on top of the defaults. */
  scenario?: ScenarioPatch;
  /** Port to listen on (default: a free one). */
  port?: number;
  /** Print one line per request to stderr. */
  verbose?: boolean;
}

export interface Replay {
  port: number;
  /** The URL a browser launched with hostResolverRules(port) uses: https://host/path (no port). */
  url(host: ReplayHost, path: string): string;
  /** https://127.0.0.1:PORT/path, for Node-side checks (send the Host header yourself). */
  directUrl(path: string): string;
  readonly scenario: Scenario;
  setScenario(patch: ScenarioPatch): void;
  resetScenario(): void;
  /** Shorthand for setScenario({ rail: { seats: { [code]: seats } } }); with `date`, for that day only (key `G101@yyyy-MM-dd`). */
  setSeats(code: string, seats: Partial<Record<SeatClassId, string>>, date?: string): void;
  readonly requests: ReplayRequest[];
  /** Every push the push services' stand-ins accepted, in order (what a phone would show). */
  readonly pushes: ReceivedPush[];
  /** The left-ticket queries (kyfw.12306.cn /otn/leftTicket/query*), in order. */
  railQueries(): ReplayRequest[];
  clearRequests(): void;
  /** Resolves with the first request (already seen or future) matching `pred`. */
  waitForRequest(pred: (r: ReplayRequest) => boolean, timeoutMs?: number): Promise<ReplayRequest>;
  close(): Promise<void>;
}

export function isRailQuery(r: ReplayRequest): boolean {
  return r.host === 'kyfw.12306.cn' && /^\/otn\/leftTicket\/query[A-Za-z]*$/.test(r.path);
}

/** --host-resolver-rules value sending every replayed host to 127.0.0.1:port. */
export function hostResolverRules(port: number): string {
  return REPLAY_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
}

function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startReplay(opts: StartReplayOptions = {}): Promise<Replay> {
  let scenario = opts.scenario ? applyPatch(defaultScenario(), opts.scenario) : defaultScenario();
  const requests: ReplayRequest[] = [];
  const waiters = new Set<{ pred: (r: ReplayRequest) => boolean; resolve: (r: ReplayRequest) => void }>();
  const ctx: ReplayContext = { scenario: () => scenario, railFailuresServed: 0 };

  const routes: Record<string, Handler> = {
    'kyfw.12306.cn': handle12306,
    'www.12306.cn': handleWww12306,
    'sjipiao.fliggy.com': handleFliggy,
    'gw.api.taobao.com': handleTop,
    'eco.taobao.com': handleTop,
  };
  const pushes: ReceivedPush[] = [];
  const onPush = pushHandler(pushes);
  for (const h of PUSH_HOSTS) routes[h] = onPush;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = hostOf(req);
    const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const logged: ReplayRequest = {
      host,
      scheme: 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http',
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      at: Date.now(),
      headers,
    };
    requests.push(logged);
    for (const w of waiters) {
      if (w.pred(logged)) {
        waiters.delete(w);
        w.resolve(logged);
      }
    }
    const input: ReplayRequestIn = {
      host,
      method: logged.method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: req.method === 'POST' ? await readBody(req) : '',
    };
    let reply: Reply;
    try {
      const handler = routes[host];
      reply = handler ? await handler(input, ctx) : { status: 421, body: `replay: unknown host ${host}\n` };
    } catch (e) {
      reply = { status: 500, body: `replay error: ${e instanceof Error ? e.stack : String(e)}\n` };
    }
    if (reply.delayMs) await sleep(reply.delayMs);
    logged.status = reply.status;
    if (opts.verbose) console.error(`[replay] ${logged.method} ${host}${req.url} → ${reply.status}`);
    res.writeHead(reply.status, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-cache',
      ...reply.headers,
    });
    res.end(reply.body ?? '');
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(e));
    });
  };
  // HTTPS and plain HTTP on the same port (a TLS handshake starts with byte 0x16), so a client
  // using http:// (as TOP's documented gateway URL does) reaches the replay through the same rules.
  const httpsServer = createHttpsServer(selfSignedCertificate(), handler);
  const httpServer = createHttpServer(handler);
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? httpsServer : httpServer).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: (host, path) => `https://${host}${path.startsWith('/') ? path : `/${path}`}`,
    directUrl: (path) => `https://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
    get scenario() {
      return scenario;
    },
    setScenario(patch) {
      if (patch.rail && ('failure' in patch.rail || 'failureCount' in patch.rail)) ctx.railFailuresServed = 0;
      scenario = applyPatch(scenario, patch);
    },
    resetScenario() {
      ctx.railFailuresServed = 0;
      scenario = defaultScenario();
    },
    setSeats(code, seats, date) {
      scenario = applyPatch(scenario, { rail: { seats: { [date ? `${code}@${date}` : code]: seats } } });
    },
    requests,
    pushes,
    railQueries: () => requests.filter(isRailQuery),
    clearRequests() {
      requests.length = 0;
    },
    waitForRequest(pred, timeoutMs = 10_000) {
      const seen = requests.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = {
          pred,
          resolve: (r: ReplayRequest) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`replay: no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(w);
      });
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
    },
  };
}
