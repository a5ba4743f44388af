// Door-to-door buffers: minutes from the door to the station / airport, before departure, and
// from arrival to leaving the terminal, for trains and for flights.
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n/catalog';
import { bufferSchema, DEFAULT_BUFFERS, type Buffers, type Settings } from '../../lib/settings';
import { SaveNote, Section } from './Section';

const FIELDS: [keyof Buffers, MessageKey][] = [
  ['accessMin', 'options_bufferAccess'],
  ['beforeMin', 'options_bufferBefore'],
  ['egressMin', 'options_bufferEgress'],
];

export function BuffersForm({ settings, onSave }: { settings: Settings; onSave: (s: Settings) => Promise<void> }) {
  const [buffers, setBuffers] = useState(settings.buffers);
  const [note, setNote] = useState('idle');
  useEffect(() => setBuffers(settings.buffers), [settings.buffers]);

  async function save(e: Event) {
    e.preventDefault();
    const air = bufferSchema.safeParse(buffers.air);
    const rail = bufferSchema.safeParse(buffers.rail);
    if (!air.success || !rail.success) {
      setNote(t('options_buffersInvalid'));
      return;
    }
    await onSave({ ...settings, buffers: { air: air.data, rail: rail.data } });
    setNote('saved');
  }

  return (
    <Section id="buffers" title={t('options_buffers')}>
      <form onSubmit={save}>
        <table class="grid">
          <thead>
            <tr>
              <th />
              <th>{t('options_train')}</th>
              <th>{t('options_flight')}</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map(([k, label]) => (
              <tr key={k}>
                <th scope="row">{t(label)}</th>
                {(['rail', 'air'] as const).map((mode) => (
                  <td key={mode}>
                    <input
                      type="number"
                      min={0}
                      max={600}
                      step={1}
                      name={`${mode}.${k}`}
                      aria-label={t(mode === 'rail' ? 'options_bufferRail' : 'options_bufferAir', t(label))}
                      value={buffers[mode][k]}
                      onInput={(e) => {
                        const v = Number((e.currentTarget as HTMLInputElement).value);
                        setBuffers({ ...buffers, [mode]: { ...buffers[mode], [k]: v } });
                        setNote('idle');
                      }}
                    />{' '}
                    {t('options_minutes')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">{t('options_save')}</button>{' '}
        <button
          type="button"
          onClick={() => setBuffers({ air: { ...DEFAULT_BUFFERS.air }, rail: { ...DEFAULT_BUFFERS.rail } })}
        >
          {t('options_defaults')}
        </button>{' '}
        <SaveNote state={note} />
      </form>
    </Section>
  );
}
