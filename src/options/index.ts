/** Every subcommand's specification, in the order of `emerge --help`. */
import { completionSpec } from './completion.js';
import { fitSpec } from './fit.js';
import { predictSpec } from './predict.js';
import { simulateSpec } from './simulate.js';
import { thresholdsSpec } from './thresholds.js';
import type { CommandSpec } from './spec.js';

export const COMMAND_SPECS: readonly CommandSpec[] = [predictSpec, fitSpec, thresholdsSpec, simulateSpec, completionSpec];

/** What `emerge --help`, the man page and the package say the program is. */
export const PROGRAM_DESCRIPTION = 'scaling laws and emergent abilities of large language models: predict, fit, thresholds, simulate';

/** The exit codes, decided in src/cli.ts alone. */
export const EXIT_CODES: readonly { code: number; meaning: string }[] = [
  { code: 0, meaning: 'success' },
  { code: 1, meaning: 'a check failed (CI gate), invalid input data or a failed fit' },
  { code: 2, meaning: 'usage error' },
];
