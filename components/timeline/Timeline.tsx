// The day at a glance: a 24-hour axis (China time), one row per option — trains and flights in
// two colours, the door-to-door extensions (home → station/airport, arrival → door) lighter, the
// recommended options starred. Every option is shown: the rows scroll inside the timeline while
// the hour axis stays in view, and "now" jumps to the first option still to leave. Plain HTML
// with percentage positions (no chart library, no SVG scaling): labels keep their real font
// size at any popup width and zoom.
import { useRef } from 'preact/hooks';
import { t } from '../../lib/i18n/catalog';
import type { ChinaDate, EpochMs } from '../../lib/model';
import { chinaHm, chinaInstant } from '../../lib/time';

export interface TimelineBar {
  id: string;
  label: string;
  mode: 'rail' | 'air';
  depart: EpochMs;
  arrive: EpochMs;
  /** Door to door, when known. */
  leaveHome?: EpochMs;
  reachDoor?: EpochMs;
  recommended: boolean;
  soldOut?: boolean;
  /** Already left: greyed. */
  departed?: boolean;
}

const DAY_MIN = 24 * 60;
const TICKS = [0, 3, 6, 9, 12, 15, 18, 21, 24];

/** Left edge and width on the day's axis, in percent (clamped to the day). */
function span(day0: EpochMs, from: EpochMs, to: EpochMs): { left: string; width: string } {
  const at = (x: EpochMs) => Math.max(0, Math.min(100, ((x - day0) / 60_000 / DAY_MIN) * 100));
  const l = at(from);
  return { left: `${l.toFixed(2)}%`, width: `${Math.max(0.4, at(to) - l).toFixed(2)}%` };
}

export function Timeline({ date, bars, now }: { date: ChinaDate; bars: TimelineBar[]; now: EpochMs }) {
  const scroller = useRef<HTMLDivElement>(null);
  const day0 = chinaInstant(date);
  const today = now >= day0 && now < day0 + DAY_MIN * 60_000;
  const next = today ? bars.find((b) => b.depart >= now) : undefined;

  /** Scrolls the rows (not the popup) so the first option still to leave is the top row. */
  function jumpToNow() {
    const box = scroller.current;
    const row = next && box?.querySelector<HTMLElement>(`[data-id="${CSS.escape(next.id)}"]`);
    if (!box || !row) return;
    const axis = box.querySelector<HTMLElement>('.tl-axis')?.offsetHeight ?? 0;
    box.scrollTop = row.offsetTop - axis;
    row.focus({ preventScroll: true });
  }

  return (
    <figure class="timeline" data-testid="timeline">
      <figcaption class="tl-caption">
        <span>{t('timeline_caption', bars.length)}</span>
        {next && (
          <button type="button" class="link tl-jump" onClick={jumpToNow} data-testid="timeline-now">
            {t('timeline_jump_now', chinaHm(now))}
          </button>
        )}
      </figcaption>
      <div class="tl-scroll" ref={scroller} tabIndex={0} role="group" aria-label={t('timeline_caption', bars.length)}>
        <div class="tl-axis" aria-hidden="true">
          <span class="tl-label" />
          <span class="tl-track">
            {TICKS.map((h) => (
              <span key={h} class="tl-tick" style={{ left: `${(h / 24) * 100}%` }}>
                {String(h).padStart(2, '0')}
              </span>
            ))}
            {today && <span class="tl-now" style={{ left: span(day0, now, now).left }} />}
          </span>
        </div>
        <ol class="tl-rows">
          {bars.map((b) => {
            const cls = `tl-bar tl-${b.mode}${b.soldOut ? ' tl-soldout' : ''}${b.departed ? ' tl-departed' : ''}`;
            const when = `${b.label} ${chinaHm(b.depart)}–${chinaHm(b.arrive)}`;
            return (
              <li key={b.id} data-id={b.id} class={`tl-row${b.recommended ? ' tl-rec' : ''}`} tabIndex={-1}>
                <span class="tl-label">
                  {b.recommended && <span class="tl-star" title={t('timeline_recommended')}>★</span>}
                  {b.label}
                </span>
                <span class="tl-track">
                  {b.leaveHome !== undefined && b.reachDoor !== undefined && (
                    <span class={`${cls} tl-ext`} style={span(day0, b.leaveHome, b.reachDoor)} />
                  )}
                  <span class={cls} style={span(day0, b.depart, b.arrive)} title={when} />
                  <span class="sr-only">{`${when}${b.recommended ? ` (${t('timeline_recommended')})` : ''}`}</span>
                </span>
              </li>
            );
          })}
        </ol>
      </div>
    </figure>
  );
}
