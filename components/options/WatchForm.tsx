// Watch polling interval and quiet hours (China time), and notifications.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/catalog';
import { settingsSchema, type Settings } from '../../lib/settings';
import { SaveNote, Section } from './Section';

export function WatchForm({ settings, onSave }: { settings: Settings; onSave: (s: Settings) => Promise<void> }) {
  const [w, setW] = useState(settings.watch);
  const [note, setNote] = useState('idle');
  useEffect(() => setW(settings.watch), [settings.watch]);

  async function save(e: Event) {
    e.preventDefault();
    const parsed = settingsSchema.shape.watch.safeParse(w);
    if (!parsed.success) {
      setNote(t('options_watchInvalid'));
      return;
    }
    await onSave({ ...settings, watch: parsed.data });
    setNote('saved');
  }
  const upd = (p: Partial<Settings['watch']>) => {
    setW({ ...w, ...p });
    setNote('idle');
  };

  return (
    <Section id="watch" title={t('options_watch')}>
      <form onSubmit={save}>
        <label>
          {t('options_watchInterval')}{' '}
          <input id="interval" type="number" min={30} max={3600} value={w.intervalSec} onInput={(e) => upd({ intervalSec: Number((e.currentTarget as HTMLInputElement).value) })} />
        </label>
        <label>
          {t('options_watchQuiet')}{' '}
          <input id="quiet-start" type="time" value={w.quietStart} onInput={(e) => upd({ quietStart: (e.currentTarget as HTMLInputElement).value })} /> –{' '}
          <input id="quiet-end" type="time" value={w.quietEnd} onInput={(e) => upd({ quietEnd: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label class="check">
          <input id="notify" type="checkbox" checked={w.notify} onChange={(e) => upd({ notify: (e.currentTarget as HTMLInputElement).checked })} />
          {t('options_watchNotify')}
        </label>
        <button type="submit">{t('options_save')}</button> <SaveNote state={note} />
      </form>
    </Section>
  );
}
