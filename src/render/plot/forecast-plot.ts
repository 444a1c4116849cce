/**
 * The picture of `emerge fit --plot` for a forecast: one panel per task (small multiples), the
 * finished runs' scores across training compute, the forecast and its interval as a shaded band
 * out to two decades beyond the largest fitted run, and that run as a rule. With --holdout-above
 * it draws the back-test: the forecast fitted below the cut-off, and the held-out runs it is judged
 * on as hollow points.
 *
 * A two-step forecast is a function of (N, D), not of compute alone: the line follows the
 * compute-optimal models of the fitted loss law (allocation.ts), which the runs of a ladder scatter
 * around. A one-step forecast is a function of compute.
 */
import { computeOptimal } from '../../core/allocation.js';
import { FAR_DECADES, forecastTask, taskLaw, type ForecastSpec } from '../../core/forecast/index.js';
import { columnPositions } from '../chart.js';
import { formatSci } from '../format.js';
import type { Chart, Picture, PlotSeries } from './chart.js';
import { logDomain } from './axis.js';

/** Points per decade of each forecast line and band. */
const RESOLUTION = 24;
/** At most this many panels: beyond it, the first tasks in the file's order, and the subtitle says so. */
export const MAX_FORECAST_PANELS = 16;

export interface ForecastPanel {
  id: string;
  /** Finished runs the forecast was fitted on: compute and score (0–1). */
  fitted: readonly { compute: number; score: number }[];
  /** Finished runs held out (--holdout-above), judged against the forecast. */
  heldOut: readonly { compute: number; score: number }[];
}

export function forecastPicture(spec: ForecastSpec, panels: readonly ForecastPanel[], context: { file: string; cutoff?: number }): Picture {
  const drawn = panels.slice(0, MAX_FORECAST_PANELS);
  const level = `${Math.round(spec.level * 100)}%`;
  const subtitle = [
    `Score forecast across training compute with its ${level} interval (shaded), out to ${FAR_DECADES} decades beyond the largest fitted run; two-step lines follow the compute-optimal models of the fitted loss law.`,
  ];
  if (context.cutoff !== undefined) subtitle.push(`Back-test: fitted on the runs at or below ${formatSci(context.cutoff)} FLOPs; hollow points are the held-out runs.`);
  if (drawn.length < panels.length) subtitle.push(`${drawn.length} of ${panels.length} tasks drawn, in the file's order.`);
  return {
    title: `Forecast of ${panels.length} tasks from ${context.file}`,
    subtitle,
    legend: '',
    charts: drawn.map((panel) => forecastChart(spec, panel, level)),
  };
}

function forecastChart(spec: ForecastSpec, panel: ForecastPanel, level: string): Chart {
  const task = spec.tasks.find((t) => t.id === panel.id)!;
  const observed = [...panel.fitted, ...panel.heldOut].map((p) => p.compute);
  const far = task.largestCompute * 10 ** FAR_DECADES;
  const domain = logDomain([...observed, far]);
  const lo = Math.log10(domain[0]);
  const law = taskLaw(spec, task);
  const grid = columnPositions(lo, Math.log10(far), Math.round((Math.log10(far) - lo) * RESOLUTION) + 1).map((d) => 10 ** d);
  const predictions = grid.map((compute) => {
    // Without a loss law every forecast is one-step, a function of compute alone: N and D are unused.
    const { params, tokens } = law ? computeOptimal(law, compute) : { params: compute / 6, tokens: 1 };
    return { compute, prediction: forecastTask(spec, task, params, tokens, compute) };
  });
  const series: PlotSeries[] = [];
  if (predictions.every((p) => p.prediction.lower !== undefined)) {
    series.push({
      kind: 'band',
      name: `${level} interval`,
      styleOf: 'forecast',
      values: predictions.map(({ compute, prediction }) => ({ x: compute, lower: prediction.lower!, upper: prediction.upper! })),
    });
  }
  series.push({ kind: 'line', name: 'forecast', values: predictions.map(({ compute, prediction }) => ({ x: compute, y: prediction.score })) });
  series.push({ kind: 'points', name: 'fitted runs', values: panel.fitted.map((p) => ({ x: p.compute, y: p.score })) });
  if (panel.heldOut.length > 0) series.push({ kind: 'points', name: 'held-out runs', hollow: true, values: panel.heldOut.map((p) => ({ x: p.compute, y: p.score })) });
  return {
    title: task.name,
    subtitle: [task.method],
    x: { title: 'training compute C (FLOPs)', scale: 'log', format: 'flops', domain },
    y: { title: 'score', scale: 'linear', format: 'percent', domain: [0, 1] },
    series,
    rules: [{ at: task.largestCompute, label: 'largest fitted run' }],
  };
}
