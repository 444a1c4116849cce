/**
 * The law flags the CLI resolves itself before the fit: `--grid FILE`, a CSV of starts read from a
 * file (the library takes the starts as numbers). The rest is checked by src/api/fit/law-settings.ts.
 */
import { existsSync } from 'node:fs';
import { START_VALUE, type GridStarts } from '../../api/fit/law-settings.js';
import { InputError, UsageError } from '../../errors.js';
import { findColumns, openCsv } from '../../io/csv-input.js';
import { parseFileQuantity, quoteUserText } from '../../io/numbers.js';
import type { FitOptions } from '../../options/fit.js';
import { didYouMean } from '../../util/suggest.js';
import type { CommandContext } from '../context.js';

const GRID_COLUMNS = ['a', 'b', 'e', 'alpha', 'beta'] as const;

/** --grid as the library takes it: standard, coarse, or the starts of the file it names. */
export async function gridOption(options: FitOptions, inputPath: string, ctx: CommandContext): Promise<'standard' | 'coarse' | GridStarts | undefined> {
  const grid = options.grid;
  return grid === undefined || grid === 'standard' || grid === 'coarse' ? grid : { name: grid, starts: await readGridFile(grid, inputPath, ctx) };
}

/** A CSV of starts with columns a, b, e, alpha, beta (θ = ln A, ln B, ln E, α, β), one start per row. */
async function readGridFile(path: string, inputPath: string, ctx: CommandContext): Promise<number[][]> {
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
  return starts;
}
