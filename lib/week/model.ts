// What the week strip shows for one day: the cheapest train a traveller can buy (and whether any
// seat is left at all) and the cheapest ordinary adult flight fare, or why a side has none.
import type { ChinaDate, EpochMs, Fen } from '../model';

export type WeekMode = 'rail' | 'air';

/** `held`: the site asked us to wait (back-off); nothing was asked for this day. */
export type RailDay =
  | { state: 'ok'; cheapest?: Fen; seatsLeft: boolean; trains: number }
  | { state: 'not-on-sale'; opens?: ChinaDate }
  | { state: 'held'; until?: EpochMs }
  | { state: 'error' };

/** `none`: the cities have no airports to compare. */
export type AirDay =
  | { state: 'ok'; cheapest?: Fen; taxesIn: boolean; flights: number }
  | { state: 'held'; until?: EpochMs }
  | { state: 'none' }
  | { state: 'error' };

/** One day of the strip; a side left out is still to be asked. */
export interface WeekDay {
  date: ChinaDate;
  rail?: RailDay;
  air?: AirDay;
}

/** One query the strip will send, and the earliest instant it may go. */
export interface WeekStep {
  date: ChinaDate;
  mode: WeekMode;
  at: EpochMs;
}
