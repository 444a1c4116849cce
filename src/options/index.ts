/** Every subcommand's specification, in the order of `emerge --help`. */
import { fitSpec } from './fit.js';
import { predictSpec } from './predict.js';
import { simulateSpec } from './simulate.js';
import { thresholdsSpec } from './thresholds.js';
import type { CommandSpec } from './spec.js';

export const COMMAND_SPECS: readonly CommandSpec[] = [predictSpec, fitSpec, thresholdsSpec, simulateSpec];
