// The worker's PageHeaders (lib/net/page-headers.ts): while a live client sends one request, a
// declarativeNetRequest session rule makes exactly that URL go out with the site's search page as
// Referer and without the extension's Origin — what the site's own page would send. A worker's
// fetch cannot do this itself (Referer is a forbidden header).
//
// Least privilege: one rule per request, matching only that URL, only requests that come from no
// tab (tabIds [-1]: the worker's own; in Chrome also initiatorDomains [our id]), only on the two
// hosts whose checks need it; removed as soon as the request settles. Session rules outlive a
// stopped worker, so rules a killed worker left behind are cleared when it starts again.
import { browser } from 'wxt/browser';
import { plainHeaders, type PageHeaders } from '../net/page-headers';

/** The only hosts whose requests get the page's headers. */
export const PAGE_HEADER_HOSTS: readonly string[] = ['kyfw.12306.cn', 'sjipiao.fliggy.com'];
/** Above any generic rule (the extension has none today; DNR's default priority is 1). */
export const PAGE_HEADER_PRIORITY = 100;
/** Our rule ids start here, so they never meet ids another part of the extension might use. */
export const FIRST_RULE_ID = 10_000;
const LAST_RULE_ID = 2_000_000_000;

/** The subset of the DNR API this needs (browser.declarativeNetRequest; tests pass a fake). */
export interface SessionRulesApi {
  updateSessionRules(options: { addRules?: DnrRule[]; removeRuleIds?: number[] }): Promise<void>;
  getSessionRules(): Promise<Array<{ id: number }>>;
}

export interface DnrRule {
  id: number;
  priority: number;
  condition: {
    urlFilter?: string;
    regexFilter?: string;
    resourceTypes: string[];
    tabIds: number[];
    initiatorDomains?: string[];
    requestMethods: string[];
  };
  action: {
    type: 'modifyHeaders';
    requestHeaders: Array<{ header: string; operation: 'set' | 'remove'; value?: string }>;
  };
}

export interface DnrPageHeadersOptions {
  dnr: SessionRulesApi;
  /**
   * Chrome: the extension's id, matched as the request's initiator. Firefox names its own
   * requests' initiator by an internal UUID (not runtime.id), so it relies on tabIds [-1] alone.
   */
  initiatorDomain?: string;
}

export class PageHeadersRefused extends Error {
  override name = 'PageHeadersRefused';
}

/** https URL on one of the allowed hosts, without credentials or port; else undefined. */
function allowedUrl(raw: string): URL | undefined {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return undefined;
  return PAGE_HEADER_HOSTS.includes(u.hostname) ? u : undefined;
}

/** 12306's left-ticket query path, whatever its current name. */
const LEFT_TICKET_PATH = /^\/otn\/leftTicket\/query[A-Za-z0-9]{0,3}$/;

/** urlFilter takes ASCII only, and `*`, `^`, `|` are its wildcards and anchors. */
const isPlainAscii = (s: string) => /^[\x21-\x7e]*$/.test(s) && !/[*^|]/.test(s);

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The condition's URL part: `|url|` (exactly this URL) when the URL has no character that
 * urlFilter treats specially, else an anchored, escaped regexFilter. Either way the URL is the
 * canonical form the browser matches against.
 */
export function exactUrlCondition(url: URL): { urlFilter: string } | { regexFilter: string } {
  const href = url.href;
  const rotated = LEFT_TICKET_PATH.exec(url.pathname);
  if (url.hostname === 'kyfw.12306.cn' && rotated) {
    // 12306 rotates the query's name with a same-host 302 (queryZ → queryY, query string kept);
    // the browser recomputes the Referer on a redirect, so the rule also covers the same query
    // under another name — nothing else (same host, same query string, a left-ticket path).
    // (A regexFilter saying "up to three letters" exceeds Chrome's 2 KB compiled-regex limit for a
    // URL this long; the wildcard stands between the fixed path prefix and the exact query string.)
    if (isPlainAscii(url.search)) return { urlFilter: `|${url.origin}/otn/leftTicket/query*${url.search}|` };
  }
  if (isPlainAscii(href)) return { urlFilter: `|${href}|` };
  return { regexFilter: `^${escapeRegex(href)}$` };
}

