// The last good 12306 station list (local:stationList), owned by the station store
// (lib/rail/station-store.ts). The raw script text is kept: smaller than the decoded list, and
// decoded again (validated) on every load.
import type { EpochMs } from '../model';

export interface StoredStations {
  text: string;
  version?: string;
  /** When this copy was fetched or offered. */
  fetchedAt: EpochMs;
  /** Last refresh attempt, successful or not. */
  checkedAt: EpochMs;
  lastError?: string;
  source: 'fetch' | 'page';
}
