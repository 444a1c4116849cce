/**
 * The picture of `emerge fit --plot` for training runs: each run's measured loss and the fitted
 * law's loss for it across training compute, the fit's compute-optimal loss as a line, and the
 * hold-out cut-off and --at-compute budget as rules.
 */
import { computeOptimalLoss } from '../../core/allocation.js';
import { loss, type ChinchillaLaw } from '../../core/scaling-law.js';
import { columnPositions } from '../chart.js';
import { formatSci } from '../format.js';
import type { LawChartRun } from '../fit-law-chart.js';
import { evenlySpaced, type Picture, type PlotRule } from './chart.js';
import { logDomain } from './axis.js';

/** Points per decade of the compute-optimal line. */
const RESOLUTION = 20;

/**
 * At most this many runs are drawn: a file of every checkpoint (10^5–10^6 rows) would make a picture
 * of hundreds of megabytes that no viewer opens. Beyond it, runs evenly spaced in order of compute
 * are drawn (deterministic), and the subtitle says how many.
 */
export const MAX_DRAWN_RUNS = 5000;

/** The runs drawn: all, or MAX_DRAWN_RUNS of them evenly spaced in order of compute, both ends kept. */
function drawnRuns(runs: readonly LawChartRun[]): readonly LawChartRun[] {
  if (runs.length <= MAX_DRAWN_RUNS) return runs;
  const sorted = [...runs].sort((a, b) => a.compute - b.compute);
  return evenlySpaced(sorted.length, MAX_DRAWN_RUNS).map((i) => sorted[i]!);
}

export function lawPicture(law: ChinchillaLaw, allRuns: readonly LawChartRun[], context: { file: string; cutoff?: number; atCompute?: number }): Picture {
  const runs = drawnRuns(allRuns);
  const marked = [context.cutoff, context.atCompute].filter((c): c is number => c !== undefined);
  const domain = logDomain([...runs.map((r) => r.compute), ...marked]);
  const [lo, hi] = domain.map(Math.log10) as [number, number];
  const frontier = columnPositions(lo, hi, (hi - lo) * RESOLUTION + 1).map((d) => ({ x: 10 ** d, y: computeOptimalLoss(law, 10 ** d) }));
  const rules: PlotRule[] = [];
  if (context.cutoff !== undefined) rules.push({ at: context.cutoff, label: `hold-out cut-off ${formatSci(context.cutoff)} FLOPs (fitted below)` });
  if (context.atCompute !== undefined) rules.push({ at: context.atCompute, label: `--at-compute ${formatSci(context.atCompute)} FLOPs` });
  const form = `L(N, D) = ${law.E.toPrecision(4)} + ${law.A.toPrecision(4)}/N^${law.alpha.toPrecision(3)} + ${law.B.toPrecision(4)}/D^${law.beta.toPrecision(3)}`;
  return {
    title: `Scaling law fitted to ${allRuns.length} training runs of ${context.file}`,
    subtitle: [
      `${form} (Approach 3: Huber loss on log-loss residuals).`,
      ...(runs.length < allRuns.length ? [`${runs.length} of the ${allRuns.length} runs drawn, evenly spaced in training compute.`] : []),
    ],
    legend: 'loss',
    charts: [
      {
        title: 'Loss across training compute',
        x: { title: 'training compute C = 6ND (FLOPs)', scale: 'log', format: 'flops', domain },
        y: { title: 'loss (nats/token)', scale: 'linear', format: 'decimal' },
        series: [
          { kind: 'line', name: 'compute-optimal loss of the fit', values: frontier },
          { kind: 'points', name: 'fitted L(N, D) of each run', hollow: true, values: runs.map((r) => ({ x: r.compute, y: loss(law, r.params, r.tokens) })) },
          { kind: 'points', name: 'observed loss of each run', values: runs.map((r) => ({ x: r.compute, y: r.loss })) },
        ],
        rules,
      },
    ],
  };
}
