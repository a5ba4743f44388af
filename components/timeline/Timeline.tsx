// The day at a glance: a 24-hour axis (China time), one bar per option — trains and flights in
// two colours, the door-to-door extensions (home → station/airport, arrival → door) lighter, the
// recommended options marked. Plain SVG: no chart library.
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import type { ChinaDate, EpochMs } from '../../lib/model';
import { chinaInstant } from '../../lib/time';

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

const W = 720;
const LEFT = 52;
const RIGHT = 8;
const ROW = 12;
const AXIS = 18;
const SPAN_MIN = 24 * 60;

export function Timeline({ date, bars, lang, max = 40 }: { date: ChinaDate; bars: TimelineBar[]; lang: Lang; max?: number }) {
  const shown = bars.slice(0, max);
  const day0 = chinaInstant(date);
  const plotW = W - LEFT - RIGHT;
  const x = (t: EpochMs) => LEFT + Math.max(0, Math.min(1, (t - day0) / 60_000 / SPAN_MIN)) * plotW;
  const h = AXIS + shown.length * ROW + 4;
  const ticks = [0, 3, 6, 9, 12, 15, 18, 21, 24];
  return (
    <svg
      class="timeline"
      viewBox={`0 0 ${W} ${h}`}
      width="100%"
      role="img"
      aria-label={tr(lang, `当天时间轴：${shown.length} 个选项`, `Timeline of the day: ${shown.length} options`)}
      data-testid="timeline"
    >
      {ticks.map((t) => {
        const tx = LEFT + (t / 24) * plotW;
        return (
          <g key={t}>
            <line x1={tx} x2={tx} y1={AXIS - 4} y2={h} class="tl-grid" />
            <text x={tx} y={10} text-anchor="middle" class="tl-tick">
              {String(t).padStart(2, '0')}
            </text>
          </g>
        );
      })}
      {shown.map((b, i) => {
        const y = AXIS + i * ROW;
        const cls = `tl-bar tl-${b.mode}${b.soldOut ? ' tl-soldout' : ''}${b.departed ? ' tl-departed' : ''}`;
        return (
          <g key={b.id} data-id={b.id} class={b.recommended ? 'tl-rec' : undefined}>
            <text x={LEFT - 4} y={y + 9} text-anchor="end" class="tl-label">
              {b.recommended ? '★' : ''}
              {b.label}
            </text>
            {b.leaveHome !== undefined && b.reachDoor !== undefined && (
              <rect x={x(b.leaveHome)} y={y + 3} width={Math.max(1, x(b.reachDoor) - x(b.leaveHome))} height={ROW - 6} class={`${cls} tl-ext`} />
            )}
            <rect x={x(b.depart)} y={y + 1} width={Math.max(2, x(b.arrive) - x(b.depart))} height={ROW - 2} rx={2} class={cls}>
              <title>{b.label}</title>
            </rect>
          </g>
        );
      })}
    </svg>
  );
}
