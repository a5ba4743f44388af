// The 12306 client's persisted state (local:railClient): the endpoint name it learnt, the shared
// back-off, so a restarted worker neither guesses the endpoint again nor forgets that 12306 asked
// us to slow down, and which path answered last (diagnostics). The client reads it leniently
// (lib/rail/client.ts).
import type { BackoffState } from '../net/backoff';
import type { EndpointState } from '../rail/endpoint';
import type { RailPath } from '../rail/relay';

export interface RailClientState {
  endpoint?: EndpointState;
  backoff?: BackoffState;
  /** The worker's own query or a search tab's (the relay) answered last. */
  lastPath?: RailPath;
}
