// The left-ticket endpoint's name rotates (query, queryA, queryO, queryX, queryZ, queryG, …).
// We learn it from the search page (`var CLeftTicketUrl = '…'`), from `c_url` answers and from
// redirects to a new name, and remember the latest so the next worker start does not guess.
import type { EpochMs } from '../model';

/** What 12306 used in 2026; only used when nothing better is known. */
export const DEFAULT_ENDPOINT = 'leftTicket/queryG';

const NAME_RE = /^leftTicket\/query[A-Za-z0-9_]{0,12}$/;

export function isEndpointName(s: string): boolean {
  return NAME_RE.test(s);
}

/** `var CLeftTicketUrl = 'leftTicket/queryZ';` in the init page. */
export function parseCLeftTicketUrl(html: string): string | undefined {
  const m = /CLeftTicketUrl\s*=\s*['"]([^'"]+)['"]/.exec(html);
  const name = m?.[1]?.trim();
  return name && isEndpointName(name) ? name : undefined;
}

/** The endpoint name a left-ticket URL names (`…/otn/leftTicket/queryZ?…` → leftTicket/queryZ). */
export function endpointOfUrl(url: string): string | undefined {
  const m = /\/otn\/(leftTicket\/query[A-Za-z0-9_]*)(?:[?#]|$)/.exec(url);
  return m?.[1] && isEndpointName(m[1]) ? m[1] : undefined;
}

/** station_version from `station_name.js?station_version=1.9383` in the init page. */
export function parseStationVersion(html: string): string | undefined {
  return /station_name\.js\?station_version=([\w.]+)/.exec(html)?.[1];
}

export type EndpointSource = 'init' | 'c_url' | 'redirect' | 'stored' | 'default';

export interface EndpointState {
  name: string;
  source: EndpointSource;
  at: EpochMs;
}

export interface EndpointStore {
  get(): Promise<EndpointState | null | undefined>;
  set(s: EndpointState): Promise<void>;
}

export interface EndpointMemory {
  current(): Promise<EndpointState>;
  /** Records a name learnt from the site. Invalid names are ignored (returns false). */
  learn(name: string, source: Exclude<EndpointSource, 'stored' | 'default'>): Promise<boolean>;
}

export function createEndpointMemory(deps: { now: () => EpochMs; store?: EndpointStore }): EndpointMemory {
  let mem: EndpointState | undefined;
  return {
    async current() {
      if (mem) return mem;
      const stored = await deps.store?.get().catch(() => undefined);
      if (stored && isEndpointName(stored.name)) {
        mem = { ...stored, source: 'stored' };
        return mem;
      }
      return { name: DEFAULT_ENDPOINT, source: 'default', at: 0 };
    },
    async learn(name, source) {
      if (!isEndpointName(name)) return false;
      mem = { name, source, at: deps.now() };
      await deps.store?.set(mem).catch(() => undefined);
      return true;
    },
  };
}
