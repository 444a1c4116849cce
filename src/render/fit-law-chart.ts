/**
 * Observed and fitted loss across compute: each run's measured loss (●) and the fitted law's loss
 * for that run (○), with the fitted law's compute-optimal loss as a line (no run can beat it by
 * more than the noise), over log10 of the training compute.
 */
import { computeOptimalLoss } from '../core/allocation.js';
import { loss, type ScalingLaw } from '../core/scaling-law.js';
import { columnPositions, renderChart, type ChartMarker } from './chart.js';
import { formatFixed, formatSci } from './format.js';

export interface LawChartRun {
  params: number;
  tokens: number;
  compute: number;
  loss: number;
}

export function renderLawChart(
  law: ScalingLaw,
  runs: readonly LawChartRun[],
  options: { width: number; height: number; color: boolean; cutoff?: number; atCompute?: number },
): string {
  const xs = runs.map((r) => Math.log10(r.compute));
  const fitted = runs.map((r) => loss(law, r.params, r.tokens));
  const marked = [options.cutoff, options.atCompute].filter((c): c is number => c !== undefined).map(Math.log10);
  const xMin = Math.floor(Math.min(...xs, ...marked) * 2) / 2;
  const xMax = Math.ceil(Math.max(...xs, ...marked) * 2) / 2;
  const frontier = columnPositions(xMin, xMax, options.width).map((x) => computeOptimalLoss(law, 10 ** x));
  const ys = [...runs.map((r) => r.loss), ...fitted, ...frontier];
  const yMin = Math.floor(Math.min(...ys) * 10) / 10;
  const yMax = Math.ceil(Math.max(...ys) * 10) / 10;
  const markers: ChartMarker[] = [];
  if (options.cutoff !== undefined) markers.push({ x: Math.log10(options.cutoff), label: `hold-out cutoff ${formatSci(options.cutoff)}` });
  if (options.atCompute !== undefined) markers.push({ x: Math.log10(options.atCompute), label: `--at-compute ${formatSci(options.atCompute)}` });
  const chart = renderChart({
    xMin,
    xMax,
    xTick: (decade) => `1e${decade}`,
    lines: [{ name: 'compute-optimal', values: frontier }],
    points: [...runs.map((_, i) => ({ x: xs[i]!, y: fitted[i]!, symbol: '○' })), ...runs.map((r, i) => ({ x: xs[i]!, y: r.loss, symbol: '●' }))],
    markers,
    yMin,
    yMax,
    height: options.height,
    yFormat: (y) => formatFixed(y, 2),
    color: options.color,
  });
  return `Loss across training compute (● observed, ○ fitted, line: the fit's compute-optimal loss)\n\n${chart}`;
}
