/**
 * Back-test of a scaling-law fit: fit on the runs with compute at or below a cutoff, predict the
 * rest. This is how a law is used (extrapolated to larger budgets), so its error above the cutoff
 * says more than the in-sample fit (Besiroglu et al. 2024 §4; Hoffmann et al. 2022 Fig. A5).
 */
import { loss, type ScalingLaw } from '../scaling-law.js';
import { FitError } from '../../errors.js';
import type { TrainingRun } from './law-objective.js';
import { fitChinchillaLaw, fittedLaw, MIN_RUNS, type LawFit, type LawFitOptions } from './law-fit.js';

/** Compute of a run in FLOPs: the measured value, else 6·N·D. */
export function runCompute(run: TrainingRun): number {
  return run.compute ?? 6 * run.params * run.tokens;
}

/** Runs at or below the cutoff (training set) and above it (held out). */
export function splitByCompute(runs: readonly TrainingRun[], cutoff: number): { train: TrainingRun[]; heldOut: TrainingRun[] } {
  const train: TrainingRun[] = [];
  const heldOut: TrainingRun[] = [];
  for (const run of runs) (runCompute(run) <= cutoff ? train : heldOut).push(run);
  return { train, heldOut };
}

export interface HeldOutError {
  /** Number of held-out runs. */
  n: number;
  /** √(mean (L̂ − L)²), nats per token. */
  rmse: number;
  /** mean |L̂ − L|. */
  mae: number;
  /** mean (L̂ − L): > 0 when the law over-predicts the loss. */
  bias: number;
}

/**
 * Error of any law (a fit or a preset, either form) on runs.
 * @throws FitError when there are no runs to evaluate
 * @example heldOutError(besiroglu2024, runs240).rmse // 0.02190
 */
export function heldOutError(law: ScalingLaw, runs: readonly TrainingRun[]): HeldOutError {
  if (runs.length === 0) throw new FitError('no held-out runs to evaluate');
  let squares = 0;
  let absolute = 0;
  let sum = 0;
  for (const run of runs) {
    const error = loss(law, run.params, run.tokens) - run.loss;
    squares += error * error;
    absolute += Math.abs(error);
    sum += error;
  }
  return { n: runs.length, rmse: Math.sqrt(squares / runs.length), mae: absolute / runs.length, bias: sum / runs.length };
}

/**
 * Split runs at `cutoff` FLOPs, checking that both sides can be used: the training side needs
 * `minTrain` runs (the fit's MIN_RUNS), the held-out side at least one.
 * @throws FitError naming the counts and the cutoff
 */
export function backtestSplit(runs: readonly TrainingRun[], cutoff: number, minTrain: number): { train: TrainingRun[]; heldOut: TrainingRun[] } {
  if (!(Number.isFinite(cutoff) && cutoff > 0)) throw new FitError(`hold-out cutoff must be a finite compute > 0, got ${cutoff}`);
  const split = splitByCompute(runs, cutoff);
  if (split.train.length < minTrain) throw new FitError(`only ${split.train.length} runs at or below ${cutoff.toExponential(3)} FLOPs: need at least ${minTrain} to fit`);
  if (split.heldOut.length === 0) throw new FitError(`no runs above ${cutoff.toExponential(3)} FLOPs to hold out`);
  return split;
}

export interface LawBacktest {
  /** The cutoff in FLOPs: runs with compute ≤ cutoff were fitted. */
  cutoff: number;
  fit: LawFit;
  /** Error of the fitted law on the runs above the cutoff. */
  heldOut: HeldOutError;
}

/**
 * Fit on runs with compute ≤ cutoff (in this thread) and measure the error on the rest. Compare with
 * `heldOutError(preset, split.heldOut)` for the presets on the same runs.
 * @throws FitError when either side of the split is unusable or the fit fails
 * @example backtestChinchillaLaw(runs240, 1e21).heldOut.rmse // 0.02823 (217 runs fitted, 23 held out)
 */
export function backtestChinchillaLaw(runs: readonly TrainingRun[], cutoff: number, options: Partial<LawFitOptions> = {}): LawBacktest {
  const { train, heldOut } = backtestSplit(runs, cutoff, MIN_RUNS);
  const fit = fitChinchillaLaw(train, options);
  return { cutoff, fit, heldOut: heldOutError(fittedLaw(fit), heldOut) };
}
