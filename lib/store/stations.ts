// The last good 12306 station list (local:stationList), owned by the station store
// (lib/rail/station-store.ts). The raw script text is kept: smaller than the decoded list, and
// decoded again (validated) on every load.
import * as z from 'zod/mini';
import '../zod-locale';

export const storedStationsSchema = z.object({
  text: z.string(),
  version: z.optional(z.string()),
  /** When this copy was fetched or offered. */
  fetchedAt: z.number(),
  /** Last refresh attempt, successful or not. */
  checkedAt: z.number(),
  lastError: z.optional(z.string()),
  source: z.enum(['fetch', 'page']),
});
export type StoredStations = z.infer<typeof storedStationsSchema>;
