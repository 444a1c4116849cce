/**
 * The settings of a scaling-law fit, checked as the CLI checks its flags: residual loss and δ, start
 * grid (a name, or starts of your own), runs to leave out, compute budget, back-test cutoff.
 */
import { coarseGrid, gridFromStarts, standardGrid, type StartGrid } from '../../core/fit/law-grid.js';
import { DEFAULT_HUBER_DELTA, residualLoss, type ResidualLoss, type ResidualLossKind } from '../../core/fit/law-objective.js';
import { UsageError } from '../../errors.js';
import { COMPUTE, describeValue, quoteUserText, rangeProblem, type Range } from '../../io/numbers.js';
import { didYouMean } from '../../util/suggest.js';
import { flagCount, flagQuantity, type FlagValue } from './settings.js';

const DELTA: Range = { min: 0, exclusiveMin: true, max: 10, what: 'a Huber threshold on log-loss residuals', example: '1e-3' };
const EXCLUDE: Range = { min: 0, max: 1e9, what: 'a number of runs', example: '5' };
/** A start value (ln A, ln B, ln E, α or β) of a grid of your own. */
export const START_VALUE: Range = { min: -1000, max: 1000, what: 'a start value (ln A, ln B, ln E, alpha or beta)', example: '5' };
const LOSSES: readonly ResidualLossKind[] = ['huber', 'mse', 'asymmetric'];

/** Starts of your own for the multi-start search: each [ln A, ln B, ln E, α, β]; `name` is what the document's `grid` says. */
export interface GridStarts {
  name: string;
  starts: readonly (readonly number[])[];
}

/** The law flags as given: numbers (the library) or their text (the CLI). */
export interface LawSettingsInput {
  loss?: ResidualLossKind | undefined;
  delta?: FlagValue | undefined;
  grid?: 'standard' | 'coarse' | GridStarts | undefined;
  excludeTopLoss?: FlagValue | undefined;
  atCompute?: FlagValue | undefined;
  holdoutAbove?: FlagValue | undefined;
}

/** The law flags checked, with their defaults. */
export interface LawSettings {
  loss: ResidualLoss;
  grid: StartGrid;
  /** standard, coarse, or the name of the starts (the CLI: the grid file's name). */
  gridName: string;
  excludeTopLoss: number;
  atCompute?: number;
  holdoutAbove?: number;
}

/**
 * The checked settings (`warn` is told that --delta does nothing with --loss mse).
 * @throws UsageError naming the flag
 */
export function lawSettings(options: LawSettingsInput, warn: (message: string) => void): LawSettings {
  const kind = options.loss ?? 'huber';
  if (!LOSSES.includes(kind)) throw new UsageError(`--loss: ${describeValue(kind)} is not a residual loss${didYouMean(String(kind), LOSSES)}; losses: ${LOSSES.join(', ')}`);
  const delta = options.delta === undefined ? DEFAULT_HUBER_DELTA : flagQuantity('--delta', options.delta, DELTA);
  if (kind === 'mse' && options.delta !== undefined) warn('--delta has no effect with --loss mse (a squared penalty has no threshold)');
  const grid = options.grid ?? 'standard';
  const settings: LawSettings = {
    loss: residualLoss(kind, delta),
    ...startGrid(grid),
    excludeTopLoss: options.excludeTopLoss === undefined ? 0 : flagCount('--exclude-top-loss', options.excludeTopLoss, EXCLUDE),
  };
  if (options.atCompute !== undefined) settings.atCompute = flagQuantity('--at-compute', options.atCompute, COMPUTE);
  if (options.holdoutAbove !== undefined) settings.holdoutAbove = flagQuantity('--holdout-above', options.holdoutAbove, COMPUTE);
  return settings;
}

function startGrid(grid: 'standard' | 'coarse' | GridStarts): { grid: StartGrid; gridName: string } {
  if (grid === 'standard') return { grid: standardGrid(), gridName: grid };
  if (grid === 'coarse') return { grid: coarseGrid(), gridName: grid };
  if (typeof grid !== 'object' || grid === null || !Array.isArray(grid.starts)) {
    throw new UsageError(`--grid: ${describeValue(grid)} is not standard, coarse or starts of your own ({ name, starts: [[a, b, e, alpha, beta], ...] })${typeof grid === 'string' ? didYouMean(grid, ['standard', 'coarse']) : ''}`);
  }
  if (grid.starts.length === 0) throw new UsageError('--grid: no starts');
  grid.starts.forEach((start, i) => {
    if (!Array.isArray(start) || start.length !== 5) throw new UsageError(`--grid: start ${i + 1} is not 5 numbers (a = ln A, b = ln B, e = ln E, alpha, beta)`);
    for (const value of start) {
      const problem = typeof value === 'number' ? rangeProblem(value, START_VALUE) : `is not ${START_VALUE.what}`;
      if (problem) throw new UsageError(`--grid: start ${i + 1}: ${quoteUserText(String(value))} ${problem}`);
    }
  });
  return { grid: gridFromStarts(grid.starts), gridName: grid.name };
}
