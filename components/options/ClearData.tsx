// Clear all data: settings, credentials, captures, watches, caches. Two clicks, on purpose.
import { useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import type { OptionsApi } from './api';
import { Section } from './Section';

export function ClearData({ api, lang, onCleared }: { api: OptionsApi; lang: Lang; onCleared: () => void }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'done'>('idle');
  return (
    <Section id="clear" title={tr(lang, '清除数据', 'Clear data')}>
      <p class="hint">
        {tr(lang, '删除本扩展保存的一切：设置、淘宝密钥、抓取的结果、提醒和缓存。', 'Deletes everything this extension stores: settings, Taobao credentials, captured results, watches and caches.')}
      </p>
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
            {tr(lang, '确认清除全部数据', 'Yes, clear everything')}
          </button>{' '}
          <button type="button" onClick={() => setStep('idle')}>
            {tr(lang, '取消', 'Cancel')}
          </button>
        </>
      ) : (
        <button type="button" class="danger" id="clear-all" onClick={() => setStep('confirm')}>
          {tr(lang, '清除全部数据', 'Clear all data')}
        </button>
      )}
      {step === 'done' && <span role="status"> 已清除 · Cleared</span>}
    </Section>
  );
}
