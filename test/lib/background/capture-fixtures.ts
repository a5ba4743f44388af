// Shared by the capture and overlay service tests: a 12306 answer and a Fliggy answer for the
// same day and city pair, and the services over WXT's fake browser storage.
import type { Capture } from '../../../lib/capture/schema';
import { createCaptures, registerCaptureHandlers, type CapturesDeps } from '../../../lib/background/captures';
import { createOverlay, registerOverlayHandlers } from '../../../lib/background/overlay';
import { createOverlayTabs } from '../../../lib/background/overlay-tabs';
import { captureDiagnosticsItem, captureResultsItem, overlayStateItem, overlayTabsItem, settingsItem } from '../../../lib/storage';
import { parseSettings } from '../../../lib/settings';
import { buildLeftTicketBody, buildRailRow, type RailRowSpec } from '../../support/rail-rows';
import type { FlightSpec } from '../../support/air-bodies';

export const DATE = '2026-11-23';
export const QUERY = `https://kyfw.12306.cn/otn/leftTicket/queryG?leftTicketDTO.train_date=${DATE}&leftTicketDTO.from_station=BJP&leftTicketDTO.to_station=SHH&purpose_codes=ADULT`;
export const FLIGGY = `https://sjipiao.fliggy.com/searchow/search.htm?tripType=0&depCity=BJS&arrCity=SHA&depDate=${DATE}&searchSource=99&callback=jsonp77`;
export const NAMES = { VNP: '北京南', AOH: '上海虹桥', BJP: '北京', SHH: '上海' };

export const trains: RailRowSpec[] = [
  // Fast and buyable.
  { code: 'G1', from: 'VNP', to: 'AOH', depart: '07:00', arrive: '11:28', date: DATE, seats: { ze: { cell: '有', price: 66900 }, zy: { cell: '5', price: 107400 } } },
  // Slow overnight, sold out in the class people want.
  { code: 'Z281', from: 'BJP', to: 'SHH', depart: '19:30', arrive: '08:10', date: DATE, canWebBuy: 'N', seats: { yw: { cell: '无', price: 35000 }, yz: { cell: '候补', price: 17750 } } },
];
export const flights: FlightSpec[] = [
  { flightNo: 'MU5102', airline: 'MU', dep: 'PEK', arr: 'SHA', depTerm: 'T2', arrTerm: 'T2', depTime: `${DATE} 08:00`, arrTime: '10:15', priceFen: 68000 },
  { flightNo: 'CA1831', airline: 'CA', dep: 'PEK', arr: 'PVG', depTerm: 'T3', arrTerm: 'T2', depTime: `${DATE} 12:00`, arrTime: '14:20', priceFen: null },
];

export const railBody = (specs = trains) => buildLeftTicketBody(specs.map((s) => buildRailRow(s, '2025')), NAMES);

export function capture(kind: Capture['kind'], url: string, body: string, status = 200): Capture {
  return { v: 1, kind, url, status, body, at: 0 };
}

/** A capture service over the real storage items (WXT's fake browser; reset before each test). */
export function setup(stations?: CapturesDeps['stations']) {
  let now = Date.UTC(2026, 10, 22, 12, 0);
  const captures = createCaptures({ now: () => now, results: captureResultsItem, diagnostics: captureDiagnosticsItem, ...(stations ? { stations } : {}) });
  return { captures, tick: (ms: number) => (now += ms), now: () => now };
}

/** The capture and overlay handlers as entrypoints/background.ts registers them (no station list, no live clients). */
export function registerCaptureAndOverlay(): void {
  const now = () => Date.now();
  const captures = createCaptures({ now, results: captureResultsItem, diagnostics: captureDiagnosticsItem });
  const overlay = createOverlay({
    captures,
    now,
    settings: async () => parseSettings(await settingsItem.getValue()),
    state: overlayStateItem,
    tabs: createOverlayTabs({ store: overlayTabsItem, send: async () => undefined }),
  });
  registerCaptureHandlers(captures, (tabId) => overlay.capturesChanged(tabId));
  registerOverlayHandlers(overlay);
}

