/**
 * The machine-readable result of a scaling-law fit (JSON and CSV): the constants, the fit quality,
 * the search, the diagnostics, the bootstrap intervals, and the back-test.
 */
import type { HeldOutError } from '../core/fit/backtest.js';
import type { ChinchillaConstants, ResidualLoss } from '../core/fit/law-objective.js';
import type { CsvCell } from './csv.js';

export type IntervalPair = [number, number];

export interface LawErrorsRecord {
  n: number;
  rmse: number;
  mae: number;
  /** mean(L̂ − L): > 0 when the law over-predicts the loss. */
  bias: number;
}

export interface LawBacktestRecord {
  cutoff: number;
  train_runs: number;
  held_out_runs: number;
  law: ChinchillaConstants;
  objective: number;
  converged: boolean;
  held_out: LawErrorsRecord;
  /** The published presets (Chinchilla form) on the same held-out runs. */
  presets: ({ name: string } & LawErrorsRecord)[];
}

/**
 * The document of a law fit (`emerge fit runs.csv --format json`, `fitLaw`): the constants of
 * L(N, D) = E + A/N^α + B/D^β, the objective and errors (nats per token), the search, the bootstrap
 * intervals, the diagnostics and the optional back-test.
 */
export interface LawDocument {
  kind: 'law';
  file: string;
  law: ChinchillaConstants;
  objective: number;
  /** RMSE and MAE of L (nats per token) over the fitted runs. */
  rmse: number;
  mae: number;
  n: number;
  converged: boolean;
  /** Why the winning start stopped (gradient, ftol: converged; maxIterations, lineSearch...: not). */
  reason: string;
  starts: number;
  converged_starts: number;
  pruned_starts: number;
  best_start: number;
  grid: string;
  loss: ResidualLoss;
  /** How N or D was derived from compute, when it was. */
  derived: string | null;
  excluded: { line: number; loss: number }[];
  /** a = β/(α+β): N_opt ∝ C^a. */
  allocation_exponent: number;
  at_compute: number | null;
  optimal_params: number | null;
  optimal_tokens: number | null;
  /** 95% percentile intervals; null without a bootstrap. */
  intervals: Record<string, IntervalPair> | null;
  bootstrap: {
    resamples: number;
    seed: number;
    level: number;
    converged_resamples: number;
    excluded_resamples: number;
    /** refit: L-BFGS from the best fit; one-step: one Newton step from it (inputs above 2,000 rows). */
    method: 'refit' | 'one-step';
    /** What a resample draws: rows, or whole runs (all their checkpoints). */
    unit: 'row' | 'run';
    units: number;
    /** How rows were grouped into runs (a run or step column), when unit is run. */
    grouped_by: string | null;
  } | null;
  /** A large input's screened search (above 2,000 rows): subsample rows, candidates polished on every row, and the checks of the optimum; null otherwise. */
  screen: { rows: number; candidates: number; agreeing: number; spread: number; gradient_norm: number; predicted_decrease: number | null } | null;
  diagnostics: { poorly_determined: boolean; at_bound: boolean; flat_direction: boolean; condition_number: number; warnings: string[] };
  backtest: LawBacktestRecord | null;
}

export function errorsRecord(error: HeldOutError): LawErrorsRecord {
  return { n: error.n, rmse: error.rmse, mae: error.mae, bias: error.bias };
}

const CONSTANTS = ['E', 'A', 'B', 'alpha', 'beta'] as const;

/** CSV: one row per quantity, `quantity,value,lower,upper` (intervals empty where there are none). */
export function lawCsvRows(doc: LawDocument): CsvCell[][] {
  const interval = (name: string): [CsvCell, CsvCell] => {
    const pair = doc.intervals?.[name];
    return pair ? [pair[0], pair[1]] : [null, null];
  };
  const rows: CsvCell[][] = CONSTANTS.map((name) => [name, doc.law[name], ...interval(name)]);
  rows.push(['allocation_exponent', doc.allocation_exponent, ...interval('allocation_exponent')]);
  if (doc.at_compute !== null) {
    rows.push(['at_compute', doc.at_compute, null, null]);
    rows.push(['optimal_params', doc.optimal_params, ...interval('optimal_params')]);
    rows.push(['optimal_tokens', doc.optimal_tokens, null, null]);
  }
  rows.push(['objective', doc.objective, null, null], ['rmse', doc.rmse, null, null], ['mae', doc.mae, null, null], ['n', doc.n, null, null]);
  rows.push(['starts', doc.starts, null, null], ['converged_starts', doc.converged_starts, null, null], ['converged', doc.converged, null, null]);
  const bt = doc.backtest;
  if (bt) {
    rows.push(['holdout_cutoff', bt.cutoff, null, null], ['holdout_train_runs', bt.train_runs, null, null], ['holdout_runs', bt.held_out_runs, null, null]);
    rows.push(['holdout_rmse', bt.held_out.rmse, null, null], ['holdout_mae', bt.held_out.mae, null, null], ['holdout_bias', bt.held_out.bias, null, null]);
    for (const preset of bt.presets) rows.push([`holdout_rmse:${preset.name}`, preset.rmse, null, null]);
  }
  return rows;
}

export const LAW_CSV_HEADER = ['quantity', 'value', 'lower', 'upper'];
