// Who may buy a fare, as the flight sources say it: a cabin above economy, an age limit in the
// site's own words (限16-25周岁购买), a member price, a special product. Every decoder builds
// `Fare.condition` here, so a condition reads the same whichever site it came from; lib/compare
// then keeps such fares out of "cheapest" unless the traveller says the condition fits them.
import type { Bilingual } from '../i18n';
import type { CabinClass, FareCondition, FareConditionKind } from '../model';
import { CONDITION_TEXT } from '../compare/fare-conditions';

/** One reason a fare is conditional. */
export interface ConditionPart {
  kind: FareConditionKind;
  text: Bilingual;
}

const PREMIUM_TEXT: Partial<Record<CabinClass, Bilingual>> = {
  first: { zh: '头等舱', en: 'first class' },
  business: { zh: '公务舱', en: 'business class' },
};

/** The condition of a cabin above economy (an unnamed class number reads "非经济舱"). */
export function premiumPart(cls: CabinClass): ConditionPart {
  return { kind: 'premium-cabin', text: PREMIUM_TEXT[cls] ?? CONDITION_TEXT['premium-cabin'] };
}

export const part = (kind: FareConditionKind, text: Bilingual = CONDITION_TEXT[kind]): ConditionPart => ({ kind, text });

// Seniors first: "限60周岁以上" names an age in 周岁 too, and is no youth fare.
// "60" only as an age (60周岁以上, 60岁及以上), never a fee such as 退改费60元.
const SENIOR_RE = /老年|长者|60\s*周?岁/;
const YOUTH_RE = /周岁|青年/;
const STUDENT_RE = /学生/;
const MEMBER_RE = /会员/;
const AGES_RE = /(\d{1,2})\s*(?:-|–|—|~|～|至|到)\s*(\d{1,2})\s*周?岁/;

function youthText(zh: string): Bilingual {
  const m = AGES_RE.exec(zh);
  return { zh, en: m ? `ages ${m[1]}–${m[2]} only` : 'age limit' };
}

/**
 * A booking notice in the site's words → the kinds it names, each with the notice itself as its
 * text (the English side says the kind, since the notice is Chinese). Words we cannot place make
 * a 'special' condition: a notice is a restriction, whatever it says.
 */
export function noticeParts(notice: string): ConditionPart[] {
  const zh = notice.trim().replace(/\s+/g, ' ').slice(0, 60);
  if (!zh) return [];
  const out: ConditionPart[] = [];
  if (SENIOR_RE.test(zh)) out.push(part('senior', { zh, en: CONDITION_TEXT.senior.en }));
  else if (YOUTH_RE.test(zh)) out.push(part('youth', youthText(zh)));
  if (STUDENT_RE.test(zh)) out.push(part('student', { zh, en: CONDITION_TEXT.student.en }));
  if (MEMBER_RE.test(zh)) out.push(part('member', { zh, en: CONDITION_TEXT.member.en }));
  if (!out.length) out.push(part('special', { zh, en: CONDITION_TEXT.special.en }));
  return out;
}

const WORDS_RE = /限|会员|学生|老年|长者|青年|周岁/;

/**
 * Condition words a rendered price shows ("¥387 限16-25周岁", "会员价"): each word group that
 * names one becomes a part; a text without such words gives none (an ordinary fare).
 */
export function wordsParts(text: string): ConditionPart[] {
  return text
    .split(/[\s,，;；|·/（）()]+/)
    .filter((w) => WORDS_RE.test(w))
    .flatMap((w) => (/^会员价?$/.test(w) ? [part('member')] : noticeParts(w)));
}

/** The parts as one condition: each kind once, the texts joined (限16-25周岁、会员价); none → undefined. */
export function conditionOf(parts: readonly ConditionPart[]): FareCondition | undefined {
  if (!parts.length) return undefined;
  const kinds: FareConditionKind[] = [];
  const zh: string[] = [];
  const en: string[] = [];
  for (const p of parts) {
    if (!kinds.includes(p.kind)) kinds.push(p.kind);
    if (!zh.includes(p.text.zh)) zh.push(p.text.zh);
    if (!en.includes(p.text.en)) en.push(p.text.en);
  }
  return { kinds, text: { zh: zh.join('、'), en: en.join(', ') } };
}
