// "我是… · About me": which conditional fares fit the traveller (lib/compare/fare-conditions.ts).
// Each box saves at once, like the other settings; unticked, such fares are shown with their
// condition but never compared, ranked or watched as the price.
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n/catalog';
import type { Settings } from '../../lib/settings';
import { SaveNote, Section } from './Section';

type Key = keyof Settings['qualifications'];

const BOXES: [Key, MessageKey][] = [
  ['youth', 'options_qualYouth'],
  ['student', 'options_qualStudent'],
  ['senior', 'options_qualSenior'],
  ['member', 'options_qualMember'],
  ['premiumCabin', 'options_qualPremiumCabin'],
];

export function AboutMeForm({ settings, onSave }: { settings: Settings; onSave: (s: Settings) => Promise<void> }) {
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
    <Section id="about-me" title={t('options_aboutMe')}>
      <p class="hint">{t('options_aboutMeHint')}</p>
      {BOXES.map(([key, label]) => (
        <label key={key} class="check">
          <input
            type="checkbox"
            id={`qualifies-${key}`}
            checked={settings.qualifications[key] === true}
            onChange={(e) => void toggle(key, (e.currentTarget as HTMLInputElement).checked)}
          />
          {t(label)}
        </label>
      ))}
      <SaveNote state={note} />
    </Section>
  );
}