/** The one session rule for a request to `url` with `referer`. */
export function pageHeaderRule(id: number, url: URL, referer: string, initiatorDomain?: string): DnrRule {
  return {
    id,
    priority: PAGE_HEADER_PRIORITY,
    condition: {
      ...exactUrlCondition(url),
      resourceTypes: ['xmlhttprequest', 'other'],
      tabIds: [-1],
      ...(initiatorDomain ? { initiatorDomains: [initiatorDomain] } : {}),
      requestMethods: ['get'],
    },
    action: {
      type: 'modifyHeaders',
      requestHeaders: [
        { header: 'referer', operation: 'set', value: referer },
        { header: 'origin', operation: 'remove' },
      ],
    },
  };
}

export interface DnrPageHeaders extends PageHeaders {
  /** Resolves once the rules a previous worker left behind are cleared (around() waits for it). */
  ready: Promise<void>;
}

export function createDnrPageHeaders(opts: DnrPageHeadersOptions): DnrPageHeaders {
  const { dnr } = opts;
  // Stale rules first: an id left from a killed worker must not be reused, nor its header kept.
  const ready = (async () => {
    try {
      const stale = (await dnr.getSessionRules()).map((r) => r.id).filter((id) => id >= FIRST_RULE_ID);
      if (stale.length) await dnr.updateSessionRules({ removeRuleIds: stale });
    } catch (e) {
      console.warn('[RailAir] could not clear stale header rules', e);
    }
  })();
  let nextId = FIRST_RULE_ID;
  const live = new Set<number>();
  const takeId = () => {
    do nextId = nextId >= LAST_RULE_ID ? FIRST_RULE_ID : nextId + 1;
    while (live.has(nextId));
    live.add(nextId);
    return nextId;
  };

  return {
    ready,
    async around(url, referer, send) {
      const target = allowedUrl(url);
      const from = allowedUrl(referer);
      if (!target || !from || from.hostname !== target.hostname) {
        throw new PageHeadersRefused(`page headers only for ${PAGE_HEADER_HOSTS.join(', ')} (same host): ${url}`);
      }
      await ready;
      const id = takeId();
      try {
        await dnr.updateSessionRules({ addRules: [pageHeaderRule(id, target, from.href, opts.initiatorDomain)] });
      } catch (e) {
        // A rule the browser refused: the request still goes, as a plain one (the site decides).
        live.delete(id);
        console.warn('[RailAir] header rule refused', e);
        return send();
      }
      try {
        return await send();
      } finally {
        live.delete(id);
        await dnr.updateSessionRules({ removeRuleIds: [id] }).catch((e: unknown) => console.warn('[RailAir] header rule not removed', e));
      }
    },
  };
}

/**
 * The worker's PageHeaders for this browser: DNR session rules where the API exists, else none
 * (plainHeaders). `extensionUrl` tells Chrome (chrome-extension://) from Firefox (moz-extension://).
 */
export function pageHeadersFor(api: { declarativeNetRequest?: SessionRulesApi; runtime: { id: string; getURL(path: string): string } }): PageHeaders {
  const dnr = api.declarativeNetRequest;
  if (!dnr || typeof dnr.updateSessionRules !== 'function' || typeof dnr.getSessionRules !== 'function') return plainHeaders;
  const chrome = api.runtime.getURL('/').startsWith('chrome-extension://');
  return createDnrPageHeaders({ dnr, ...(chrome ? { initiatorDomain: api.runtime.id } : {}) });
}

/** The worker's PageHeaders over this browser's API (build it once, at worker start). */
export function browserPageHeaders(): PageHeaders {
  return pageHeadersFor(browser as unknown as Parameters<typeof pageHeadersFor>[0]);
}
