/**
 * The flags both kinds of fit share, parsed and checked: bootstrap resamples, seed, output format.
 */
import type { CommandContext } from '../context.js';
import { DEFAULT_BOOTSTRAP } from '../../core/fit/bootstrap.js';
import { DEFAULT_SEED } from '../../core/random.js';
import { UsageError } from '../../errors.js';
import { parseFlagQuantity, quoteUserText, type Range } from '../../io/numbers.js';
import { KIND_OPTIONS, type FitKind, type FitOptions } from '../../options/fit.js';
import type { Format } from '../../options/shared.js';
import { plotTarget, type PlotTarget } from '../shared/plot.js';

const RESAMPLES: Range = { min: 0, max: 1e6, what: 'a number of bootstrap resamples', example: '1000, or 0 to skip' };
const SEED: Range = { min: 0, max: 2 ** 32 - 1, what: 'a seed', example: '42' };

const KIND_DESCRIPTIONS: Record<FitKind, string> = {
  law: 'a scaling law (it has a loss column)',
  curve: 'a set of emergence curves (it has a score column)',
  forecast: 'a forecast (it has a loss and a score column)',
};

export interface CommonFitSettings {
  file: string;
  format: Format;
  bootstrap: number;
  seed: number;
  allowUnconverged: boolean;
  chart: boolean;
  output?: string;
  /** --plot: the picture to write. */
  plot?: PlotTarget;
}

/**
 * Checks the shared flags, and that no flag of the other kind of fit was given.
 * @throws UsageError naming the flag
 */
export function commonSettings(file: string, options: FitOptions, kind: FitKind): CommonFitSettings {
  for (const [key, kinds] of Object.entries(KIND_OPTIONS) as [keyof FitOptions, readonly FitKind[]][]) {
    if (options[key] !== undefined && !kinds.includes(kind)) {
      throw new UsageError(`${flagName(key)} applies to ${kinds.join(' and ')} fits; ${file} is fitted as ${options.kind === 'forecast' ? 'a forecast (--kind forecast)' : KIND_DESCRIPTIONS[kind]}${options.kind ? '' : '; --kind overrides'}`);
    }
  }
  const settings: CommonFitSettings = {
    file,
    format: options.format ?? 'table',
    bootstrap: options.bootstrap === undefined ? DEFAULT_BOOTSTRAP.resamples : parseCount('--bootstrap', options.bootstrap, RESAMPLES),
    seed: options.seed === undefined ? DEFAULT_SEED : parseCount('--seed', options.seed, SEED),
    allowUnconverged: options.allowUnconverged === true,
    chart: options.chart === true,
  };
  if (settings.bootstrap === 1) throw new UsageError('--bootstrap: 1 resample gives no interval; use 0 to skip the bootstrap, or at least 2 (1000 is the default)');
  if (options.output !== undefined) settings.output = options.output;
  const plot = plotTarget(options);
  if (plot) settings.plot = plot;
  return settings;
}

/** A whole number from a flag. */
export function parseCount(flag: string, text: string, range: Range): number {
  const value = parseFlagQuantity(flag, text, range);
  if (!Number.isInteger(value)) throw new UsageError(`${flag}: ${quoteUserText(text)} is not a whole number (${range.what})`);
  return value;
}

/** "excludeTopLoss" → "--exclude-top-loss". */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Called once every flag is known to be valid: a usage error then stays the only line on stderr. */
export function warnChartFormat(common: CommonFitSettings, ctx: CommandContext): void {
  if (common.chart && common.format !== 'table') ctx.warn(`--chart is drawn in the table format only, not with --format ${common.format}`);
}
