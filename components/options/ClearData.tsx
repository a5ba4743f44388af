// Clear all data: settings, credentials, captures, watches, caches. Two clicks, on purpose.
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/catalog';
import type { OptionsApi } from './api';
import { Section } from './Section';

export function ClearData({ api, onCleared }: { api: OptionsApi; onCleared: () => void }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'done'>('idle');
  return (
    <Section id="clear" title={t('options_clear')}>
      <p class="hint">{t('options_clearHint')}</p>
      {step === 'confirm' ? (
        <>
          <button
            type="button"
            class="danger"
            id="clear-confirm"
            onClick={async () => {
              await api.clearAll();
              setStep('done');
              onCleared();
            }}
          >
            {t('options_clearConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setStep('idle')}>
            {t('options_cancel')}
          </button>
        </>
      ) : (
        <button type="button" class="danger" id="clear-all" onClick={() => setStep('confirm')}>
          {t('options_clearAll')}
        </button>
      )}
      {step === 'done' && <span role="status"> {t('options_cleared')}</span>}
    </Section>
  );
}
