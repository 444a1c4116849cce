/**
 * The machine-readable record of a law fit (render/fit-law-record.ts): the constants, the fit, the
 * search (and the screen of a large input), the bootstrap and how it resampled, the diagnostics.
 */
import { computeOptimal } from '../../core/allocation.js';
import type { LawBootstrap } from '../../core/fit/bootstrap.js';
import { fittedLaw, type LawFit } from '../../core/fit/law-fit.js';
import type { LawBacktestRecord, LawDocument } from '../../render/fit-law-record.js';
import type { RunsInput } from './law-input.js';
import type { LawSettings } from './law-settings.js';

/** The LawDocument of a fit, its bootstrap (when run) and its back-test (when asked for). */
export function lawDocument(input: RunsInput, settings: LawSettings, fit: LawFit, bootstrap: LawBootstrap | undefined, backtest: LawBacktestRecord | null): LawDocument {
  const { law } = fit;
  const optimal = settings.atCompute === undefined ? null : computeOptimal(fittedLaw(fit), settings.atCompute);
  let intervals: LawDocument['intervals'] = null;
  if (bootstrap) {
    const i = bootstrap.intervals;
    intervals = { E: i.E, A: i.A, B: i.B, alpha: i.alpha, beta: i.beta, allocation_exponent: i.allocationExponent };
    if (i.optimalParams) intervals.optimal_params = i.optimalParams;
  }
  const d = fit.diagnostics;
  return {
    kind: 'law',
    file: input.file,
    law: { E: law.E, A: law.A, B: law.B, alpha: law.alpha, beta: law.beta },
    objective: fit.objective,
    rmse: fit.rmse,
    mae: fit.mae,
    n: fit.n,
    converged: fit.converged,
    reason: fit.reason,
    starts: fit.starts,
    converged_starts: fit.convergedStarts,
    pruned_starts: fit.prunedStarts,
    best_start: fit.bestStart,
    grid: settings.gridName,
    loss: settings.loss,
    derived: input.derived ?? null,
    excluded: input.excluded,
    allocation_exponent: law.beta / (law.alpha + law.beta),
    at_compute: settings.atCompute ?? null,
    optimal_params: optimal?.params ?? null,
    optimal_tokens: optimal?.tokens ?? null,
    intervals,
    bootstrap: bootstrap
      ? {
          resamples: bootstrap.resamples,
          seed: bootstrap.seed,
          level: bootstrap.level,
          converged_resamples: bootstrap.convergedResamples,
          excluded_resamples: bootstrap.excludedResamples,
          method: bootstrap.method,
          unit: bootstrap.clustered ? 'run' : 'row',
          units: bootstrap.units,
          grouped_by: bootstrap.clustered ? (input.groupedBy ?? null) : null,
        }
      : null,
    screen: fit.screen
      ? {
          rows: fit.screen.rows,
          candidates: fit.screen.candidates,
          agreeing: fit.screen.agreeing,
          spread: fit.screen.spread,
          gradient_norm: fit.screen.gradientNorm,
          predicted_decrease: Number.isFinite(fit.screen.predictedDecrease) ? fit.screen.predictedDecrease : null,
        }
      : null,
    diagnostics: { poorly_determined: d.poorlyDetermined, at_bound: d.atBound, flat_direction: d.flatDirection, condition_number: d.conditionNumber, warnings: d.warnings },
    backtest,
  };
}
