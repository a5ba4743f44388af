// What RailAir adds to a 12306 train row: a compact note where the flight standing in for the
// train helps (faster door to door or cheaper than the train's class), and a
// bell on each sold-out class that sets an availability watch with one click.
import { useState } from 'preact/hooks';
import { formatYuan, pick } from '../../lib/i18n';
import { t, uiLang } from '../../lib/i18n/catalog';
import type { Beat } from '../../lib/capture/view';
import { formatDuration } from '../../lib/time';

/** "35分" / "35m" under an hour (the chip has room for a few characters), "1小时5分" / "1h 5m" from an hour. */
const shortDuration = (min: number) => (min < 60 ? t('overlay_minutesShort', min) : formatDuration(min, uiLang() === 'en' ? 'en' : 'zh'));

export function BeatNote({ beat }: { beat: Beat }) {
  // The chip sits beside the train number, out of the row's flow (rows.tsx), where there is room
  // for a few characters only: the lead fact shows; the whole note — the flight, the train's
  // class it is compared with, time and money — is its title and spoken text.
  const chip = beat.fasterMin ? t('overlay_chipFaster', shortDuration(beat.fasterMin)) : beat.cheaperFen ? t('overlay_chipCheaper', formatYuan(beat.cheaperFen)) : '';
  const full = `✈ ${pick(uiLang(), beat.text)}`;
  return (
    <span class="ra ra-rownote" data-testid="railair-beat" title={full}>
      <span aria-hidden="true">✈{chip}</span>
      <span class="ra-sr">{full}</span>
    </span>
  );
}

/** An inline bell (emoji fonts are missing on many Linux machines). */
function BellIcon() {
  return (
    <svg width="10" height="11" viewBox="0 0 20 22" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M10 0a1.6 1.6 0 0 0-1.6 1.6v.7A6.6 6.6 0 0 0 3.4 8.8v4.6L1 16.3v1.4h18v-1.4l-2.4-2.9V8.8a6.6 6.6 0 0 0-5-6.5v-.7A1.6 1.6 0 0 0 10 0zm-2.6 19a2.6 2.6 0 0 0 5.2 0z"
      />
    </svg>
  );
}

/** Result of asking the background for a watch. */
export type WatchOutcome = { kind: 'created'; id?: string } | { kind: 'exists'; id?: string } | { kind: 'unavailable' } | { kind: 'error'; message: string };

export function Bell({
  label,
  onWatch,
  watchedId,
  onUnwatch,
}: {
  label: string;
  onWatch: () => Promise<WatchOutcome>;
  /** The watch this class already has (shown pressed; a click removes it when `onUnwatch` is given). */
  watchedId?: string | undefined;
  onUnwatch?: (id: string) => Promise<boolean>;
}) {
  const [state, setState] = useState<'idle' | 'busy' | 'removed' | WatchOutcome['kind']>('idle');
  const [message, setMessage] = useState('');
  const [watchId, setWatchId] = useState(watchedId);
  const click = async (e: Event) => {
    // The click is ours: the page's own cell handlers (price pop-ups) must not see it.
    e.stopPropagation();
    e.preventDefault();
    // Only the user's own click sets or removes a watch: a page script's synthetic click
    // (`.click()`, dispatchEvent) is marked untrusted by the browser and changes nothing.
    if (e.isTrusted === false) return;
    if (state === 'busy') return;
    setState('busy');
    if (watchId && onUnwatch) {
      const gone = await onUnwatch(watchId);
      if (gone) setWatchId(undefined);
      setState(gone ? 'removed' : 'error');
      if (!gone) setMessage('');
      return;
    }
    const r = await onWatch();
    setState(r.kind);
    if ((r.kind === 'created' || r.kind === 'exists') && r.id) setWatchId(r.id);
    if (r.kind === 'error') setMessage(r.message);
  };
  const on = !!watchId && !!onUnwatch;
  const text =
    state === 'removed'
      ? t('overlay_bellRemoved')
      : state === 'created'
      ? t('overlay_bellWatching')
      : state === 'exists'
        ? t('overlay_bellExists')
        : state === 'unavailable'
          ? t('overlay_watchUnavailable')
          : state === 'error'
            ? message
              ? t('overlay_bellFailedWhy', message)
              : t('overlay_bellFailed')
            : '';
  return (
    <span class="ra">
      <button
        type="button"
        class={on ? 'ra-bell ra-bell-on' : 'ra-bell'}
        data-testid="railair-bell"
        data-watched={on ? '' : undefined}
        aria-pressed={onUnwatch ? on : undefined}
        title={on ? t('overlay_bellWatchedTitle', label) : t('overlay_bellTitle', label)}
        aria-label={t('overlay_bellLabel', label)}
        disabled={state === 'busy'}
        onClick={click}
      >
        <BellIcon />
      </button>
      {text && (
        <span class="ra-bell-msg" role="status" data-testid="railair-bell-msg">
          {text}
        </span>
      )}
    </span>
  );
}
