// A tiny SVG sparkline of seats left over time (our own: no chart library in the popup).
// Steps, not slopes: a count holds until the next check says otherwise.
import { t } from '../../lib/i18n/catalog';
import type { HistoryPoint } from '../../lib/watch/model';

export interface SparklineProps {
  points: readonly HistoryPoint[];
  width?: number;
  height?: number;
  /** Accessible description in the UI language, e.g. "余票走势". */
  label: string;
}

/** The SVG path of a step line through the points, scaled into width × height (y = 0 at the bottom). */
export function sparkPath(points: readonly HistoryPoint[], width: number, height: number): string {
  if (points.length === 0) return '';
  const t0 = points[0]![0];
  const t1 = points[points.length - 1]![0];
  const max = Math.max(1, ...points.map((p) => p[1]));
  const x = (t: number) => (t1 === t0 ? width : ((t - t0) / (t1 - t0)) * width);
  const y = (n: number) => height - 1 - (n / max) * (height - 2);
  const f = (v: number) => Math.round(v * 10) / 10;
  let d = `M${f(points.length === 1 ? 0 : x(t0))},${f(y(points[0]![1]))}`;
  for (let i = 1; i < points.length; i++) {
    const [t, n] = points[i]!;
    d += `H${f(x(t))}V${f(y(n))}`;
  }
  if (points.length === 1) d += `H${f(width)}`;
  return d;
}

export function Sparkline({ points, width = 120, height = 28, label }: SparklineProps) {
  const last = points[points.length - 1];
  const max = Math.max(0, ...points.map((p) => p[1]));
  const title = points.length ? t('watch_spark_title', label, points.map((p) => p[1]).join(' → ').slice(0, 120), max) : label;
  return (
    <svg class="ra-w-spark" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      <line x1="0" x2={width} y1={height - 0.5} y2={height - 0.5} stroke="#d4d4d8" stroke-width="1" />
      {points.length > 0 && <path d={sparkPath(points, width, height)} fill="none" stroke="#16a34a" stroke-width="1.5" />}
      {last && last[1] > 0 && <circle cx={width - 1.5} cy={height - 1 - (last[1] / Math.max(1, max)) * (height - 2)} r="1.5" fill="#16a34a" />}
    </svg>
  );
}
