/**
 * One ASCII chart per fitted group: the models' scores as points, the fitted curve as a line, and the
 * threshold marked, over log10 of the scale (or −loss).
 */
import { sigmoidScore, type ScaleAxis, type SigmoidParams } from '../core/curve-fit/index.js';
import { columnPositions, renderChart } from './chart.js';
import { formatCount, formatFixed } from './format.js';
import { formatScale } from './fit-curve-view.js';

export interface CurveChartInput {
  label: string;
  axis: ScaleAxis;
  /** x (log10 scale, or −loss) and score (0–1) of each model. */
  points: { x: number; y: number }[];
  params: SigmoidParams;
  threshold: number;
}

/** x tick at 10^decade: 1B, 1e22, or the loss at x = −L. */
function tickLabel(axis: ScaleAxis): (decade: number) => string {
  if (axis === 'loss') return (x) => `L=${formatFixed(-x, 1)}`;
  if (axis === 'compute') return (decade) => `1e${decade}`;
  return (decade) => formatCount(10 ** decade);
}

export function renderCurveChart(input: CurveChartInput, options: { width: number; height: number; color: boolean }): string {
  const xs = input.points.map((p) => p.x);
  const lo = Math.min(...xs, input.params.x0);
  const hi = Math.max(...xs, input.params.x0);
  const pad = Math.max(0.05 * (hi - lo), 0.1);
  const xMin = lo - pad;
  const xMax = hi + pad;
  const values = columnPositions(xMin, xMax, options.width).map((x) => sigmoidScore(input.params, x));
  const chart = renderChart({
    xMin,
    xMax,
    xTick: tickLabel(input.axis),
    lines: [{ name: 'fit', values }],
    points: input.points.map((p) => ({ x: p.x, y: p.y })),
    markers: [{ x: input.params.x0, label: `threshold ${formatScale(input.axis, input.threshold)}` }],
    yMin: 0,
    yMax: 1,
    height: options.height,
    yFormat: (y) => `${(y * 100).toFixed(0)}`,
    color: options.color,
  });
  return `${input.label} (score, points; ● models)\n\n${chart}`;
}
