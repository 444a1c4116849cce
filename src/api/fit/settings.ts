/**
 * The settings every kind of fit shares, checked as the CLI checks its flags: bootstrap resamples,
 * seed, and the hooks through which a fit reports warnings and progress.
 *
 * Numeric settings arrive as numbers (the library) or as the text of a flag (the CLI); either way a
 * bad value is a UsageError naming the flag as the CLI spells it (`--bootstrap: "-3" must be at least
 * 0 ...`), a number being quoted as `String(value)`, so that both give the same message for the same
 * value.
 */
import { DEFAULT_BOOTSTRAP } from '../../core/fit/bootstrap.js';
import { DEFAULT_SEED } from '../../core/random.js';
import { UsageError } from '../../errors.js';
import { parseFlagQuantity, quoteUserText, type Range } from '../../io/numbers.js';
import { checkQuantity } from '../check.js';

/** A numeric setting: a number from the library, the text of a flag from the CLI. */
export type FlagValue = number | string;

/** Warnings and progress of a fit (both optional; without them, nothing is reported). */
export interface FitHooks {
  /** A warning, one line, as the CLI prints it after "emerge: ". */
  onWarning?: (message: string) => void;
  /**
   * Progress of long work: `done` of `total` units of the phase `what`. Phases: law fits "fit",
   * "bootstrap", "back-test fit" (starts and resamples); curve fits "curve" (before each curve and
   * once at the end, done = total) and "back-test"; forecasts "forecast" and "back-test". A phase
   * ends with done = total.
   */
  onProgress?: (done: number, total: number, what: string) => void;
}

/** The settings every fit shares, checked, with their defaults. */
export interface CommonSettings {
  bootstrap: number;
  seed: number;
  allowUnconverged: boolean;
}

const RESAMPLES: Range = { min: 0, max: 1e6, what: 'a number of bootstrap resamples', example: '1000, or 0 to skip' };
const SEED: Range = { min: 0, max: 2 ** 32 - 1, what: 'a seed', example: '42' };

/**
 * A number in `range`, from a number or from a flag's text.
 * @throws UsageError naming `flag`
 */
export function flagQuantity(flag: string, value: FlagValue, range: Range): number {
  return typeof value === 'string' ? parseFlagQuantity(flag, value, range) : checkQuantity(flag, value, range);
}

/**
 * A whole number in `range`.
 * @throws UsageError naming `flag`
 */
export function flagCount(flag: string, value: FlagValue, range: Range): number {
  const number = flagQuantity(flag, value, range);
  if (!Number.isInteger(number)) throw new UsageError(`${flag}: ${quoteUserText(String(value))} is not a whole number (${range.what})`);
  return number;
}

/**
 * Bootstrap resamples (default 1000; 1 is refused: it gives no interval), seed (default 20220615).
 * @throws UsageError naming the flag
 */
export function commonSettings(options: { bootstrap?: FlagValue | undefined; seed?: FlagValue | undefined; allowUnconverged?: boolean | undefined }): CommonSettings {
  const bootstrap = options.bootstrap === undefined ? DEFAULT_BOOTSTRAP.resamples : flagCount('--bootstrap', options.bootstrap, RESAMPLES);
  if (bootstrap === 1) throw new UsageError('--bootstrap: 1 resample gives no interval; use 0 to skip the bootstrap, or at least 2 (1000 is the default)');
  return { bootstrap, seed: options.seed === undefined ? DEFAULT_SEED : flagCount('--seed', options.seed, SEED), allowUnconverged: options.allowUnconverged === true };
}

/** The warning hook, or one that drops them. */
export function warner(hooks: FitHooks): (message: string) => void {
  return hooks.onWarning ?? (() => {});
}

/** The progress hook, or one that drops it. */
export function progresser(hooks: FitHooks): (done: number, total: number, what: string) => void {
  return hooks.onProgress ?? (() => {});
}

/** A JSON round trip: what `--format json` prints, parsed (non-finite numbers become null). */
export function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
