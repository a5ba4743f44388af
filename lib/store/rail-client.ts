// The 12306 client's persisted state (local:railClient): the endpoint name it learnt and the
// shared back-off, so a restarted worker neither guesses the endpoint again nor forgets that
// 12306 asked us to slow down. The client reads it leniently (lib/rail/client.ts).
import type { BackoffState } from '../net/backoff';
import type { EndpointState } from '../rail/endpoint';

export interface RailClientState {
  endpoint?: EndpointState;
  backoff?: BackoffState;
}
