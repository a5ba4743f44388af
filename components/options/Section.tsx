import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n/catalog';

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} class="opt-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

/** "已保存" / "Saved" after a save, or the error. */
export function SaveNote({ state }: { state: 'idle' | 'saved' | string }) {
  if (state === 'idle') return null;
  return (
    <span class={state === 'saved' ? 'saved' : 'error'} role="status" data-testid="save-note">
      {state === 'saved' ? t('options_saved') : state}
    </span>
  );
}
