/**
 * Colour as a parameter: a palette is either chalk at 16 colours or the identity. The CLI decides
 * (a TTY, NO_COLOR, FORCE_COLOR); renderers never look at the environment.
 */
import { Chalk } from 'chalk';

export interface Palette {
  enabled: boolean;
  good(text: string): string;
  warn(text: string): string;
  bad(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export function createPalette(enabled: boolean): Palette {
  const chalk = new Chalk({ level: enabled ? 1 : 0 });
  return {
    enabled,
    good: (t) => chalk.green(t),
    warn: (t) => chalk.yellow(t),
    bad: (t) => chalk.red(t),
    dim: (t) => chalk.dim(t),
    bold: (t) => chalk.bold(t),
  };
}
