/**
 * Declarative command and option specifications: the single place where flags, their help text and
 * defaults are declared. src/cli.ts builds commander from them; the README test checks that every
 * flag is documented.
 */

export interface OptionSpec {
  /** Commander flags, e.g. "--params <size>". */
  flags: string;
  description: string;
  /** Allowed values (commander rejects others with exit code 2). */
  choices?: readonly string[];
  /** Default shown in --help; applied by the command, not by commander, so that config files can set it. */
  defaultHelp?: string;
}

export interface ExampleSpec {
  command: string;
  explain: string;
}

export interface CommandSpec {
  name: string;
  /** Positional arguments in commander syntax, e.g. "[file]". */
  arguments?: { syntax: string; description: string }[];
  summary: string;
  description: string;
  options: readonly OptionSpec[];
  examples: readonly ExampleSpec[];
}

/** The long flag name of an option: "--params <size>" → "--params". */
export function longFlag(option: OptionSpec): string {
  return option.flags.split(/[ ,]+/).find((part) => part.startsWith('--'))!;
}

/** The flag of an option key: "excludeTopLoss" → "--exclude-top-loss". */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
