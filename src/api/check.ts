/**
 * Arguments of the API checked as the CLI checks its flags: a finite number in the quantity's range,
 * or a UsageError naming the argument.
 */
import { UsageError } from '../errors.js';
import { quoteUserText, rangeProblem, type Range } from '../io/numbers.js';

/** `value` when it is a finite number within `range`; a UsageError naming `name` otherwise (worded as parseFlagQuantity words it). */
export function checkQuantity(name: string, value: number, range: Range): number {
  const shown = quoteUserText(String(value));
  if (typeof value !== 'number' || Number.isNaN(value)) throw new UsageError(`${name}: ${shown} is not a number; use e.g. ${range.example}`);
  const problem = rangeProblem(value, range);
  if (problem) throw new UsageError(`${name}: ${shown} ${problem}`);
  return value;
}
