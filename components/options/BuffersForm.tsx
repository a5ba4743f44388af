// Door-to-door buffers: minutes from the door to the station / airport, before departure, and
// from arrival to leaving the terminal, for trains and for flights.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import { bufferSchema, DEFAULT_BUFFERS, type Buffers, type Settings } from '../../lib/settings';
import { SaveNote, Section } from './Section';

const FIELDS: [keyof Buffers, string, string][] = [
  ['accessMin', '到站/机场', 'Door to terminal'],
  ['beforeMin', '提前到达', 'Before departure'],
  ['egressMin', '到达后出站', 'Leaving on arrival'],
];

export function BuffersForm({ settings, onSave, lang }: { settings: Settings; onSave: (s: Settings) => Promise<void>; lang: Lang }) {
  const [buffers, setBuffers] = useState(settings.buffers);
  const [note, setNote] = useState('idle');
  useEffect(() => setBuffers(settings.buffers), [settings.buffers]);

  async function save(e: Event) {
    e.preventDefault();
    const air = bufferSchema.safeParse(buffers.air);
    const rail = bufferSchema.safeParse(buffers.rail);
    if (!air.success || !rail.success) {
      setNote(tr(lang, '请输入 0–600 分钟的整数', 'Enter whole minutes, 0–600'));
      return;
    }
    await onSave({ ...settings, buffers: { air: air.data, rail: rail.data } });
    setNote('saved');
  }

  return (
    <Section id="buffers" title={tr(lang, '门到门时间', 'Door to door')}>
      <form onSubmit={save}>
        <table class="grid">
          <thead>
            <tr>
              <th />
              <th>{tr(lang, '火车', 'Train')}</th>
              <th>{tr(lang, '飞机', 'Flight')}</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map(([k, zh, en]) => (
              <tr key={k}>
                <th scope="row">{tr(lang, zh, en)}</th>
                {(['rail', 'air'] as const).map((mode) => (
                  <td key={mode}>
                    <input
                      type="number"
                      min={0}
                      max={600}
                      step={1}
                      name={`${mode}.${k}`}
                      aria-label={`${tr(lang, zh, en)} (${mode})`}
                      value={buffers[mode][k]}
                      onInput={(e) => {
                        const v = Number((e.currentTarget as HTMLInputElement).value);
                        setBuffers({ ...buffers, [mode]: { ...buffers[mode], [k]: v } });
                        setNote('idle');
                      }}
                    />{' '}
                    {tr(lang, '分钟', 'min')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">{tr(lang, '保存', 'Save')}</button>{' '}
        <button
          type="button"
          onClick={() => setBuffers({ air: { ...DEFAULT_BUFFERS.air }, rail: { ...DEFAULT_BUFFERS.rail } })}
        >
          {tr(lang, '恢复默认', 'Defaults')}
        </button>{' '}
        <SaveNote state={note} />
      </form>
    </Section>
  );
}
