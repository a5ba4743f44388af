// What a reader of the comparison as data (the command line's --json, a future export) needs
// about one option without re-deriving it: is the fare shown conditional, and why; has it left.
import type { FareCondition } from '../model';
import type { ComparedOption } from './types';

export interface FareFacts {
  conditional: boolean;
  kinds?: FareCondition['kinds'];
  why?: FareCondition['text'];
}

/** The fare shown for the option: the compared one, or for a restricted-only flight its cheapest. */
export function fareFacts(c: ComparedOption): FareFacts {
  const cond = c.priceCondition ?? (c.excluded === 'conditional-only' ? c.conditionalFares?.[0]?.condition : undefined);
  return cond ? { conditional: true, kinds: cond.kinds, why: cond.text } : { conditional: false };
}
