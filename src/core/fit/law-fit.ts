/**
 * Fitting L(N, D) = E + A/N^α + B/D^β to training runs by the published method (Hoffmann et al. 2022
 * Approach 3 as replicated by Besiroglu et al. 2024, arXiv:2404.10102): the Huber objective on
 * log-loss residuals (law-objective.ts), L-BFGS with the analytic gradient (lbfgs.ts) from every start
 * of a grid (law-grid.ts), keep the best.
 *
 * Above LARGE_FIT_ROWS rows the starts are screened on a subsample and the best few polished on
 * every row (law-screen.ts); below it, every start runs on every row, as published.
 *
 * This file runs in one thread; src/parallel/law-fit-pool.ts splits the same work across worker
 * threads and assembles the same LawFit with `assembleLawFit` or `assembleScreenedFit`, bit for bit.
 */
import { FitError } from '../../errors.js';
import type { ChinchillaLaw } from '../scaling-law.js';
import type { LbfgsOptions, LbfgsReason } from './lbfgs.js';
import { standardGrid, type StartGrid } from './law-grid.js';
import { errorsOfL, prepareLawData, PUBLISHED_LOSS, thetaToConstants, type ChinchillaConstants, type LawData, type ResidualLoss, type TrainingRun } from './law-objective.js';
import { lawDiagnostics, type LawDiagnostics } from './law-diagnostics.js';
import { runStarts, summariseStarts, type MultiStartSettings, type MultiStartSummary, type PruneRule, type StartBatch } from './multi-start.js';
import { DEFAULT_SCREEN, optimalityCheck, screenCandidates, summarisePolish, type ScreenReport, type ScreenSettings } from './law-screen.js';
import { subsampleLawData } from './law-subsample.js';

/** The fewest runs a five-parameter fit accepts. */
export const MIN_RUNS = 6;

export interface LawFitOptions {
  /** Residual penalty (default: Huber δ = 1e-3, the published objective). */
  loss: ResidualLoss;
  /** Start grid (default: the 4,500-point standard grid). */
  grid: StartGrid;
  /** L-BFGS settings (default: scipy's L-BFGS-B defaults, lbfgs.ts). */
  lbfgs: Partial<LbfgsOptions>;
  /** Early abandonment of hopeless starts (default none; see PruneRule). In a screened fit it applies to the screen. */
  prune: PruneRule | null;
  /** When and how to screen the starts on a subsample (default DEFAULT_SCREEN: above 2,000 rows). */
  screen: ScreenSettings;
  /** Called as starts finish: (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_LAW_FIT: Omit<LawFitOptions, 'grid'> = { loss: PUBLISHED_LOSS, lbfgs: {}, prune: null, screen: DEFAULT_SCREEN };

export interface LawFit {
  law: ChinchillaConstants;
  /** θ̂ = (ln A, ln B, ln E, α, β). */
  theta: number[];
  /** Σ ρ(ln Lᵢ − log L̂ᵢ) at θ̂. */
  objective: number;
  /** RMSE of L (not log L) over the runs, nats per token. */
  rmse: number;
  /** Mean absolute error of L over the runs. */
  mae: number;
  /** Number of runs fitted. */
  n: number;
  loss: ResidualLoss;
  /** Number of starts run, how many met a convergence test, how many were abandoned by the prune rule (in a screened fit: on the subsample). */
  starts: number;
  convergedStarts: number;
  prunedStarts: number;
  /** Grid index of the winning start. */
  bestStart: number;
  /** The winning start met a convergence test (gradient or ftol); false at a limit or a failed line search. */
  converged: boolean;
  reason: LbfgsReason | 'pruned';
  /** Total L-BFGS iterations and objective evaluations over all starts (and polished candidates). */
  iterations: number;
  evaluations: number;
  diagnostics: LawDiagnostics;
  /** How the starts were screened and the optimum checked; null when every start ran on every row. */
  screen: ScreenReport | null;
}

/**
 * Check that runs can be fitted: at least MIN_RUNS, every value finite and > 0, losses not all equal.
 * Messages name the run by its 1-based position (the command maps it to a file line).
 * @throws FitError
 */
export function validateRuns(runs: readonly TrainingRun[]): void {
  if (runs.length < MIN_RUNS) throw new FitError(`too few runs to fit a scaling law: ${runs.length} (need at least ${MIN_RUNS})`);
  runs.forEach((run, i) => {
    for (const key of ['params', 'tokens', 'loss'] as const) {
      if (!(Number.isFinite(run[key]) && run[key] > 0)) throw new FitError(`run ${i + 1}: ${key} must be a finite number > 0, got ${run[key]}`);
    }
  });
  if (runs.every((run) => run.loss === runs[0]!.loss)) throw new FitError(`all ${runs.length} runs have the same loss (${runs[0]!.loss}): nothing to fit`);
}

/**
 * The runs without the `count` highest-loss ones (Besiroglu et al. 2024 drop the 5 highest-loss
 * Chinchilla runs, all small models trained on few tokens). Order is kept; ties at the cut go by
 * position (the later run is dropped first).
 * @throws RangeError when count is not a non-negative integer
 * @example excludeTopLoss(runs245, 5).length // 240, the flagged rows of chinchilla_epoch_points.csv
 */
export function excludeTopLoss<T extends TrainingRun>(runs: readonly T[], count: number): T[] {
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`runs to exclude must be an integer >= 0, got ${count}`);
  if (count === 0) return [...runs]; // nothing to sort for (the sort costs a third of a second at 200,000 rows)
  const dropped = new Set(
    runs
      .map((run, index) => ({ loss: run.loss, index }))
      .sort((x, y) => y.loss - x.loss || y.index - x.index)
      .slice(0, count)
      .map(({ index }) => index),
  );
  return runs.filter((_, index) => !dropped.has(index));
}

