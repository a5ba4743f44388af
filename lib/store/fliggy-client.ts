// The live Fliggy client's persisted state (local:fliggyClient): the back-off shared by every
// caller, so a restarted worker still remembers that Fliggy showed its verification page or
// limited us, and does not ask again before the wait is over. Read back through this schema: a
// value another build left is dropped (the client then starts free), never trusted.
import * as z from 'zod/mini';
import '../zod-locale';
import type { BackoffState } from '../net/backoff';

const bilingual = z.object({ zh: z.string().check(z.maxLength(300)), en: z.string().check(z.maxLength(300)) });

export const fliggyBackoffSchema = z.object({
  failures: z.number().check(z.int(), z.gte(0), z.lte(1000)),
  until: z.number().check(z.gte(0)),
  cause: z.optional(z.object({ code: z.string().check(z.maxLength(32)), message: bilingual })),
});

export const fliggyClientStateSchema = z.object({
  backoff: z.optional(fliggyBackoffSchema),
});

export interface FliggyClientState {
  backoff?: BackoffState;
}

/** The stored state as the client's, or an empty one when it cannot be read. */
export function parseFliggyClientState(raw: unknown): FliggyClientState {
  const r = fliggyClientStateSchema.safeParse(raw ?? {});
  return r.success ? (r.data as FliggyClientState) : {};
}
