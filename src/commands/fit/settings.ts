/**
 * The flags of what the CLI does with a fit, shared by every kind: output format, chart, output file,
 * picture; and the check that no flag of another kind of fit was given. The flags of the fit itself
 * are checked by the library (src/api/fit/).
 */
import type { CommandContext } from '../context.js';
import type { FitHooks } from '../../api/fit/settings.js';
import { UsageError } from '../../errors.js';
import { KIND_OPTIONS, type FitKind, type FitOptions } from '../../options/fit.js';
import type { Format } from '../../options/shared.js';
import { flagName } from '../../options/spec.js';
import { plotTarget, type PlotTarget } from '../shared/plot.js';

const KIND_DESCRIPTIONS: Record<FitKind, string> = {
  law: 'a scaling law (it has a loss column)',
  curve: 'a set of emergence curves (it has a score column)',
  forecast: 'a forecast (it has a loss and a score column)',
};

export interface CommonFitSettings {
  file: string;
  format: Format;
  chart: boolean;
  output?: string;
  /** --plot: the picture to write. */
  plot?: PlotTarget;
}

/**
 * Checks that no flag of another kind of fit was given, and reads the flags of the output.
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
    chart: options.chart === true,
  };
  if (options.output !== undefined) settings.output = options.output;
  const plot = plotTarget(options);
  if (plot) settings.plot = plot;
  return settings;
}

/** Called once every flag is known to be valid: a usage error then stays the only line on stderr. */
export function warnChartFormat(common: CommonFitSettings, ctx: CommandContext): void {
  if (common.chart && common.format !== 'table') ctx.warn(`--chart is drawn in the table format only, not with --format ${common.format}`);
}

/**
 * The fit's warnings on stderr, and its progress (a TTY only): the multi-start search and the
 * bootstrap as "fit: 540/4500 starts" at most once a percent, a curve as "fitting curve 3/8"; each
 * phase's line is cleared when it ends.
 */
export function cliHooks(ctx: CommandContext): Required<FitHooks> {
  const UNITS: Record<string, string> = { fit: 'starts', bootstrap: 'resamples', 'back-test fit': 'starts' };
  const LABELS: Record<string, string> = { forecast: 'fitting the forecast' };
  let phase = '';
  let shown = -1;
  return {
    onWarning: (message) => ctx.warn(message),
    onProgress: (done, total, what) => {
      const unit = UNITS[what];
      if (unit === undefined) return ctx.progress(done >= total ? '' : what === 'curve' ? `fitting curve ${done + 1}/${total}` : (LABELS[what] ?? what));
      const percent = Math.floor((100 * done) / total);
      if (what === phase && percent === shown) return;
      phase = what;
      shown = percent;
      ctx.progress(`${what}: ${done}/${total} ${unit}`);
      if (done >= total) ctx.progress('');
    },
  };
}
