// "我是… · About me": which conditional fares fit the traveller (lib/compare/fare-conditions.ts).
// Each box saves at once, like the other settings; unticked, such fares are shown with their
// condition but never compared, ranked or watched as the price.
import { useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { SaveNote, Section } from './Section';

type Key = keyof Settings['qualifications'];

const BOXES: [Key, string, string][] = [
  ['youth', '16–25周岁', 'Aged 16–25'],
  ['student', '学生', 'Student'],
  ['senior', '老年人', 'Senior'],
  ['member', '会员（航空公司或商家）', 'Member (airline or seller)'],
  ['premiumCabin', '愿意买头等/公务舱', 'Willing to buy first or business class'],
];

export function AboutMeForm({ settings, onSave, lang }: { settings: Settings; onSave: (s: Settings) => Promise<void>; lang: Lang }) {
  const [note, setNote] = useState('idle');
  async function toggle(key: Key, on: boolean) {
    // Unticked is stored as absent: "not said" and "no" are the same to the comparison.
    const q = { ...settings.qualifications };
    if (on) q[key] = true;
    else delete q[key];
    await onSave({ ...settings, qualifications: q });
    setNote('saved');
  }
  return (
    <Section id="about-me" title="我是… · About me">
      <p class="hint">
        {tr(
          lang,
          '勾选适合你的条件票价；不勾选的（限年龄、学生、会员、头等舱等）只标明条件显示，从不参与比价。',
          'Tick the conditional fares that fit you; the others (age limits, student, member, first class…) are shown with their condition but never compared.',
        )}
      </p>
      {BOXES.map(([key, zh, en]) => (
        <label key={key} class="check">
          <input
            type="checkbox"
            id={`qualifies-${key}`}
            checked={settings.qualifications[key] === true}
            onChange={(e) => void toggle(key, (e.currentTarget as HTMLInputElement).checked)}
          />
          {tr(lang, zh, en)}
        </label>
      ))}
      <SaveNote state={note} />
    </Section>
  );
}
