// What the replay server answers, as data a test can set before or during a run
// (`replay.setScenario({ rail: { failure: 'forbidden' } })`). Every section is merged shallowly
// into the current scenario; `seats` overrides are merged per train.

import type { SeatClassId } from '../../lib/model';

/** A left-ticket query as the page (or a client) sent it. */
export interface RailRoute {
  /** leftTicketDTO.train_date, yyyy-MM-dd. */
  date: string;
  /** Telecodes as sent (city codes such as BJP select every station of the city). */
  from: string;
  to: string;
}

/** How a query endpoint answers instead of data. */
export type RailFailure =
  /** 302 to https://www.12306.cn/mormhweb/logFiles/error.html (bad date, too many requests…). */
  | 'error-302'
  /** 200 with an HTML page titled 铁路客户服务中心 instead of JSON. */
  | 'html'
  /** 403, as when polled too fast. */
  | 'forbidden'
  /** Normal rows whose button text is the nightly notice (23:00-06:00系统维护时间), not buyable. */
  | 'maintenance'
  /** {status:true} with no trains. */
  | 'empty';

export interface RailScenario {
  /** The endpoint name the init page announces: `var CLeftTicketUrl = '…'`. */
  endpoint: string;
  /** Names the server answers with data; null = only `endpoint`. Others are told where to go. */
  accepted: string[] | null;
  /** How a query to a name not accepted is redirected to accepted[0]. */
  moved: 'c_url' | 'redirect';
  failure: RailFailure | null;
  /** Fail only this many queries, then answer normally (null = every query while set). */
  failureCount: number | null;
  /** Added before every answer on kyfw.12306.cn's query endpoints. */
  delayMs: number;
  /** 'saved' serves ../shared/fixtures/pages' real 2019 init page when present (falls back to 'own'). */
  initPage: 'own' | 'saved';
  /** station_version announced by the init page. */
  stationVersion: string;
  /** Raw `|` rows for a route, replacing the generated ones (return undefined to keep those). */
  rows: ((route: RailRoute) => string[] | undefined) | null;
  /**
   * Per train code (G101), seat-count fields to override: { ze: '5' }, { ze: '无' }, { swz: '有' };
   * a key `G101@2026-11-24` overrides that day only (over the train's every-day override).
   */
  seats: Record<string, Partial<Record<SeatClassId, string>>>;
  /**
   * 2026's header checks (default on): a query without the init page's cookies (JSESSIONID,
   * BIGipServerotn, route) or without a search-page Referer (https://kyfw.12306.cn/otn/leftTicket/init…)
   * is sent to error.html. false only for a test that needs the old, lenient 12306.
   */
  strict: boolean;
  /**
   * Refuse (302 to error.html) every query whose Referer is not a search page this replay served
   * (an init page with a query string, as a tab loads it): a tab's query passes, the worker's —
   * whose Referer is built, not loaded — is turned away (the tab relay's tests).
   */
  pageOnly: boolean;
}

export type FliggyFailure =
  /** The JSONP answers an HTML login/verification page instead of script. */
  | 'html'
  /** A valid JSONP call with no flights. */
  | 'empty'
  /** Fliggy's slider: a 302 to https://sjipiao.fliggy.com//_____tmd_____/punish?x5secdata=…&x5step=1 (served too). */
  | 'challenge'
  /** The same verification page (`__baxia__`, `punish`) served with 200 in place of the JSONP. */
  | 'challenge-200';

export interface FliggyScenario {
  failure: FliggyFailure | null;
  /**
   * As the real site is reported to: the JSONP answers only with a Referer from
   * https://sjipiao.fliggy.com/ (its own page), else the verification page.
   */
  requireReferer: boolean;
  delayMs: number;
  /** Replace the JSONP body for a search (return undefined to keep the generated one). */
  body: ((search: { date: string; depCity: string; arrCity: string; callback: string }) => string | undefined) | null;
}

export interface TopScenario {
  /** Credentials the gateway accepts; requests signed otherwise get error_response. */
  appKey: string;
  appSecret: string;
  delayMs: number;
  /** Force an error_response (e.g. { code: 7, msg: 'App Call Limited' }) for every call. */
  error: { code: number; msg: string; sub_code?: string; sub_msg?: string } | null;
}

export interface Scenario {
  rail: RailScenario;
  fliggy: FliggyScenario;
  top: TopScenario;
}

export interface ScenarioPatch {
  rail?: Partial<RailScenario>;
  fliggy?: Partial<FliggyScenario>;
  top?: Partial<TopScenario>;
}

export const TEST_TOP_APP_KEY = '12345678';
export const TEST_TOP_APP_SECRET = 'replay-secret-0123456789abcdef';

export function defaultScenario(): Scenario {
  return {
    rail: {
      endpoint: 'leftTicket/queryZ',
      accepted: null,
      moved: 'c_url',
      failure: null,
      failureCount: null,
      delayMs: 0,
      initPage: 'own',
      stationVersion: '1.9340',
      rows: null,
      seats: {},
      strict: true,
      pageOnly: false,
    },
    fliggy: { failure: null, requireReferer: true, delayMs: 0, body: null },
    top: { appKey: TEST_TOP_APP_KEY, appSecret: TEST_TOP_APP_SECRET, delayMs: 0, error: null },
  };
}

export function applyPatch(current: Scenario, patch: ScenarioPatch): Scenario {
  const rail = { ...current.rail, ...patch.rail };
  if (patch.rail?.seats) {
    rail.seats = { ...current.rail.seats };
    for (const [code, seats] of Object.entries(patch.rail.seats)) {
      rail.seats[code] = { ...current.rail.seats[code], ...seats };
    }
  }
  return {
    rail,
    fliggy: { ...current.fliggy, ...patch.fliggy },
    top: { ...current.top, ...patch.top },
  };
}
