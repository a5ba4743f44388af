// Language and the default for student tickets.
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { Section } from './Section';

export function GeneralForm({ settings, onSave, lang }: { settings: Settings; onSave: (s: Settings) => Promise<void>; lang: Lang }) {
  return (
    <Section id="general" title={tr(lang, '通用', 'General')}>
      <label>
        {tr(lang, '语言', 'Language')}{' '}
        <select
          id="language"
          value={settings.language}
          onChange={(e) => void onSave({ ...settings, language: (e.currentTarget as HTMLSelectElement).value as Lang })}
        >
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          id="student-default"
          checked={settings.student}
          onChange={(e) => void onSave({ ...settings, student: (e.currentTarget as HTMLInputElement).checked })}
        />
        {tr(lang, '默认查询学生票', 'Search student tickets by default')}
      </label>
    </Section>
  );
}
