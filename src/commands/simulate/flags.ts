/**
 * The flags of `emerge simulate` parsed into the engine's options (numbers with units understood) and
 * the chart size. Ranges are checked by the engine (applyOptions), which names the flag; here only
 * what is not a number at all, and the chart's own limits.
 */
import type { AbilityCatalog } from '../../core/catalog.js';
import type { SimulateOptions } from '../../core/simulate/index.js';
import { UsageError } from '../../errors.js';
import { loadFactors } from '../../io/factors.js';
import { parseQuantity, quoteUserText } from '../../io/numbers.js';
import type { SimulateCommandOptions } from '../../options/simulate.js';
import { abilityIds } from '../../api/predict/abilities.js';
import { parseQualityValue } from '../../api/predict/quality.js';
import { fromFlags } from '../../api/predict/where.js';

/** A number with an optional size suffix (100M, 1.4T), or a UsageError naming the flag. */
export function flagNumber(flag: string, text: string, example: string): number {
  const value = parseQuantity(text);
  if (value === undefined) throw new UsageError(`${flag}: ${quoteUserText(text)} is not a number; use e.g. ${example}`);
  return value;
}

/** The engine's options from the flags that were given. */
export function simulateOptions(options: SimulateCommandOptions, catalog: AbilityCatalog): SimulateOptions {
  const parsed: SimulateOptions = {};
  if (options.over !== undefined) parsed.over = options.over;
  if (options.from !== undefined) parsed.from = flagNumber('--from', options.from, '1e8, 100M or 1e18');
  if (options.to !== undefined) parsed.to = flagNumber('--to', options.to, '1e13, 10T or 1e27');
  if (options.steps !== undefined) parsed.steps = flagNumber('--steps', options.steps, '61 or 1e5');
  if (options.params !== undefined) parsed.params = flagNumber('--params', options.params, '7e9 or 7B');
  if (options.tokens !== undefined) parsed.tokens = flagNumber('--tokens', options.tokens, '1.4e12 or 1.4T');
  if (options.quality !== undefined) parsed.quality = parseQualityValue(options.quality, loadFactors(), fromFlags, '--quality').value;
  if (options.ability !== undefined) parsed.abilities = abilityIds(catalog, options.ability.split(','), '--ability');
  if (options.items !== undefined) parsed.items = flagNumber('--items', options.items, '164');
  if (options.trials !== undefined) parsed.trials = flagNumber('--trials', options.trials, '1000');
  if (options.seed !== undefined) parsed.seed = flagNumber('--seed', options.seed, '42');
  return parsed;
}

export const CHART_WIDTH = { min: 10, max: 1000 };
export const CHART_HEIGHT = { min: 2, max: 200 };
/** Room beside the plot: the y labels (9 columns) and the names at the ends of the lines. */
const CHART_MARGIN = 34;

function integerFlag(flag: string, text: string, limits: { min: number; max: number }, what: string): number {
  const value = parseQuantity(text);
  if (value === undefined || !Number.isInteger(value) || value < limits.min || value > limits.max) {
    throw new UsageError(`${flag}: must be an integer from ${limits.min} to ${limits.max} (${what}), got ${quoteUserText(text)}`);
  }
  return value;
}

/**
 * Chart size: --width and --height, else a width that fits the terminal (80 columns when stdout is
 * not one) beside the axis labels and line names, and 10 rows.
 */
export function chartSize(options: SimulateCommandOptions, columns: number | undefined): { width: number; height: number } {
  const width =
    options.width !== undefined
      ? integerFlag('--width', options.width, CHART_WIDTH, 'columns of the plot')
      : Math.max(CHART_WIDTH.min * 3, Math.min(120, (columns ?? 80) - CHART_MARGIN));
  const height = options.height !== undefined ? integerFlag('--height', options.height, CHART_HEIGHT, 'rows of the plot') : 10;
  return { width, height };
}
