// The flight-city lookup on its own (search.airCity, answered by the search service): the
// watches tab's fare form asks it without carrying the whole search section's schemas.
import * as z from 'zod/mini';
import '../zod-locale';
import { section } from '../messaging';

export const airCityMessages = {
  /**
   * A flight city from what was typed (北京, 大兴, 虹桥机场, BJS, PKX); the city tables stay in
   * the worker.
   */
  'search.airCity': {
    req: z.object({ q: z.string().check(z.maxLength(40)) }),
    res: z.object({ city: z.nullable(z.object({ code: z.string().check(z.regex(/^[A-Z]{3}$/)), name: z.string().check(z.maxLength(32)) })) }),
  },
};

export const { send } = section(airCityMessages);
