/**
 * Firefox e2e harness: the built firefox-mv3 extension in Debian's Firefox ESR, driven over WebDriver
 * BiDi (puppeteer-core, browser: 'firefox'), against the same replay server as the Chromium suite
 * (test/replay/, re-exported by ../e2e/harness).
 *
 *   const replay = await startReplay();
 *   const ff = await launchFirefox(replay);             // extension installed as a temporary add-on
 *   const page = await ff.page(); await page.goto(railSearchUrl(…));
 *   const popup = await ff.openPopup();                 // moz-extension://<uuid>/popup.html in a tab
 *   await ff.extensionEval(() => browser.storage.local.get()); // extension APIs, from an extension page
 *   await ff.close(); await replay.close();
 *
 * Inside our closed shadow roots: shadow(page) from ./shadow.ts, the same API and ' >>> ' selectors as
 * the Chromium suite's (../e2e/harness.ts), over BiDi (includeShadowTree: 'all'); clicks are trusted.
 *
 * How Firefox reaches the replay. Chromium maps each replayed host to 127.0.0.1:PORT with
 * --host-resolver-rules; Firefox has no host:port mapping (network.dns.localDomains only resolves a
 * name to loopback, keeping port 443, and the replay listens on a random port). So the profile
 * uses a small local HTTP proxy (startReplayProxy): every request — the pages', the content scripts'
 * and the extension background's own fetches alike — goes through it; CONNECT to a replayed host
 * is tunnelled to the replay's port (TLS stays end to end, SNI and Host intact), plain-HTTP requests
 * to a replayed host are forwarded, and anything else is refused, so the browser never reaches out.
 *
 * The replay's self-signed certificate: acceptInsecureCerts in the BiDi session. Firefox applies
 * it browser-wide (the certificate override service), so the extension's background fetches to
 * https://kyfw.12306.cn accept it too, not only the tabs the test drives.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { REPLAY_HOSTS, REPO_ROOT, type Replay } from '../e2e/harness';

export {
  startReplay,
  railSearchUrl,
  fliggySearchUrl,
  chinaTomorrow,
  chinaToday,
  trainsFor,
  flightsFor,
  REPO_ROOT,
  type Replay,
} from '../e2e/harness';

export const FIREFOX_EXTENSION_DIR = join(REPO_ROOT, '.output', 'firefox-mv3');

/** Debian's Firefox ESR: $FIREFOX_PATH, else /usr/bin/firefox-esr. */
export function firefoxPath(): string {
  return process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
}

/**
 * A fixed moz-extension UUID: Firefox gives each add-on a random one at install, unless the
 * extensions.webextensions.uuids pref already names one for its id — then tests know the URL of
 * popup.html before installing.
 */
const EXTENSION_UUID = '6f5b9c1e-2a41-4d6b-9a63-7c2f0e1d3b58';

export interface ReplayProxy {
  port: number;
  close(): Promise<void>;
}

