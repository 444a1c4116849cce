/**
 * Arguments of the API checked as the CLI checks its flags: a finite number in the quantity's range,
 * or a UsageError naming the argument.
 */
import { UsageError } from '../errors.js';
import { describeValue, quoteUserText, rangeProblem, type Range } from '../io/numbers.js';
import { didYouMean } from '../util/suggest.js';

/** `value` when it is a finite number within `range`; a UsageError naming `name` otherwise (worded as parseFlagQuantity words it). */
export function checkQuantity(name: string, value: number, range: Range): number {
  if (typeof value !== 'number') throw new UsageError(`${name}: ${describeValue(value)} is not a number; use e.g. ${range.example}`);
  const shown = quoteUserText(String(value));
  if (Number.isNaN(value)) throw new UsageError(`${name}: ${shown} is not a number; use e.g. ${range.example}`);
  const problem = rangeProblem(value, range);
  if (problem) throw new UsageError(`${name}: ${shown} ${problem}`);
  return value;
}

/**
 * The names of an options object, checked: a misspelt one (from JavaScript, where no types catch
 * it) is a UsageError with close matches rather than an option silently ignored. `known` is a
 * record of every name of the options' type, so the compiler keeps it complete.
 */
export function checkFields(value: object, known: Readonly<Record<string, true>>, what: string): void {
  const names = Object.keys(known);
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(known, key)) throw new UsageError(`${what}: unknown field ${quoteUserText(key)}${didYouMean(key, names)}; fields: ${names.join(', ')}`);
  }
}
