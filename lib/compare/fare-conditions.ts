// Conditional fares: a fare only some travellers may buy (16–25-year-olds, students, members,
// first class…) is shown but never compared as the price "anyone" pays, unless the traveller
// has said in the options that the condition fits them. Prices compared are always taxes-in.
import type { Fare, FareCondition, FareConditionKind, Fen } from '../model';
import type { Bilingual } from '../i18n';

/** What the traveller says fits them; everything unset means "an ordinary adult in economy". */
export interface Qualifications {
  /** Aged 16–25 (the usual youth fare limit). */
  youth?: boolean;
  student?: boolean;
  senior?: boolean;
  /** Member of the seller's or airline's programme (会员价). */
  member?: boolean;
  /** Willing to pay for a cabin above economy: then such fares compete on price. */
  premiumCabin?: boolean;
}

const QUALIFIER: Record<FareConditionKind, keyof Qualifications | undefined> = {
  youth: 'youth',
  student: 'student',
  senior: 'senior',
  member: 'member',
  'premium-cabin': 'premiumCabin',
  // Group fares, seller promotions and the like: nothing the traveller can declare.
  special: undefined,
};

/** Default wording of each kind, for decoders that know the kind but not the source's words. */
export const CONDITION_TEXT: Record<FareConditionKind, Bilingual> = {
  youth: { zh: '限16–25周岁', en: 'ages 16–25 only' },
  student: { zh: '限学生', en: 'students only' },
  senior: { zh: '限老年人', en: 'seniors only' },
  member: { zh: '会员价', en: 'member price' },
  'premium-cabin': { zh: '非经济舱', en: 'not economy' },
  special: { zh: '特殊票价', en: 'special fare' },
};

/** True when the fare has no condition, or every kind of its condition fits the traveller. */
export function qualifies(condition: FareCondition | undefined, q: Qualifications = {}): boolean {
  if (!condition) return true;
  return condition.kinds.every((k) => {
    const key = QUALIFIER[k];
    return key !== undefined && q[key] === true;
  });
}

/** The fare with taxes when they are known (total, else price + taxes), else the bare price. */
export function fareAmount(f: Fare): Fen {
  return f.total ?? (f.taxes !== undefined ? f.price + f.taxes : f.price);
}

export function fareIncludesTaxes(f: Fare): boolean {
  return f.total !== undefined || f.taxes !== undefined;
}
