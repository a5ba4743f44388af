// Whether a station list a page offered may replace the one we hold. A page can hand over
// anything (a forged two-station list once made 北京 resolve to SHH), so a page's list must name
// the big cities' main stations by their real telecodes, and must not be much shorter than the
// list it would replace. Lists fetched from 12306 itself are not checked here.
import type { StationList } from '../model';

/** Main stations whose telecodes have not changed in 12306's history. */
export const ANCHOR_STATIONS: Readonly<Record<string, string>> = {
  北京: 'BJP',
  上海: 'SHH',
  广州: 'GZQ',
  深圳: 'SZQ',
  成都: 'CDW',
  西安: 'XAY',
  武汉: 'WHN',
};

/** A page's list may be this much shorter than the held one (12306 does retire stations). */
const MIN_SHARE = 0.9;

/** Why `offered` may not replace `held`, or undefined when it may. */
export function implausibleStationList(offered: StationList, held?: StationList): string | undefined {
  const byName = new Map(offered.stations.map((s) => [s.name, s.telecode]));
  const wrong = Object.entries(ANCHOR_STATIONS).filter(([name, code]) => byName.get(name) !== code);
  if (wrong.length > 0) {
    return `implausible station list: ${wrong.map(([name, code]) => `${name} is ${byName.get(name) ?? 'missing'}, not ${code}`).join(', ')}`;
  }
  if (held && offered.stations.length < held.stations.length * MIN_SHARE) {
    return `implausible station list: ${offered.stations.length} stations where ${held.stations.length} are held`;
  }
  return undefined;
}
