// What RailAir adds to a 12306 train row: a compact note where the flight standing in for the
// train helps (faster door to door or cheaper than the train's class), and a
// bell on each sold-out class that sets an availability watch with one click.
import { useState } from 'preact/hooks';
import { formatYuan } from '../../lib/i18n';
import type { Beat } from '../../lib/capture/view';
import { formatDuration } from '../../lib/time';
import { WATCH_UNAVAILABLE } from './labels';

/** "35分" under an hour (the chip has room for a few characters), "1小时5分" from an hour. */
const shortDuration = (min: number) => (min < 60 ? `${min}分` : formatDuration(min, 'zh'));

export function BeatNote({ beat }: { beat: Beat }) {
  // The chip sits beside the train number, out of the row's flow (rows.tsx), where there is room
  // for a few characters only: the lead fact shows; the whole note — the flight, the train's
  // class it is compared with, time and money — is its title and spoken text.
  const chip = beat.fasterMin ? `快${shortDuration(beat.fasterMin)}` : beat.cheaperFen ? `省${formatYuan(beat.cheaperFen)}` : '';
  const full = `✈ ${beat.text.zh}`;
  return (
    <span class="ra ra-rownote" data-testid="railair-beat" title={`${full} · ${beat.text.en}`}>
      <span aria-hidden="true">✈{chip}</span>
      <span class="ra-sr">{`${full} · ${beat.text.en}`}</span>
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
export type WatchOutcome = { kind: 'created' } | { kind: 'exists' } | { kind: 'unavailable' } | { kind: 'error'; message: string };

export function Bell({ label, onWatch }: { label: string; onWatch: () => Promise<WatchOutcome> }) {
  const [state, setState] = useState<'idle' | 'busy' | WatchOutcome['kind']>('idle');
  const [message, setMessage] = useState('');
  const click = async (e: Event) => {
    // The click is ours: the page's own cell handlers (price pop-ups) must not see it.
    e.stopPropagation();
    e.preventDefault();
    // Only the user's own click sets a watch: a page script's synthetic click (`.click()`,
    // dispatchEvent) is marked untrusted by the browser and creates nothing.
    if (e.isTrusted === false) return;
    if (state === 'busy') return;
    setState('busy');
    const r = await onWatch();
    setState(r.kind);
    if (r.kind === 'error') setMessage(r.message);
  };
  const text =
    state === 'created'
      ? '已设提醒 · Watching'
      : state === 'exists'
        ? '已在提醒中 · Already watching'
        : state === 'unavailable'
          ? `${WATCH_UNAVAILABLE.zh} · ${WATCH_UNAVAILABLE.en}`
          : state === 'error'
            ? `提醒设置失败 · Could not set the watch${message ? `: ${message}` : ''}`
            : '';
  return (
    <span class="ra">
      <button
        type="button"
        class="ra-bell"
        data-testid="railair-bell"
        title={`有票提醒：${label} · Tell me when seats are back`}
        aria-label={`有票提醒：${label} · Watch for seats`}
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
