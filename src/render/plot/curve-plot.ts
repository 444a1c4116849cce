/**
 * The picture of `emerge fit --plot` for task scores: one panel per fitted group (small multiples),
 * each with the models' scores, the fitted sigmoid, its 95% bootstrap band where the bootstrap ran,
 * and the threshold as a labelled rule.
 */
import { fromX, quantile, sigmoidScore, toX, type FittedCurve, type ScaleAxis } from '../../core/curve-fit/index.js';
import { columnPositions } from '../chart.js';
import { formatScale } from '../fit-curve-view.js';
import type { Chart, Picture, PlotSeries } from './chart.js';
import { logDomain, paddedDomain, type PlotAxis } from './axis.js';

/** Points of each drawn curve and band. */
const RESOLUTION = 120;

export interface CurvePanel {
  curve: FittedCurve;
  /** The models: scale (in the axis's unit) and score (0–1). */
  points: readonly { scale: number; score: number }[];
}

const AXIS_TITLES: Readonly<Record<ScaleAxis, string>> = {
  params: 'parameters N',
  compute: 'training compute C (FLOPs)',
  tokens: 'training tokens D',
  loss: 'loss predicted by the law (nats/token; larger models to the right)',
};

export function curvePicture(panels: readonly CurvePanel[], context: { file: string; axis: ScaleAxis }): Picture {
  const banded = panels.some((p) => p.curve.intervals !== undefined);
  return {
    title: `Emergence curves of ${context.file}`,
    subtitle: [
      `score = floor + (ceiling − floor)·sigmoid(k·(x − x0)) per task, x = ${context.axis === 'loss' ? '−loss' : `log10 ${context.axis}`}; the rule marks the threshold x0${banded ? '; shaded: 95% pointwise bootstrap band' : ''}.`,
    ],
    legend: '',
    charts: panels.map((panel) => curveChart(panel, context.axis)),
  };
}

function curveChart({ curve, points }: CurvePanel, axis: ScaleAxis): Chart {
  const scales = [...points.map((p) => p.scale), curve.threshold];
  const x: PlotAxis =
    axis === 'loss'
      ? { title: AXIS_TITLES.loss, scale: 'linear', format: 'decimal', domain: paddedDomain(scales), reverse: true }
      : { title: AXIS_TITLES[axis], scale: 'log', format: axis === 'compute' ? 'flops' : 'count', domain: logDomain(scales) };
  const [a, b] = x.domain!.map((v) => toX(axis, v)) as [number, number];
  const grid = columnPositions(a, b, RESOLUTION + 1);
  const series: PlotSeries[] = [];
  const samples = curve.intervals?.samples;
  if (samples && samples.length >= 2) {
    series.push({
      kind: 'band',
      name: '95% bootstrap band',
      styleOf: 'fitted sigmoid',
      values: grid.map((g) => {
        const ys = samples.map((p) => sigmoidScore(p, g));
        return { x: fromX(axis, g), lower: quantile(ys, 0.025), upper: quantile(ys, 0.975) };
      }),
    });
  }
  series.push({ kind: 'line', name: 'fitted sigmoid', values: grid.map((g) => ({ x: fromX(axis, g), y: sigmoidScore(curve.params, g) })) });
  series.push({ kind: 'points', name: 'models', values: points.map((p) => ({ x: p.scale, y: p.score })) });
  const interval = curve.intervals ? ` [${formatScale(axis, curve.intervals.threshold.lower)}, ${formatScale(axis, curve.intervals.threshold.upper)}]` : '';
  return {
    title: curve.label,
    subtitle: [`${curve.verdict}; threshold ${formatScale(axis, curve.threshold)}${interval}`],
    x,
    y: { title: 'score', scale: 'linear', format: 'percent', domain: [0, 1] },
    series,
    rules: [{ at: curve.threshold, label: `threshold ${formatScale(axis, curve.threshold)}` }],
  };
}
