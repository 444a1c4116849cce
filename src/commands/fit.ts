/**
 * `emerge fit FILE|-`: a scaling law fitted to training runs (a loss column), emergence curves
 * fitted to task scores (a score column), or forecasts of task scores from a ladder of runs (both);
 * `--kind` decides when the columns do not.
 */
import { UsageError } from '../errors.js';
import { openCsv } from '../io/csv-input.js';
import type { FitOptions } from '../options/fit.js';
import type { CommandContext } from './context.js';
import { decideKind, parseColumnMap } from '../api/fit/columns.js';
import { commonSettings } from './fit/settings.js';

export async function runFit(args: string[], options: FitOptions, ctx: CommandContext): Promise<void> {
  const path = args[0];
  if (path === undefined || path === '') throw new UsageError('fit needs a CSV file of training runs or task scores, or - for stdin');
  const explicit = parseColumnMap(options.columns);
  const csv = await openCsv(path, ctx.stdin);
  const kind = decideKind(csv.file, csv.header, explicit, options.kind);
  const common = commonSettings(csv.file, options, kind);
  if (kind === 'law') return (await import('./fit/law.js')).runLawFit(csv, options, common, explicit, ctx);
  if (kind === 'forecast') return (await import('./fit/forecast.js')).runForecastFit(csv, options, common, explicit, ctx);
  return (await import('./fit/curve.js')).runCurveFit(csv, options, common, explicit, ctx);
}
