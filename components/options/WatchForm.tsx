// Watch polling interval and quiet hours (China time), and notifications.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import { settingsSchema, type Settings } from '../../lib/settings';
import { SaveNote, Section } from './Section';

export function WatchForm({ settings, onSave, lang }: { settings: Settings; onSave: (s: Settings) => Promise<void>; lang: Lang }) {
  const [w, setW] = useState(settings.watch);
  const [note, setNote] = useState('idle');
  useEffect(() => setW(settings.watch), [settings.watch]);

  async function save(e: Event) {
    e.preventDefault();
    const parsed = settingsSchema.shape.watch.safeParse(w);
    if (!parsed.success) {
      setNote(tr(lang, '间隔 30–3600 秒，时间为 HH:mm', 'Interval 30–3600 s; times as HH:mm'));
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
    <Section id="watch" title={tr(lang, '余票提醒', 'Seat watches')}>
      <form onSubmit={save}>
        <label>
          {tr(lang, '查询间隔（秒）', 'Check every (seconds)')}{' '}
          <input id="interval" type="number" min={30} max={3600} value={w.intervalSec} onInput={(e) => upd({ intervalSec: Number((e.currentTarget as HTMLInputElement).value) })} />
        </label>
        <label>
          {tr(lang, '免打扰（北京时间）', 'Quiet hours (China time)')}{' '}
          <input id="quiet-start" type="time" value={w.quietStart} onInput={(e) => upd({ quietStart: (e.currentTarget as HTMLInputElement).value })} /> –{' '}
          <input id="quiet-end" type="time" value={w.quietEnd} onInput={(e) => upd({ quietEnd: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label class="check">
          <input id="notify" type="checkbox" checked={w.notify} onChange={(e) => upd({ notify: (e.currentTarget as HTMLInputElement).checked })} />
          {tr(lang, '有票时通知我', 'Notify me when seats appear')}
        </label>
        <button type="submit">{tr(lang, '保存', 'Save')}</button> <SaveNote state={note} />
      </form>
    </Section>
  );
}
