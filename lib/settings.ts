// User settings: one schema, with defaults, shared by the background, popup, options and overlays.
// Stored in storage.ts as `local:settings` (never synced: it sits beside the Taobao secret).
import * as z from 'zod/mini';
import './zod-locale';
import type { Qualifications } from './compare/fare-conditions';

const hm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'));
const minutes = () => z.number().check(z.int(), z.gte(0), z.lte(600));

export const bufferSchema = z.object({
  /** Minutes from the door to the terminal. */
  accessMin: minutes(),
  /** Minutes at the terminal before departure (check-in, security, boarding). */
  beforeMin: minutes(),
  /** Minutes from arrival to leaving the terminal area. */
  egressMin: minutes(),
});
export type Buffers = z.infer<typeof bufferSchema>;

export const DEFAULT_BUFFERS = {
  air: { accessMin: 60, beforeMin: 90, egressMin: 40 },
  rail: { accessMin: 40, beforeMin: 20, egressMin: 15 },
} as const satisfies Record<'air' | 'rail', Buffers>;

/** Fare watches' poll interval, minutes: default and floor. */
export const FARE_INTERVAL_DEFAULT = 15;
export const FARE_INTERVAL_MIN = 5;

export const settingsSchema = z.object({
  /** UI language: 'auto' follows the browser (lib/i18n/lang.ts). */
  language: z._default(z.enum(['auto', 'zh-CN', 'en']), 'auto'),
  buffers: z._default(z.object({ air: bufferSchema, rail: bufferSchema }), {
    air: { ...DEFAULT_BUFFERS.air },
    rail: { ...DEFAULT_BUFFERS.rail },
  }),
  watch: z._default(
    z.object({
      /** Seconds between polls of one route; never below 30 (12306 answers 403 to fast pollers). */
      intervalSec: z.number().check(z.int(), z.gte(30), z.lte(3600)),
      /** Quiet hours, China time: nothing is sent to 12306 between start and end. */
      quietStart: hm,
      quietEnd: hm,
      notify: z.boolean(),
    }),
    { intervalSec: 60, quietStart: '23:00', quietEnd: '06:00', notify: true },
  ),
  /**
   * Minutes between two live Fliggy searches for the fare watches (one search per route and date
   * per poll, whatever the number of watches); never under 5, so RailAir stays a polite visitor.
   */
  fareIntervalMin: z._default(z.number().check(z.int(), z.gte(FARE_INTERVAL_MIN), z.lte(1440)), FARE_INTERVAL_DEFAULT),
  /** Query the Taobao Open Platform when credentials are stored (needs the optional host permission). */
  topEnabled: z._default(z.boolean(), false),
  /** Student tickets (purpose_codes 0X00) by default in searches. */
  student: z._default(z.boolean(), false),
  /**
   * Which conditional fares fit the traveller (lib/compare/fare-conditions.ts): unset means an
   * ordinary adult in economy, so age, student, senior, member and premium-cabin fares are shown
   * with their condition but never compared, ranked or watched as the price.
   */
  qualifications: z._default(
    z.object({
      youth: z.optional(z.boolean()),
      student: z.optional(z.boolean()),
      senior: z.optional(z.boolean()),
      member: z.optional(z.boolean()),
      premiumCabin: z.optional(z.boolean()),
    }),
    {},
  ),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Reads stored settings leniently: unknown or invalid parts fall back to their defaults. */
export function parseSettings(raw: unknown): Settings {
  const whole = settingsSchema.safeParse(raw ?? {});
  if (whole.success) return whole.data;
  const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape) as (keyof typeof settingsSchema.shape)[]) {
    const part = settingsSchema.shape[key].safeParse(obj[key]);
    out[key] = part.success ? part.data : DEFAULT_SETTINGS[key];
  }
  return out as Settings;
}

// The stored qualifications are exactly what the comparison takes (checked both ways at compile time).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const qualificationsMatch: Same<Settings['qualifications'], Qualifications> = true;
void qualificationsMatch;
