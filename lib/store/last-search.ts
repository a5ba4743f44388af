// The popup's last search and view choices (local:lastSearch), restored when it opens. Read back
// through this schema: a value left by another build is ignored, not trusted.
import * as z from 'zod/mini';
import '../zod-locale';
import { seatClassSchema } from '../seat-class-schema';

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const telecode = z.string().check(z.regex(/^[A-Z]{3}$/));
const hour = () => z.number().check(z.int(), z.gte(0), z.lte(24));

/** A place picked in the popup: a city (all its stations) or one station. */
export const placeSchema = z.object({
  kind: z.enum(['city', 'station']),
  name: z.string().check(z.minLength(1), z.maxLength(32)),
  telecode,
  city: z.string().check(z.maxLength(32)),
});
export type Place = z.infer<typeof placeSchema>;

/** The popup's result filters and sort order (components/popup/filter.ts), remembered with the search. */
export const popupFiltersSchema = z.object({
  types: z.array(z.enum(['GDC', 'ZTK', 'other'])).check(z.maxLength(3)),
  fromHour: hour(),
  toHour: hour(),
  cls: z.union([seatClassSchema, z.literal('any')]),
  onlyBuyable: z.boolean(),
  sort: z.enum(['depart', 'arrive', 'duration', 'price']),
});
export type PopupFilters = z.infer<typeof popupFiltersSchema>;

export const lastSearchSchema = z.object({
  from: placeSchema,
  to: placeSchema,
  date,
  student: z.boolean(),
  filters: z.optional(popupFiltersSchema),
});
export type LastSearch = z.infer<typeof lastSearchSchema>;