/**
 * Fit the Chinchilla-form law to runs in this thread, from every start of the grid.
 * @throws FitError for unusable runs (validateRuns) or when no start reaches a finite objective
 * @example
 * fitChinchillaLaw(runs240).law
 * // { E: 1.817218, A: 477.8240, B: 2143.423, alpha: 0.3473103, beta: 0.3671726 }, objective 0.00101827402
 */
export function fitChinchillaLaw(runs: readonly TrainingRun[], options: Partial<LawFitOptions> = {}): LawFit {
  validateRuns(runs);
  const o: LawFitOptions = { ...DEFAULT_LAW_FIT, grid: options.grid ?? standardGrid(), ...options };
  const data = prepareLawData(runs);
  const screened = screensStarts(data.n, o.screen);
  const total = o.grid.size + (screened ? o.screen.candidates : 0);
  const progress = o.onProgress;
  const every = Math.max(1, Math.floor(total / 100));
  const report = progress && ((done: number) => (done % every === 0 || done === total) && progress(done, total));
  if (!screened) return assembleLawFit(runs, data, o.loss, [runStarts(data, o.grid, 0, o.grid.size, o, report)]);
  const sample = subsampleLawData(data, o.screen.rows);
  const batch = runStarts(sample, o.grid, 0, o.grid.size, screenSettings(o), report);
  const candidates = screenCandidates([batch], o.screen.candidates);
  const polish = runStarts(data, candidates.grid, 0, candidates.grid.size, polishSettings(o), report && ((done) => report(o.grid.size + done)));
  progress?.(total, total);
  return assembleScreenedFit(runs, data, o.loss, { rows: sample.n, batches: [batch], starts: candidates.starts }, [polish]);
}

/** Does a fit of n rows screen its starts? */
export function screensStarts(n: number, screen: ScreenSettings): boolean {
  return n > screen.above;
}

/** The search settings of the screen (on the subsample): the screen's ftol, the prune rule if any. */
export function screenSettings(o: LawFitOptions): MultiStartSettings {
  return { loss: o.loss, lbfgs: { ...o.lbfgs, ftol: o.screen.ftol }, prune: o.prune };
}

/** The search settings of the polish (on every row): chord-Newton, L-BFGS where the Hessian is not positive definite. */
export function polishSettings(o: LawFitOptions): MultiStartSettings {
  return { loss: o.loss, lbfgs: o.lbfgs, prune: null, newton: true };
}

/**
 * The fitted constants as a ScalingLaw (the type of the presets), for loss(), computeOptimal() and
 * the other core functions, and for writing with `--output`.
 */
export function fittedLaw(fit: Pick<LawFit, 'law'>, id = 'fit', source = 'fitted by emerge fit (Huber log-loss objective, L-BFGS multi-start)'): ChinchillaLaw {
  return { form: 'chinchilla', id, source, ...fit.law };
}

/** Build the LawFit from start batches covering the grid (in any partition). */
export function assembleLawFit(runs: readonly TrainingRun[], data: LawData, loss: ResidualLoss, batches: readonly StartBatch[]): LawFit {
  const summary = summarised(() => summariseStarts(batches), 'no start reached a finite objective');
  return { ...fitAt(runs, data, loss, summary), ...searchTotals(summary), bestStart: summary.best, screen: null };
}

/** The screen of a screened fit: its subsample size, its batches (over the grid) and the grid index of each polished candidate. */
export interface ScreenedStarts {
  rows: number;
  batches: readonly StartBatch[];
  starts: readonly number[];
}

/** Build the LawFit of a screened fit from the screen and the polish batches (candidates in any partition). */
export function assembleScreenedFit(runs: readonly TrainingRun[], data: LawData, loss: ResidualLoss, screen: ScreenedStarts, polish: readonly StartBatch[]): LawFit {
  const screened = summarised(() => summariseStarts(screen.batches), 'no start reached a finite objective on the subsample');
  const polished = summarised(() => summarisePolish(polish), 'no polished candidate reached a finite objective');
  const fit = fitAt(runs, data, loss, polished);
  const check = optimalityCheck(data, loss, polished.theta, fit.diagnostics.hessian);
  const totals = searchTotals(screened);
  return {
    ...fit,
    ...totals,
    iterations: totals.iterations + polished.iterations,
    evaluations: totals.evaluations + polished.evaluations,
    bestStart: screen.starts[polished.best]!,
    screen: { rows: screen.rows, candidates: polished.starts, agreeing: polished.agreeing, spread: polished.spread, ...check },
  };
}

/** A summary, or a FitError with `message` when no start reached a finite objective. */
function summarised<T>(summarise: () => T, message: string): T {
  try {
    return summarise();
  } catch {
    throw new FitError(`the scaling-law fit failed: ${message}`);
  }
}

/** The fields of a LawFit that follow from the winning point. */
function fitAt(runs: readonly TrainingRun[], data: LawData, loss: ResidualLoss, winner: MultiStartSummary) {
  const law = thetaToConstants(winner.theta);
  const { rmse, mae } = errorsOfL(law, runs);
  return {
    law,
    theta: Array.from(winner.theta),
    objective: winner.value,
    rmse,
    mae,
    n: runs.length,
    loss,
    converged: winner.converged,
    reason: winner.reason,
    diagnostics: lawDiagnostics(data, loss, winner.theta),
  };
}

/** The counts of a search. */
function searchTotals(summary: MultiStartSummary) {
  const { starts, convergedStarts, prunedStarts, iterations, evaluations } = summary;
  return { starts, convergedStarts, prunedStarts, iterations, evaluations };
}
