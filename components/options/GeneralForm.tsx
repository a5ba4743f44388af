// Language, the default for student tickets and how often fare watches ask Fliggy.
import { t } from '../../lib/i18n/catalog';
import { FARE_INTERVAL_MIN, type Settings } from '../../lib/settings';
import { Section } from './Section';

export function GeneralForm({ settings, onSave }: { settings: Settings; onSave: (s: Settings) => Promise<void> }) {
  return (
    <Section id="general" title={t('options_general')}>
      <label>
        {t('options_language')}{' '}
        <select
          id="language"
          value={settings.language}
          onChange={(e) => void onSave({ ...settings, language: (e.currentTarget as HTMLSelectElement).value as Settings['language'] })}
        >
          <option value="auto">{t('options_languageAuto')}</option>
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
        {t('options_studentDefault')}
      </label>
      <label>
        {t('options_fareInterval')}{' '}
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
