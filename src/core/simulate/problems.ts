/**
 * Validation of scenario configurations, written once and reported three ways: the engine throws a
 * UsageError, the YAML loader an InputError with file and line, the command-line options a
 * UsageError naming the flag. Checks therefore return problems (a path into the config and a
 * message) instead of throwing.
 */
import { UsageError } from '../../errors.js';

/** Path of a value inside a scenario config, in TypeScript field names: ['sweep', 'steps'], ['parts', 2, 'thresholdParams']. */
export type ConfigPath = readonly (string | number)[];

export interface ConfigProblem {
  path: ConfigPath;
  /** What is wrong and what would be valid, without the path (the caller names the place). */
  message: string;
}

export interface NumberRule {
  min: number;
  max: number;
  /** The minimum itself is not allowed. */
  exclusiveMin?: boolean;
  integer?: boolean;
  /** What the number is, e.g. "the number of grid points". */
  what: string;
}

/** Compact display of a limit or a value in a message: 2, 0.5, 1e35, 3e11, 4294967295 (the shorter form). */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'a value that is not a number';
  if (!Number.isFinite(value)) return value > 0 ? 'an infinite number' : 'a negative infinite number';
  const plain = String(value);
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4)) {
    const scientific = value.toExponential().replace('e+', 'e');
    return scientific.length <= plain.length ? scientific : plain;
  }
  return plain;
}

/** A value that is not a number, for a message: text quoted, anything else by its kind. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (value === null || value === undefined) return 'nothing';
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : String(value);
}

/** Why `value` breaks `rule`, or undefined when it is fine. */
export function numberProblem(value: unknown, rule: NumberRule): string | undefined {
  const range = `${rule.exclusiveMin ? 'above' : 'from'} ${formatNumber(rule.min)} ${rule.exclusiveMin ? 'and at most' : 'to'} ${formatNumber(rule.max)}`;
  const expected = `must be ${rule.integer ? 'an integer' : 'a number'} ${range} (${rule.what})`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${expected}, got ${typeof value === 'number' ? formatNumber(value) : describe(value)}`;
  const low = rule.exclusiveMin ? value <= rule.min : value < rule.min;
  if (low || value > rule.max || (rule.integer && !Number.isInteger(value))) return `${expected}, got ${formatNumber(value)}`;
  return undefined;
}

/** Appends a problem when `value` breaks `rule`. */
export function checkNumber(problems: ConfigProblem[], path: ConfigPath, value: unknown, rule: NumberRule): void {
  const message = numberProblem(value, rule);
  if (message !== undefined) problems.push({ path, message });
}

/** `sweep.steps`, `parts[2].thresholdParams`. */
export function formatConfigPath(path: ConfigPath): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/** Throws a UsageError for the first problem, if any ("sweep.steps: must be ..."). */
export function throwIfProblems(problems: readonly ConfigProblem[], describe: (path: ConfigPath) => string = formatConfigPath): void {
  const first = problems[0];
  if (first === undefined) return;
  const where = first.path.length > 0 ? `${describe(first.path)}: ` : '';
  throw new UsageError(`${where}${first.message}`);
}

/** Problems found under a sub-path, re-rooted: prefix(['parts', 2], problems). */
export function prefixProblems(prefix: ConfigPath, problems: readonly ConfigProblem[]): ConfigProblem[] {
  return problems.map((p) => ({ path: [...prefix, ...p.path], message: p.message }));
}

// Limits shared by every scenario.

/** Any swept scale or size: parameters, tokens, FLOPs. Generous, but finite and positive. */
export const SCALE: NumberRule = { min: 1, max: 1e35, what: 'a scale: parameters, tokens or FLOPs' };
export const STEPS: NumberRule = { min: 2, max: 1e7, integer: true, what: 'the number of grid points' };
export const QUALITY_FACTOR: NumberRule = { min: 0, exclusiveMin: true, max: 100, what: 'a data-quality factor on effective tokens' };
export const UNIT_INTERVAL: NumberRule = { min: 0, max: 1, what: 'a probability' };
export const WIDTH_DECADES: NumberRule = { min: 0, exclusiveMin: true, max: 10, what: 'a width in decades' };
export const EXPONENT: NumberRule = { min: 0, exclusiveMin: true, max: 100, what: 'a critical exponent' };