/** The HTTP proxy that routes the replayed hosts to the replay's port (see the file comment). */
export async function startReplayProxy(replay: Replay): Promise<ReplayProxy> {
  const replayed = new Set<string>(REPLAY_HOSTS);
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res) => {
    // Plain HTTP through a proxy: the request line holds the absolute URL.
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!replayed.has(url.hostname)) {
      res.writeHead(403).end('not a replayed host');
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port: replay.port, method: req.method, path: url.pathname + url.search, headers: { ...req.headers, host: url.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!replayed.has(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(replay.port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Navigates a tab to an extension page. page.goto() never resolves there: Firefox loads
 * moz-extension:// documents in the extension process, and puppeteer waits for a load event of
 * the navigation it started that BiDi does not report across that switch. So the BiDi navigate
 * command is sent without waiting (readiness 'none'), and the test waits for the document itself.
 */
export async function openExtensionPage(page: Page, url: string): Promise<void> {
  // BidiFrame.browsingContext is puppeteer's BiDi core object (public on the class, not in Frame's type).
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<void> } };
  await frame.browsingContext.navigate(url, 'none');
  await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', { timeout: 15_000 }, url);
}

export interface LaunchedFirefox {
  browser: Browser;
  /** The gecko id from the manifest. */
  extensionId: string;
  extensionUrl(path: string): string;
  page(): Promise<Page>;
  openPopup(): Promise<Page>;
  /** Runs `fn` in an extension page (popup.html): the WebExtension APIs as `browser` / `chrome`. */
  extensionEval<T>(fn: (arg: any) => Promise<T> | T, arg?: unknown): Promise<T>;
  /**
   * Reloads the add-on (runtime.reload), as Firefox does on an update: the background script starts
   * afresh, its memory gone (the 12306 client's cache with it), storage kept.
   */
  reloadExtension(): Promise<void>;
  /** Polls extensionEval(fn, arg) until it gives a truthy value (captures travel tap → content script → background). */
  extensionPoll<T>(fn: (arg: any) => Promise<T> | T, arg?: unknown, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export async function launchFirefox(replay: Replay, opts: { extensionPath?: string; headless?: boolean } = {}): Promise<LaunchedFirefox> {
  const extensionPath = opts.extensionPath ?? FIREFOX_EXTENSION_DIR;
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const extensionId = manifest.browser_specific_settings.gecko.id;
  const proxy = await startReplayProxy(replay);
  const profile = mkdtempSync(join(tmpdir(), 'railair-firefox-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: opts.headless ?? true,
      userDataDir: profile,
      acceptInsecureCerts: true,
      dumpio: !!process.env.RAILAIR_FIREFOX_LOG,
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        // Firefox hands the proxy the host name (CONNECT kyfw.12306.cn:443): the replayed names are never
        // looked up in DNS, and nothing is exempt from the proxy.
        'network.proxy.no_proxies_on': '',
        // Notifications: headless Firefox has no desktop to show system ones (no D-Bus), so they are
        // closed the moment they are created and notifications.getAll() is empty at once. Firefox's
        // own alert windows are shown headless too, and stay open long enough for a test to read.
        'alerts.useSystemBackend': false,
        'alerts.totalOpenTime': 120_000,
        'intl.accept_languages': 'zh-CN,zh',
        'intl.locale.requested': 'zh-CN',
        // RAILAIR_FIREFOX_LOG=1: the pages' and the add-on's console on Firefox's stdout (with dumpio).
        'devtools.console.stdout.content': !!process.env.RAILAIR_FIREFOX_LOG,
        'devtools.console.stdout.chrome': !!process.env.RAILAIR_FIREFOX_LOG,
        'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: EXTENSION_UUID }),
      },
      // MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: without it, WebDriver BiDi refuses to navigate a tab to a
      // moz-extension:// URL ("not allowed in this context"), and popup.html is such a URL.
      env: { ...process.env, TZ: 'Asia/Shanghai', MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    });
  } catch (e) {
    await proxy.close();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`could not start Firefox at ${firefoxPath()} (set FIREFOX_PATH): ${String(e)}`);
  }
  const cleanUp = async () => {
    await browser.close().catch(() => undefined);
    await proxy.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  // A temporary add-on (BiDi webExtension.install): unsigned builds load, and it goes with the profile.
  const installed = await browser.installExtension(extensionPath).catch(async (e: unknown) => {
    await cleanUp();
    throw new Error(`Firefox refused the add-on at ${extensionPath}: ${String(e)}`);
  });
  if (installed !== extensionId) {
    await cleanUp();
    throw new Error(`installed ${installed}, expected ${extensionId}`);
  }

  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
  let helper: Page | undefined;
  const openPopup = async () => {
    const page = await browser.newPage();
    await openExtensionPage(page, extensionUrl('popup.html'));
    return page;
  };

  const extensionEval = async <T>(fn: (arg: any) => Promise<T> | T, arg?: unknown): Promise<T> => {
    if (!helper || helper.isClosed()) helper = await openPopup();
    return (await helper.evaluate(fn as never, arg)) as T;
  };

  return {
    browser,
    extensionId,
    extensionUrl,
    page: () => browser.newPage(),
    openPopup,
    extensionEval,
    async extensionPoll(fn, arg, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const v = await extensionEval(fn, arg);
        if (v) return v;
        if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${fn.toString().slice(0, 200)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async reloadExtension() {
      const old = helper;
      helper = undefined;
      if (!old || old.isClosed()) throw new Error('reloadExtension: no extension page open');
      // The page goes away with the add-on it belongs to: the evaluate may never answer.
      await Promise.race([old.evaluate(() => (globalThis as any).browser.runtime.reload()).catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
      await old.close().catch(() => undefined);
      // Back when its pages load again.
      const end = Date.now() + 15_000;
      for (;;) {
        try {
          helper = await openPopup();
          return;
        } catch (e) {
          if (Date.now() > end) throw e;
        }
      }
    },
    close: cleanUp,
  };
}
