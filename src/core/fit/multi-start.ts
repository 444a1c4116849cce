/**
 * Multi-start minimisation of the law objective: L-BFGS from every start of a grid, results packed
 * in typed arrays (so a worker thread can hand them back without copying), and a deterministic
 * choice of the best start.
 */
import { DEFAULT_LBFGS, minimizeLbfgs, type LbfgsOptions, type LbfgsReason } from './lbfgs.js';
import { lawObjective, type LawData, type ResidualLoss } from './law-objective.js';
import type { StartGrid } from './law-grid.js';
import { objectiveHessian } from './law-diagnostics.js';
import { newtonMinimize } from './newton.js';

/**
 * Early abandonment of starts that cannot win: a start still above `ratio × incumbent` after
 * `afterIteration` iterations is stopped. The incumbent is fixed before the search (the best
 * objective of a pilot run), never updated during it, so which starts are abandoned does not depend
 * on the order or the thread they run in. This is a heuristic, not a bound: it is measured, on the
 * Chinchilla runs, to leave the best start untouched (test/core/fit/law-fit.test.ts, bench/law-fit.ts).
 */
export interface PruneRule {
  afterIteration: number;
  ratio: number;
  incumbent: number;
}

export const REASONS: readonly (LbfgsReason | 'pruned')[] = ['gradient', 'ftol', 'maxIterations', 'maxEvaluations', 'lineSearch', 'nonFinite', 'stopped', 'pruned'];
const PRUNED = REASONS.indexOf('pruned');

/** Outcomes of starts [from, to) of a grid, packed: start k is at offset k − from. */
export interface StartBatch {
  from: number;
  to: number;
  values: Float64Array;
  /** θ of each start's end point, 5 per start. */
  thetas: Float64Array;
  /** Index into REASONS. */
  reasons: Uint8Array;
  iterations: Uint32Array;
  evaluations: Uint32Array;
}

export interface MultiStartSettings {
  loss: ResidualLoss;
  lbfgs: Partial<LbfgsOptions>;
  prune: PruneRule | null;
  /** Minimise by chord-Newton steps (newton.ts) where the Hessian at the start is positive definite, L-BFGS elsewhere: the polish of a screened fit. */
  newton?: boolean;
}

/**
 * Run L-BFGS on the law objective from starts [from, to) of `grid`. `onStart` is called after each
 * start with the number finished so far (for progress).
 */
export function runStarts(data: LawData, grid: StartGrid, from: number, to: number, settings: MultiStartSettings, onStart?: (done: number) => void): StartBatch {
  const count = to - from;
  const batch: StartBatch = {
    from,
    to,
    values: new Float64Array(count),
    thetas: new Float64Array(5 * count),
    reasons: new Uint8Array(count),
    iterations: new Uint32Array(count),
    evaluations: new Uint32Array(count),
  };
  const objective = lawObjective(data, settings.loss);
  const prune = settings.prune;
  let pruned = false;
  const lbfgs: Partial<LbfgsOptions> = { ...DEFAULT_LBFGS, ...settings.lbfgs };
  if (prune) {
    const limit = prune.ratio * prune.incumbent;
    lbfgs.onIteration = (iteration, value) => {
      pruned = iteration === prune.afterIteration && value > limit;
      return !pruned;
    };
  }
  for (let k = from; k < to; k++) {
    pruned = false;
    const x0 = grid.points.subarray(5 * k, 5 * k + 5);
    const result = (settings.newton ? newtonMinimize(objective, (x) => objectiveHessian(data, settings.loss, x), 10, x0) : null) ?? minimizeLbfgs(objective, x0, lbfgs);
    const j = k - from;
    batch.values[j] = result.value;
    batch.thetas.set(result.x, 5 * j);
    batch.reasons[j] = pruned ? PRUNED : REASONS.indexOf(result.reason);
    batch.iterations[j] = result.iterations;
    batch.evaluations[j] = result.evaluations;
    onStart?.(j + 1);
  }
  return batch;
}

/** The winning start across batches and the totals a report needs. */
export interface MultiStartSummary {
  /** Grid index of the best start: lowest objective, ties to the lower index (deterministic). */
  best: number;
  value: number;
  theta: Float64Array;
  reason: LbfgsReason | 'pruned';
  converged: boolean;
  starts: number;
  convergedStarts: number;
  prunedStarts: number;
  iterations: number;
  evaluations: number;
}

/**
 * Combine batches (any order, any partition of the grid) into the best start and the totals. Only
 * finite objectives compete; the result is the same whatever the partition.
 * @throws RangeError when no start reached a finite objective
 */
export function summariseStarts(batches: readonly StartBatch[]): MultiStartSummary {
  let best = -1;
  let value = Infinity;
  let theta = new Float64Array(5);
  let reason = 0;
  let starts = 0;
  let convergedStarts = 0;
  let prunedStarts = 0;
  let iterations = 0;
  let evaluations = 0;
  for (const batch of batches) {
    for (let j = 0; j < batch.to - batch.from; j++) {
      const k = batch.from + j;
      const v = batch.values[j]!;
      const r = batch.reasons[j]!;
      starts++;
      if (r <= 1) convergedStarts++;
      if (r === PRUNED) prunedStarts++;
      iterations += batch.iterations[j]!;
      evaluations += batch.evaluations[j]!;
      if (Number.isFinite(v) && (v < value || (v === value && k < best))) {
        best = k;
        value = v;
        theta = batch.thetas.slice(5 * j, 5 * j + 5);
        reason = r;
      }
    }
  }
  if (best < 0) throw new RangeError('no start reached a finite objective');
  return { best, value, theta, reason: REASONS[reason]!, converged: reason <= 1, starts, convergedStarts, prunedStarts, iterations, evaluations };
}
