/**
 * The plan file given as the positional argument (`emerge predict plans.csv`): a `.yaml`/`.yml` file
 * is a plan like --config; anything else, and `-` (stdin), is a CSV of planned models like --input.
 * Naming the file twice (as the argument and with --input or --config) is a usage error.
 */
import { UsageError } from '../../errors.js';
import { quoteUserText } from '../../io/numbers.js';
import type { ModelOptionValues } from '../../options/shared.js';

export const YAML_FILE = /\.ya?ml$/i;

export function withPlanFile<T extends ModelOptionValues>(file: string | undefined, options: T): T {
  if (file === undefined) return options;
  for (const flag of ['input', 'config'] as const) {
    if (options[flag] !== undefined) {
      throw new UsageError(`--${flag}: the plan file is already given as the argument (${quoteUserText(file)}); give it once`);
    }
  }
  return YAML_FILE.test(file) ? { ...options, config: file } : { ...options, input: file };
}
