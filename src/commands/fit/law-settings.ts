/**
 * The flags of a scaling-law fit, parsed and checked: residual loss and δ, start grid (a name or a
 * CSV file of starts), runs to leave out, compute budget, back-test cutoff.
 */
import { existsSync } from 'node:fs';
import { coarseGrid, gridFromStarts, standardGrid, type StartGrid } from '../../core/fit/law-grid.js';
import { DEFAULT_HUBER_DELTA, residualLoss, type ResidualLoss } from '../../core/fit/law-objective.js';
import { InputError, UsageError } from '../../errors.js';
import { findColumns, openCsv } from '../../io/csv-input.js';
import { COMPUTE, parseFileQuantity, parseFlagQuantity, quoteUserText, type Range } from '../../io/numbers.js';
import type { FitOptions } from '../../options/fit.js';
import type { CommandContext } from '../context.js';
import { didYouMean } from '../../util/suggest.js';
import { parseCount } from './settings.js';

const DELTA: Range = { min: 0, exclusiveMin: true, max: 10, what: 'a Huber threshold on log-loss residuals', example: '1e-3' };
const EXCLUDE: Range = { min: 0, max: 1e9, what: 'a number of runs', example: '5' };
const START_VALUE: Range = { min: -1000, max: 1000, what: 'a start value (ln A, ln B, ln E, alpha or beta)', example: '5' };
const GRID_COLUMNS = ['a', 'b', 'e', 'alpha', 'beta'] as const;

export interface LawSettings {
  loss: ResidualLoss;
  grid: StartGrid;
  /** standard, coarse, or the grid file's name. */
  gridName: string;
  excludeTopLoss: number;
  atCompute?: number;
  holdoutAbove?: number;
}

/** @throws UsageError for a bad flag value; InputError for a bad grid file */
export async function lawSettings(options: FitOptions, inputPath: string, ctx: CommandContext): Promise<LawSettings> {
  const kind = options.loss ?? 'huber';
  const delta = options.delta === undefined ? DEFAULT_HUBER_DELTA : parseFlagQuantity('--delta', options.delta, DELTA);
  if (kind === 'mse' && options.delta !== undefined) ctx.warn('--delta has no effect with --loss mse (a squared penalty has no threshold)');
  const gridName = options.grid ?? 'standard';
  const settings: LawSettings = {
    loss: residualLoss(kind, delta),
    grid: gridName === 'standard' ? standardGrid() : gridName === 'coarse' ? coarseGrid() : await readGridFile(gridName, inputPath, ctx),
    gridName,
    excludeTopLoss: options.excludeTopLoss === undefined ? 0 : parseCount('--exclude-top-loss', options.excludeTopLoss, EXCLUDE),
  };
  if (options.atCompute !== undefined) settings.atCompute = parseFlagQuantity('--at-compute', options.atCompute, COMPUTE);
  if (options.holdoutAbove !== undefined) settings.holdoutAbove = parseFlagQuantity('--holdout-above', options.holdoutAbove, COMPUTE);
  return settings;
}

/** A CSV of starts with columns a, b, e, alpha, beta (θ = ln A, ln B, ln E, α, β), one start per row. */
async function readGridFile(path: string, inputPath: string, ctx: CommandContext): Promise<StartGrid> {
  if (path === '-' && inputPath === '-') throw new UsageError('--grid -: stdin already holds the runs; give the grid as a file');
  if (path !== '-' && !/[./]/.test(path) && !existsSync(path)) {
    throw new UsageError(`--grid: ${quoteUserText(path)} is not standard, coarse or a CSV file of starts${didYouMean(path, ['standard', 'coarse'])}`);
  }
  const csv = await openCsv(path, ctx.stdin);
  const explicit = Object.fromEntries(GRID_COLUMNS.map((c) => [c, c]));
  const columns = findColumns(csv.header, GRID_COLUMNS, explicit);
  const missing = GRID_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length > 0) throw new InputError(csv.file, 1, `a start grid needs the columns a,b,e,alpha,beta (a = ln A, b = ln B, e = ln E); missing ${missing.join(', ')}`);
  const starts: number[][] = [];
  for await (const { cells, line } of csv.records) {
    starts.push(GRID_COLUMNS.map((c) => parseFileQuantity(cells[columns[c]!], START_VALUE, { file: csv.file, line, field: c })));
  }
  if (starts.length === 0) throw new InputError(csv.file, undefined, 'has a header but no starts');
  return gridFromStarts(starts);
}
