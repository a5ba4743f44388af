// A status line with a tone (info / warn / error), optionally with actions.
import type { ComponentChildren } from 'preact';

export function Banner({
  tone,
  children,
  testId,
}: {
  tone: 'info' | 'warn' | 'error' | 'busy';
  children: ComponentChildren;
  testId?: string;
}) {
  return (
    <div class={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {tone === 'busy' && <span class="spinner" aria-hidden="true" />}
      {children}
    </div>
  );
}
