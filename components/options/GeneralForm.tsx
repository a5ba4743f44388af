// Language, the default for student tickets and how often fare watches ask Fliggy.
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import { FARE_INTERVAL_MIN, type Settings } from '../../lib/settings';
import { Section } from './Section';

export function GeneralForm({ settings, onSave, lang }: { settings: Settings; onSave: (s: Settings) => Promise<void>; lang: Lang }) {
  return (
    <Section id="general" title={tr(lang, '通用', 'General')}>
      <label>
        {tr(lang, '语言', 'Language')}{' '}
        <select
          id="language"
          value={settings.language}
          onChange={(e) => void onSave({ ...settings, language: (e.currentTarget as HTMLSelectElement).value as Settings['language'] })}
        >
          <option value="auto">{tr(lang, '跟随浏览器', 'Same as the browser')}</option>
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
      <label>
        {tr(lang, '机票价格监控：每隔（分钟）查询飞猪', 'Fare watches: ask Fliggy every (minutes)')}{' '}
        <input
          id="fare-interval"
          type="number"
          min={FARE_INTERVAL_MIN}
          max={1440}
          step={1}
          value={settings.fareIntervalMin}
          onChange={(e) => {
            // Below the floor (or not a whole number) is not saved: the field shows the stored value again.
            const v = Number((e.currentTarget as HTMLInputElement).value);
            if (Number.isInteger(v) && v >= FARE_INTERVAL_MIN && v <= 1440) void onSave({ ...settings, fareIntervalMin: v });
            else (e.currentTarget as HTMLInputElement).value = String(settings.fareIntervalMin);
          }}
        />
      </label>
    </Section>
  );
}
